export default definePageConfig({
  navigationBarTitleText: '红黑名单查询',
})
