export default definePageConfig({
  navigationBarTitleText: '守信激励',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
})
