export default definePageConfig({ navigationBarTitleText: '生成信用报告' })
