export default definePageConfig({ navigationBarTitleText: '注册信息核验' })
