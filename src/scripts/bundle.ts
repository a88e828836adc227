// Bundles the CLI after tsc has type-checked and compiled it. Loading Ink from node_modules means
// reading some 800 small files (Ink's es-toolkit dependency alone is 400), which made the
// wizard's first screen miss its one-second target; one bundle with split chunks loads a
// handful. The entry stays tiny, so --help and --version still load nothing else.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

await build({
  absWorkingDir: root,
  entryPoints: { cli: 'src/cli.ts' },
  outdir: 'dist',
  entryNames: '[name]',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  // Ink loads react-devtools-core only when DEV=true; it is not a dependency of this tool.
  alias: { 'react-devtools-core': './src/scripts/devtools-stub.ts' },
  // Some bundled packages are CommonJS and expect these names in module scope.
  banner: {
    js: [
      "import { createRequire as __trCreateRequire } from 'node:module';",
      "import { fileURLToPath as __trFileURLToPath } from 'node:url';",
      'const require = __trCreateRequire(import.meta.url);',
      'const __filename = __trFileURLToPath(import.meta.url);',
      "const __dirname = __trFileURLToPath(new URL('.', import.meta.url));",
    ].join('\n'),
  },
  logLevel: 'warning',
});
