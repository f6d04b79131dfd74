export default definePageConfig({
  navigationBarTitleText: '免押资格查验',
})
