// Jest runs the app and domain tests (jsdom). The API tests run under node:test (npm run test:api).
const taroGlobals = {
  ENABLE_INNER_HTML: true,
  ENABLE_ADJACENT_HTML: true,
  ENABLE_SIZE_APIS: true,
  ENABLE_TEMPLATE_CONTENT: true,
  ENABLE_CLONE_NODE: true,
  ENABLE_CONTAINS: true,
  ENABLE_MUTATION_OBSERVER: true,
  DEPRECATED_ADAPTER_COMPONENT: false,
  __TARO_FRAMEWORK__: 'react',
}

module.exports = {
  testEnvironment: 'jsdom',
  // Component tests render whole pages; on a loaded 2-core machine one can take several seconds.
  testTimeout: 30_000,
  roots: ['<rootDir>/src'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  moduleNameMapper: {
    '^@tarojs/components$': '@tarojs/components/lib/react',
    '^@tarojs/taro$': '<rootDir>/test/jest/taro-mock.ts',
    '^@/(.*)$': '<rootDir>/src/$1',
    '\\.(css|scss|sass)$': '<rootDir>/test/jest/style-mock.js',
    '\\.(png|jpg|jpeg|gif|svg)$': '<rootDir>/test/jest/file-mock.js',
  },
  transform: { '^.+\\.[jt]sx?$': 'babel-jest', '^.+\\.mjs$': 'babel-jest' },
  transformIgnorePatterns: ['/node_modules/(?!(@tarojs|@stencil|swiper|ssr-window|dom7|chinese-days|\\.pnpm|tslib)/)'],
  setupFilesAfterEnv: ['<rootDir>/test/jest/setup.ts'],
  globals: taroGlobals,
  testEnvironmentOptions: { customExportConditions: [''] },
}
