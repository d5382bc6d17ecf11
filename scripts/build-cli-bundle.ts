/**
 * `npm run build` (after tsc): bundles the CLI with esbuild into dist/bundle/, the file the package's
 * `bin` runs. Node 20 has no compile cache for ES modules: loading the 466 modules of dist/src one by
 * one (resolving, reading and compiling each) was most of a small scan's start-up (docs/benchmarks.md).
 *
 * One flat folder: the entry (piiscout.js), the classification worker (classify-worker.js), the
 * chunks the lazily imported commands share, and a copy of the review page's script. Modules that
 * find files beside themselves (`new URL('./classify-worker.js', import.meta.url)`, the review page
 * bundle) find them there whichever chunk they end up in; those that look upwards (package.json, the
 * models/ folder) find the package root two levels up, as from dist/src/<folder>/.
 *
 * Left outside, imported at run time from node_modules: TF.js (loaded with require() on first use of
 * the model, src/model/tf.ts), native and WebAssembly modules (better-sqlite3, PGlite) and the
 * database drivers, ExcelJS and esbuild; each is imported only by the command that needs it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLE_FILE_NAME } from '../src/review/client-bundle.js';

const BUNDLE_DIR = path.join('dist', 'bundle');
/** Which of our modules each output file holds; outside dist/bundle/, so not shipped. */
const BUNDLE_INPUTS = path.join('dist', 'cli-bundle-inputs.json');
const EXTERNAL = [
  '@tensorflow/*',
  'better-sqlite3',
  '@electric-sql/pglite',
  '@electric-sql/pglite/*',
  'pg',
  'mysql2',
  'mysql2/*',
  'snowflake-sdk',
  'exceljs',
  'esbuild',
];

// This file runs as dist/scripts/build-cli-bundle.js.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const outdir = path.join(root, BUNDLE_DIR);
const esbuild = await import('esbuild');
fs.rmSync(outdir, { recursive: true, force: true });
const result = await esbuild.build({
  absWorkingDir: root,
  entryPoints: { piiscout: 'src/cli/bin.ts', 'classify-worker': 'src/classify/classify-worker.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: EXTERNAL,
  chunkNames: 'chunk-[hash]',
  // CommonJS dependencies bundled into ES modules call require() for Node's built-in modules.
  banner: { js: "import { createRequire as __piiscoutCreateRequire } from 'node:module'; const require = __piiscoutCreateRequire(import.meta.url);" },
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
});
const outputs = Object.entries(result.metafile.outputs);
// For the test of what the CLI loads on its way (test/integration/cli-startup-modules.test.ts).
const inputs = Object.fromEntries(outputs.map(([file, o]) => [path.basename(file), Object.keys(o.inputs).filter((i) => !i.startsWith('node_modules/'))]));
fs.writeFileSync(path.join(root, BUNDLE_INPUTS), `${JSON.stringify(inputs, null, 1)}\n`);
fs.copyFileSync(path.join(root, 'dist', 'src', 'review', BUNDLE_FILE_NAME), path.join(outdir, BUNDLE_FILE_NAME));
// bin.ts starts with its shebang, which esbuild keeps on the entry.
fs.chmodSync(path.join(outdir, 'piiscout.js'), 0o755);
const bytes = outputs.reduce((n, [, o]) => n + o.bytes, 0);
// On stderr: `npm pack --json` builds through prepack, and its stdout must stay JSON.
process.stderr.write(`CLI bundle: ${path.relative(root, outdir)}/, ${outputs.length} files, ${(bytes / 1024 / 1024).toFixed(1)} MB\n`);
