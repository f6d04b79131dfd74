export default definePageConfig({
  navigationBarTitleText: '资格证明',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
})
