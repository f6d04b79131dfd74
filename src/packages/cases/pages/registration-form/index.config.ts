export default definePageConfig({ navigationBarTitleText: '信用信息自愿注册' })
