export default definePageConfig({
  navigationBarTitleText: '免押资格',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
})
