export default definePageConfig({
  navigationBarTitleText: '兑换时长码',
})
