export default definePageConfig({ navigationBarTitleText: '自愿注册', onReachBottomDistance: 200 })
