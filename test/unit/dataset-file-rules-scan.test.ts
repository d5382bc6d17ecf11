/**
 * The rules of the dataset file live only in the dataset-file model (src/fides/dataset-file/):
 * checked on the source text, so that nobody writes a second copy of one. Simple patterns on code
 * lines (comments are not code): is-personal by prefix (`startsWith('user')`, `'user.'`,
 * `=== 'user'`), the list of statuses or of decided ones, the status a field without one gets, and
 * reading a dataset's namespace or schema.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const MODEL_DIR = path.join('src', 'fides', 'dataset-file');
/** The review page's browser script restates a few labels for the browser; it is no rule of the file. */
const NOT_SCANNED = new Set([path.join('src', 'review', 'page-script.ts')]);

const RULES: readonly { readonly rule: string; readonly pattern: RegExp }[] = [
  { rule: 'is-personal', pattern: /startsWith\(\s*['"`]user|['"`]user\.['"`]|[!=]==?\s*['"`]user['"`]|['"`]user['"`]\s*[!=]==?|isWithin\([^)]*['"`]user['"`]/ },
  { rule: 'statuses', pattern: /['"`](proposed|accepted|edited|ignored)['"`]\s*,\s*['"`](proposed|accepted|edited|ignored)['"`]/ },
  { rule: 'status-inference', pattern: /\?\s*['"`]edited['"`]\s*:\s*['"`]proposed['"`]/ },
  // `.namespace` or a 'namespace' key looked up (`childMap(x, 'namespace')`), not the word in a list of column names.
  { rule: 'dataset-schema', pattern: /\.namespace\b|['"`]namespace['"`]\s*\)/ },
];

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(path.join(repoRoot, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(dir, f));
}

/** `rule: line` for each code line of `text` that restates a rule. */
function restatedRules(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.replace(/^\s*(\/\/|\*|\/\*\*?).*$/, '').replace(/\s\/\/.*$/, ''))
    .flatMap((line) => RULES.filter((r) => r.pattern.test(line)).map((r) => `${r.rule}: ${line.trim()}`));
}

describe('the dataset-file rules are written once', () => {
  it('finds the copies there were before the model (each rule at least once)', () => {
    const before = [
      "  return categories.some((c) => c === 'user' || c.startsWith('user.'));",
      "        if (!c.startsWith('user')) continue;",
      "        const personal = category !== null && Taxonomy.root(category) === 'user';",
      "  return Taxonomy.isWithin(key, 'user');",
      "const DECIDED = new Set(['accepted', 'edited', 'ignored']);",
      "export const FIELD_STATUSES: readonly FieldStatus[] = ['proposed', 'accepted', 'edited', 'ignored'];",
      "  const status = typeof record.status === 'string' ? record.status : categories.length > 0 ? 'edited' : 'proposed';",
      "  const ns = childMap(childMap(dataset, 'fides_meta') ?? new YAML.YAMLMap(), 'namespace');",
      '  const schema = ds.fides_meta?.namespace?.schema ?? ds.fides_meta?.namespace?.database_name ?? ds.name;',
    ];
    for (const line of before) expect(restatedRules(line), line).toHaveLength(1);
    const allowed = [
      "    if (f.status === 'edited') {",
      '          namespace: { database: namespace.database, schema: namespace.schema },',
      "  usr: ['user'], emp: ['employee'],",
      '  // c.startsWith("user") was wrong here',
    ];
    for (const line of allowed) expect(restatedRules(line), line).toEqual([]);
  });

  it('no module outside src/fides/dataset-file/ (and src/core/personal-data.ts) restates one', () => {
    // Is-personal is defined in src/core (classification below the model needs it too); the model re-exports it.
    const home = (f: string) => f.startsWith(MODEL_DIR + path.sep) || f === path.join('src', 'core', 'personal-data.ts');
    const files = ['src', 'connectors', 'scripts', 'training'].flatMap(sourceFiles).filter((f) => !home(f) && !NOT_SCANNED.has(f));
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap((f) => restatedRules(fs.readFileSync(path.join(repoRoot, f), 'utf8')).map((hit) => `${f}: ${hit}`));
    expect(found).toEqual([]);
  });
});
