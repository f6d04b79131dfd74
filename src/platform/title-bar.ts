// The mini-program has its own navigation bar (title, back, home): nothing to add there. On H5 see
// title-bar.h5.ts.
export function setUpTitleBar(_followElderly: (apply: (on: boolean) => void) => void): void {}
