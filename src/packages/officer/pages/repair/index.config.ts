export default definePageConfig({
  navigationBarTitleText: '修复申请审核',
})
