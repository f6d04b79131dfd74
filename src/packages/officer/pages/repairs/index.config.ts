export default definePageConfig({
  navigationBarTitleText: '信用修复审核',
  enablePullDownRefresh: true,
})
