export default definePageConfig({
  navigationBarTitleText: '信用记录',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
})
