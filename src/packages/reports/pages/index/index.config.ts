export default definePageConfig({
  navigationBarTitleText: '信用报告',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
})
