/**
 * What the built CLI loads on its way (issue 18, start-up): `--help`, `--version`, `--dry-run` and
 * `--no-ml` never load TF.js, and a scan with the model loads TF.js with require(), never through
 * the ES module loader (which scans its CommonJS bundles for export names first, several times the
 * cost of loading them). Modules are recorded by a preload (test/helpers/module-trace/), not timed.
 * The CLI is the esbuild bundle (dist/bundle/): the files it loads are mapped back to the modules of
 * ours they hold with the list the build writes (dist/cli-bundle-inputs.json).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { createFixture, runCli, type FixtureTable } from '../helpers/fixtures.js';
import { builtCli, repoRoot } from '../helpers/servers.js';

const PRELOAD = pathToFileURL(path.join(repoRoot, 'test', 'helpers', 'module-trace', 'register.mjs')).href;

interface Trace {
  /** URLs the ES module loader resolved. */
  readonly esm: readonly string[];
  /** Files in require's cache at exit. */
  readonly cjs: readonly string[];
}

async function traceCli(args: readonly string[]): Promise<Trace & { code: number; stderr: string }> {
  const traceFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'piiscout-trace-')), 'modules.txt');
  const run = await runCli(args, { env: { NODE_OPTIONS: `--import ${PRELOAD}`, PIISCOUT_MODULE_TRACE: traceFile }, killAfterMs: 120_000 });
  const lines = fs.existsSync(traceFile) ? fs.readFileSync(traceFile, 'utf8').split('\n') : [];
  return {
    code: run.code,
    stderr: run.stderr,
    esm: lines.filter((l) => l.startsWith('esm ')).map((l) => l.slice(4)),
    cjs: lines.filter((l) => l.startsWith('cjs ')).map((l) => l.slice(4)),
  };
}

const isTf = (file: string): boolean => file.includes('/node_modules/@tensorflow/');

/** Our source modules (src/scan/..., connectors/sqlite/...) in the bundle's files among these URLs. */
function sourcesLoaded(urls: readonly string[]): string[] {
  const inputs = JSON.parse(fs.readFileSync(path.join(repoRoot, 'dist', 'cli-bundle-inputs.json'), 'utf8')) as Record<string, string[]>;
  const bundleDir = pathToFileURL(path.dirname(builtCli)).href + '/';
  return urls.filter((u) => u.startsWith(bundleDir)).flatMap((u) => inputs[u.slice(bundleDir.length)] ?? [`${u} (not in the build's list)`]);
}

const TABLES: FixtureTable[] = [
  {
    name: 'customers',
    columns: [
      { name: 'id', type: 'int', pk: true },
      { name: 'email', type: 'text' },
    ],
    rows: Array.from({ length: 20 }, (_, i) => [i + 1, `person${i}@example.com`]),
  },
  {
    name: 'orders',
    columns: [
      { name: 'id', type: 'int', pk: true },
      { name: 'customer_id', type: 'int', references: 'customers.id' },
    ],
    rows: Array.from({ length: 20 }, (_, i) => [i + 1, (i % 20) + 1]),
  },
];

describe('modules the built CLI loads', () => {
  let url: string;
  let out: string;
  beforeAll(async () => {
    url = await createFixture('sqlite', 'startup', TABLES);
    out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'piiscout-startup-')), 'out.yml');
  });

  it('records what it loads (the preload works)', async () => {
    const trace = await traceCli(['--version']);
    expect(trace.code).toBe(0);
    expect(trace.esm).toContain(pathToFileURL(builtCli).href);
    expect(sourcesLoaded(trace.esm)).toContain('src/cli/bin.ts');
    expect(sourcesLoaded(trace.esm)).toContain('src/cli/program.ts');
  });

  it.each([[['--help']], [['--version']], [['scan', '--help']]])('%j loads neither TF.js nor the scan', async (args) => {
    const trace = await traceCli(args);
    expect(trace.code).toBe(0);
    expect([...trace.esm, ...trace.cjs].filter(isTf)).toEqual([]);
    expect(sourcesLoaded(trace.esm).filter((s) => s.startsWith('src/scan/') || s.startsWith('src/classify/'))).toEqual([]);
  });

  it.each([['--no-ml'], ['--dry-run']])('scan %s does not load TF.js', async (flag) => {
    const trace = await traceCli(['scan', url, '-o', out, '--no-merge', '-q', flag]);
    expect(trace.stderr).toBe('');
    expect(trace.code).toBe(0);
    expect(sourcesLoaded(trace.esm).some((s) => s.startsWith('connectors/sqlite/'))).toBe(true);
    expect([...trace.esm, ...trace.cjs].filter(isTf)).toEqual([]);
  });

  it('a scan with the model loads TF.js with require(), not through the ES module loader', async () => {
    const trace = await traceCli(['scan', url, '-o', out, '--no-merge', '-q']);
    expect(trace.stderr).toBe('');
    expect(trace.code).toBe(0);
    expect(trace.cjs.some((f) => f.includes('/node_modules/@tensorflow/tfjs-core/'))).toBe(true);
    expect(trace.cjs.some((f) => f.includes('/node_modules/@tensorflow/tfjs-layers/'))).toBe(true);
    expect(trace.esm.filter(isTf)).toEqual([]);
  });
});
