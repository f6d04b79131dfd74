// Import rules kept by CI (`npm run lint:deps`): the layers of the app and the server, and no cycles.
// Each rule says why; a file that must break one is named in an allow-list with the reason, so the
// rule holds for every new file.

/** Routes allowed to reach the database layer directly, with why. */
const routesWithSql = [
  // the health check exists to probe the database itself (version, migration)
  '^server/routes/health\\.ts$',
]

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle makes load order matter and the parts impossible to test alone.',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment: 'src/domain holds rules shared by app and server: no I/O, no Taro, no server code, no app layers.',
      from: { path: '^src/domain/' },
      to: {
        dependencyTypesNot: ['type-only'],
        path: ['^server/', '^src/(services|stores|platform|features|components|hooks|pages|packages)/', '^node_modules/(@tarojs|react|zustand|axios|pg|kysely|fastify)'],
      },
    },
    {
      name: 'domain-uses-no-node-builtins',
      severity: 'error',
      comment: 'src/domain runs in the mini-program too: no fs, crypto, http …',
      from: { path: '^src/domain/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'contract-is-schemas-only',
      severity: 'error',
      comment: 'src/contract is zod schemas shared by server and app: it may import only zod and src/domain.',
      from: { path: '^src/contract/' },
      to: { pathNot: ['^src/contract/', '^src/domain/', '^node_modules/zod/'] },
    },
    {
      name: 'shared-ui-imports-no-feature',
      severity: 'error',
      comment: 'src/components and src/hooks are shared by every feature; a feature import would tie them to one.',
      from: { path: '^src/(components|hooks)/' },
      to: { path: '^src/features/' },
    },
    {
      name: 'main-package-imports-no-subpackage',
      severity: 'error',
      comment: 'The mini-program main package cannot load subpackage code (and must stay within its size budget).',
      from: { path: '^src/(pages|components|hooks|features|services|stores|platform|domain|app)' },
      to: { path: '^src/packages/' },
    },
    {
      name: 'routes-do-not-touch-the-database',
      severity: 'error',
      comment: 'A route parses, calls a use case and replies; SQL lives in the use cases and repositories.',
      from: { path: '^server/routes/', pathNot: routesWithSql.length ? routesWithSql : ['^$'] },
      to: { path: ['^server/db/', '^node_modules/kysely/'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'platform-is-the-lowest-app-layer',
      comment: 'src/platform wraps Taro and the device; everything above may use it, so it uses nothing above (services ↔ platform, stores ↔ platform were cycles).',
      severity: 'error',
      from: { path: '^src/platform/' },
      to: { path: '^src/(services|stores|features|components|hooks|pages|packages)/' },
    },
    {
      name: 'stores-below-services',
      comment: 'The API client reads the session store; a store calling the API back was the services ↔ stores cycle. Types may be shared.',
      severity: 'error',
      from: { path: '^src/stores/' },
      to: { path: '^src/(services|features|components|hooks|pages|packages)/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'server-auth-below-http',
      comment: 'Sessions and tokens are used by the HTTP layer, not the other way round (server auth ↔ http was a cycle); errors live in server/errors.ts.',
      severity: 'error',
      from: { path: '^server/auth/' },
      to: { path: '^server/(http|routes)/' },
    },
    {
      name: 'app-imports-no-server',
      severity: 'error',
      comment: 'Server code must never reach the app bundle.',
      from: { path: '^src/' },
      to: { path: '^server/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.test\\.tsx?$|/testing/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
}
