// The mini-program has no keyboard focus to manage: WeChat's own accessibility reads roles and
// labels. On H5 see keyboard-access.h5.ts.
export function enableKeyboardAccess(): void {}
