export default definePageConfig({
  navigationBarTitleText: '核验码查验',
})
