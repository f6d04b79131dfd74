// Tab pages in the main package; every other page lives in a subpackage (DESIGN §5: main ≤ 1.5 MB).
const isWeapp = process.env.TARO_ENV === 'weapp'

export default defineAppConfig({
  pages: ['pages/index/index', 'pages/incentives/index', 'pages/mine/index'],
  subPackages: [
    {
      root: 'packages/account',
      pages: ['pages/login/index', 'pages/real-name/index', 'pages/privacy/index', 'pages/access-log/index', 'pages/outbox/index', 'pages/help/index', 'pages/about/index', 'pages/delete/index', 'pages/not-found/index'],
    },
    {
      root: 'packages/credit',
      pages: ['pages/records/index', 'pages/detail/index', 'pages/score/index', 'pages/objection-new/index', 'pages/objection/index', 'pages/objections/index'],
    },
    {
      root: 'packages/incentives',
      pages: ['pages/detail/index', 'pages/vouchers/index', 'pages/voucher/index', 'pages/grants/index', 'pages/authorizations/index', 'pages/certificate/index', 'pages/pass/index'],
    },
    { root: 'packages/messages', pages: ['pages/index/index'] },
    { root: 'packages/staff', pages: ['pages/verify/index', 'pages/grant-check/index', 'pages/pass-check/index'] },
    { root: 'packages/public', pages: ['pages/lists/index', 'pages/report-verify/index'] },
    { root: 'packages/reports', pages: ['pages/index/index', 'pages/generate/index', 'pages/detail/index'] },
    { root: 'packages/repair', pages: ['pages/planner/index', 'pages/apply/index', 'pages/applications/index', 'pages/application/index'] },
    {
      root: 'packages/public-service',
      pages: ['pages/tasks/index', 'pages/task/index', 'pages/bookings/index', 'pages/scan/index', 'pages/redeem/index', 'pages/hours/index'],
    },
    { root: 'packages/organizer', pages: ['pages/tasks/index', 'pages/publish/index', 'pages/task/index', 'pages/site-code/index', 'pages/hour-code/index'] },
    {
      root: 'packages/cases',
      pages: ['pages/report-form/index', 'pages/reports/index', 'pages/report/index', 'pages/registration-form/index', 'pages/registrations/index', 'pages/registration/index'],
    },
    {
      root: 'packages/officer',
      pages: [
        'pages/index/index', 'pages/objections/index', 'pages/objection/index', 'pages/repairs/index', 'pages/repair/index',
        'pages/dishonesty-reports/index', 'pages/dishonesty-report/index', 'pages/registrations/index', 'pages/registration/index',
      ],
    },
    {
      root: 'packages/commitments',
      pages: ['pages/index/index', 'pages/sign/index', 'pages/receipt/index', 'pages/mine/index', 'pages/public/index', 'pages/verify/index'],
    },
  ],
  window: {
    navigationBarTitleText: '信用通',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f3f5f8',
    backgroundTextStyle: 'dark',
    // The mini-program's default; on H5 it turns on the router's title bar (back / home).
    navigationStyle: 'default',
  },
  tabBar: {
    color: '#5f6773',
    selectedColor: '#1763f0',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/index/index', text: '首页', iconPath: 'assets/tabbar/home.png', selectedIconPath: 'assets/tabbar/home-active.png' },
      {
        pagePath: 'pages/incentives/index',
        text: '守信激励',
        iconPath: 'assets/tabbar/incentives.png',
        selectedIconPath: 'assets/tabbar/incentives-active.png',
      },
      { pagePath: 'pages/mine/index', text: '我的', iconPath: 'assets/tabbar/mine.png', selectedIconPath: 'assets/tabbar/mine-active.png' },
    ],
  },
  lazyCodeLoading: 'requiredComponents',
  // WeChat's privacy check: privacy APIs wait for the user's consent (handled in platform/privacy).
  ...(isWeapp ? { __usePrivacyCheck__: true } : {}),
})
