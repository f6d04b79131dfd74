export default definePageConfig({ navigationBarTitleText: '举报办理' })
