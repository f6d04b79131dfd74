export default definePageConfig({
  navigationBarTitleText: '签署信用承诺',
})
