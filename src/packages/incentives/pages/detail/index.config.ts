export default definePageConfig({
  navigationBarTitleText: '激励详情',
})
