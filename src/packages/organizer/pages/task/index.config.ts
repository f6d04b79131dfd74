export default definePageConfig({
  navigationBarTitleText: '报名与时长确认',
})
