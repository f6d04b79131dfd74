export default definePageConfig({
  navigationBarTitleText: '核验码',
})
