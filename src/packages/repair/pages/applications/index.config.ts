export default definePageConfig({
  navigationBarTitleText: '我的修复申请',
  enablePullDownRefresh: true,
})
