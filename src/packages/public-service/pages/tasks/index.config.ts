export default definePageConfig({
  navigationBarTitleText: '公益任务',
})
