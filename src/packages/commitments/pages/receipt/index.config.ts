export default definePageConfig({
  navigationBarTitleText: '承诺回执',
})
