/**
 * The connectors/ boundary, checked on the source text: engine knowledge stays in connectors/ (no
 * module under src/ branches on an engine name; they ask the registry), and connectors/ imports only
 * src/core and src/util of ours, and no connector imports the registry back.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(repoRoot, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(dir, f));
}

const NAMES = 'postgres|postgresql|mysql|mariadb|sqlite|pglite|snowflake';
/**
 * Ways code branches on an engine: comparing with an engine name (either side), a `case` on one, any
 * comparison of an `engine` field, indexing a table by engine, a regex alternation of engine schemes.
 * A type declaration (`'postgres' | 'mysql'`) or a literal config (`{ engine: 'pglite' }`) is no branch.
 */
const ENGINE_BRANCHES: readonly RegExp[] = [
  new RegExp(`[!=]==?\\s*['"\`](${NAMES})['"\`]`, 'i'),
  new RegExp(`['"\`](${NAMES})['"\`]\\s*[!=]==?`, 'i'),
  new RegExp(`\\bcase\\s+['"\`](${NAMES})['"\`]`, 'i'),
  /\bengine\s*[!=]==?\s*(?!undefined\b|null\b)[^=\s]/,
  /\[[\w.]*\bengine\]/,
  new RegExp(`\\((?:${NAMES})\\|(?:${NAMES})`, 'i'),
];

/** Lines of `text` that branch on an engine name; comments are not code. */
function engineBranches(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.replace(/^\s*(\/\/|\*|\/\*\*?).*$/, '').replace(/\s\/\/.*$/, ''))
    .filter((line) => ENGINE_BRANCHES.some((pattern) => pattern.test(line)));
}

describe('engine knowledge stays in connectors/', () => {
  it('finds the branches it looks for (the writer and scan command before the registry)', () => {
    const before = [
      "    const raw = database.engine === 'sqlite' && schema === 'main' ? prefix || schema : schema;",
      "  if (database.engine === 'mysql') return '';",
      "    const unit = result.database.engine === 'mysql' ? 'database' : 'schema';",
      '          ? `${ENGINE_NAMES[database.engine]} database ${schema}, classified by piiscout`',
      '  const file = /^(sqlite|pglite):(?:\\/\\/)?(.*)$/i.exec(url);',
      "    case 'snowflake':",
      "  if ('mysql' === kind) return;",
      "  return config.engine !== 'pglite';",
    ];
    for (const line of before) expect(engineBranches(line), line).toEqual([line]);
    const allowed = [
      "export type EngineKind = 'postgres' | 'mysql' | 'sqlite' | 'pglite' | 'snowflake';",
      "    config = { engine: 'pglite', dataDir: demo.dataDir };",
      '  if (engine !== undefined) checkEngineFlags(engine, flags);',
      "  // MySQL/MariaDB: a schema is a database; engine === 'mysql' was tested here",
      ' * `sqlite:` and `pglite:` paths are relative to the config file.',
    ];
    for (const line of allowed) expect(engineBranches(line), line).toEqual([]);
  });

  it('no module under src/ branches on an engine name', () => {
    const found = sourceFiles('src').flatMap((file) =>
      engineBranches(fs.readFileSync(path.join(repoRoot, file), 'utf8')).map((line) => `${file}: ${line.trim()}`),
    );
    expect(found).toEqual([]);
  });
});

describe('connectors/ imports only src/core and src/util', () => {
  const imports = sourceFiles('connectors').flatMap((file) => {
    const text = fs.readFileSync(path.join(repoRoot, file), 'utf8');
    return [...text.matchAll(/(?:^|\s)(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => ({
      file,
      specifier: m[1] ?? m[2],
    }));
  });
  const relative = imports.filter((i) => i.specifier.startsWith('.'));
  const resolved = relative.map((i) => ({ ...i, target: path.normalize(path.join(path.dirname(i.file), i.specifier)) }));

  it('reads the imports (sanity: some inside, some of core and util)', () => {
    expect(resolved.some((i) => i.target.startsWith(`src${path.sep}core${path.sep}`))).toBe(true);
    expect(resolved.some((i) => i.target.startsWith(`src${path.sep}util${path.sep}`))).toBe(true);
    expect(resolved.some((i) => i.target.startsWith(`connectors${path.sep}`))).toBe(true);
  });

  it('reaches nothing of ours outside connectors/, src/core and src/util', () => {
    const outside = resolved.filter((i) => !['connectors', 'src/core', 'src/util'].some((dir) => i.target.startsWith(path.normalize(dir) + path.sep)));
    expect(outside.map((i) => `${i.file} → ${i.specifier}`)).toEqual([]);
  });

  it('no connector imports the registry (connectors/index.ts) back', () => {
    const back = resolved.filter((i) => i.file !== path.join('connectors', 'index.ts') && i.target === path.join('connectors', 'index.js'));
    expect(back.map((i) => `${i.file} → ${i.specifier}`)).toEqual([]);
  });
});
