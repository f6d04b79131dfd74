// Platform-only styles: the mini-program needs none (see platform.h5.ts).
export {}
