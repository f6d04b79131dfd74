// ESLint: Taro's own rules for React (eslint-config-taro) plus the hooks rules, at zero warnings
// (`npm run lint`, in CI). TypeScript checks types; this catches what tsc does not (hooks misuse,
// JSX mistakes, imports).
module.exports = {
  root: true,
  extends: ['taro/react', 'plugin:react-hooks/recommended'],
  settings: { react: { version: '18.3' } },
  ignorePatterns: ['dist/', 'node_modules/', '*.d.ts'],
  rules: {
    // the automatic JSX runtime (tsconfig "jsx": "react-jsx"): no React import for JSX
    'react/react-in-jsx-scope': 'off',
    'react/jsx-uses-react': 'off',
    // these libraries document their default export as the object to call (fc.assert, axios.create,
    // chineseDays.getDayDetail, qrcode(…)); a named import would differ from every example
    'import/no-named-as-default-member': 'off',
    'import/no-named-as-default': 'off',
  },
}
