export default definePageConfig({
  navigationBarTitleText: '信用修复规划',
  enablePullDownRefresh: true,
})
