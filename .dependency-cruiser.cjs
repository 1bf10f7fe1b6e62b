// The rule of the house, checked on every `npm test` (npm run check:layers): each layer imports
// only the layers below it. functions/core is pure; db/ is the data layer on top of core; the
// features (functions/) never reach up to the pages, the tools or the tests; the pages (site/)
// call features and core, never the database; scripts/ (tools and plumbing) and test/ may
// import anything. A violation fails `npm test` naming the rule, the file and the import.
// TypeScript 7.0 has no compiler API for dependency-cruiser, so it parses with swc (its warning
// about a missing TypeScript transpiler is expected). It cannot read .astro files: Biome's
// noRestrictedImports holds the pages to the same rule (biome.json).
module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment: 'functions/core is plain TypeScript: it imports nothing of ours outside itself.',
      severity: 'error',
      from: { path: '^functions/core/' },
      to: { path: '^(?!functions/core/)(functions|db|site|scripts|test|content)/' },
    },
    {
      name: 'db-is-the-data-layer',
      comment: 'db/ (schema, client, migrations) sits right above functions/core and imports nothing else of ours.',
      severity: 'error',
      from: { path: '^db/' },
      to: { path: '^((functions/(?!core/))|site/|scripts/|test/)' },
    },
    {
      name: 'features-never-reach-up',
      comment: 'functions/ never imports the pages, the tools or the tests.',
      severity: 'error',
      from: { path: '^functions/' },
      to: { path: '^(site|scripts|test)/' },
    },
    {
      name: 'pages-call-features',
      comment: 'site/ calls features and core; it never imports db/, the tools or the tests.',
      severity: 'error',
      from: { path: '^site/' },
      to: { path: '^(db|scripts|test)/' },
    },
    {
      name: 'imports-resolve',
      comment: 'Every import of ours resolves to a file (an alias or path that leads nowhere is a mistake).',
      severity: 'error',
      from: { path: '^(functions|db|site|scripts|test)/' },
      to: { couldNotResolve: true, pathNot: '^(cloudflare:|astro:)' },
    },
  ],
  options: {
    parser: 'swc',
    includeOnly: '^(functions|db|site|scripts|test|content)/',
    exclude: { path: '(^|/)node_modules/' },
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      extensions: ['.ts', '.mjs', '.js', '.json', '.astro'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
  },
};
