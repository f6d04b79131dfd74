export default definePageConfig({
  navigationBarTitleText: '守信激励',
})
