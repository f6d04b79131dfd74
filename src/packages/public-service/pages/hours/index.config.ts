export default definePageConfig({
  navigationBarTitleText: '我的公益时长',
})
