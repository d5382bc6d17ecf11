/**
 * Layer boundaries (issue 17): the pure core depends on nothing of ours, connectors/ is a boundary that
 * sees only src/core and src/util, nothing reaches into the CLI, and modules do not import each other in a
 * circle. Cycles between top-level folders: scripts/check-folder-cycles.ts. `npm run lint` runs all three.
 */
module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment: 'src/core holds the shared types and pure logic: it imports nothing else of ours.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: '^(src|connectors)/', pathNot: '^src/core/' },
    },
    {
      name: 'connectors-boundary',
      comment: 'connectors/ imports only src/core and src/util of ours (connectors/README.md).',
      severity: 'error',
      from: { path: '^connectors/' },
      to: { path: '^src/', pathNot: '^src/(core|util)/' },
    },
    {
      name: 'nothing-imports-the-cli',
      comment: 'The CLI is the outermost layer: services below it never import it.',
      severity: 'error',
      from: { path: '^(src|connectors)/', pathNot: '^src/cli/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'no-module-cycles',
      comment: 'Modules do not import each other in a circle (type-only imports aside: they vanish at run time). Folder cycles: scripts/check-folder-cycles.ts.',
      severity: 'error',
      from: { path: '^(src|connectors)/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|test)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.js'] },
    moduleSystems: ['es6', 'cjs'],
  },
};
