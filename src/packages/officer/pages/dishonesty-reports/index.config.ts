export default definePageConfig({ navigationBarTitleText: '失信举报办理', onReachBottomDistance: 200 })
