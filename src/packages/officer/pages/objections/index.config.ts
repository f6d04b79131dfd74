export default definePageConfig({
  navigationBarTitleText: '异议待办',
  enablePullDownRefresh: true,
})
