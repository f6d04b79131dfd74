export default definePageConfig({
  navigationBarTitleText: '修复申请详情',
  enablePullDownRefresh: true,
})
