export default definePageConfig({
  navigationBarTitleText: '发布公益任务',
})
