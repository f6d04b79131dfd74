export default definePageConfig({
  navigationBarTitleText: '我发布的公益任务',
})
