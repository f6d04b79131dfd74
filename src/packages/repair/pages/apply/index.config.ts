export default definePageConfig({
  navigationBarTitleText: '申请信用修复',
})
