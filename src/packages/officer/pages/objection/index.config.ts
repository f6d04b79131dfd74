export default definePageConfig({
  navigationBarTitleText: '异议办理',
  enablePullDownRefresh: true,
})
