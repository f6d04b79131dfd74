export default definePageConfig({ navigationBarTitleText: '自愿注册核验', onReachBottomDistance: 200 })
