export default definePageConfig({
  navigationBarTitleText: '查询记录',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
})
