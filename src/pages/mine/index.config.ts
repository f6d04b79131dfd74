export default definePageConfig({
  // H5: no title bar on a tab page (the tab bar is its navigation); the mini-program keeps its own.
  ...(process.env.TARO_ENV === 'h5' ? { navigationStyle: 'custom' as const } : {}),
  navigationBarTitleText: '我的',
})
