export default definePageConfig({
  navigationBarTitleText: '评分说明',
})
