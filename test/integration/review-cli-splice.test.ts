/**
 * `piiscout review FILE --accept/--set/--ignore/--accept-above` on a large file edits only the
 * collections it touches (src/review/command-review-file.ts): every other collection's text, with a
 * person's own spacing, comments and unknown keys, stays byte for byte as it was, where the whole
 * YAML Document would have rewritten them. Needs the built CLI (npm run build).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/fixtures.js';
import { fidesLoadProblems } from '../helpers/fides-load-check.js';
import { scanYaml, type SimpleTable } from '../helpers/review-scan.js';
import { ReviewFile } from '../../src/review/review-file.js';

const TABLES = 600;

/** Each collection's text by its name (the writer's layout: `      - name: x` starts one). */
function collectionTexts(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const starts = [...text.matchAll(/^ {6}- name: (\S+)\n/gm)];
  starts.forEach((m, i) => out.set(m[1], text.slice(m.index, i + 1 < starts.length ? starts[i + 1].index : text.length)));
  return out;
}

describe('review on the command line, spliced per collection', () => {
  let dir: string;
  let original: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'piiscout-review-splice-'));
    const tables: SimpleTable[] = Array.from({ length: TABLES }, (_, i) => ({
      name: `t${String(i).padStart(5, '0')}`,
      columns: [
        // The hand-written tables (below) below --accept-above 0.9: a collection the Document would read
        // differently from its text is left to the whole Document (review-splice.ts).
        { name: 'email', categories: ['user.contact.email'], confidence: i % 10 === 0 ? 0.5 : 0.95 },
        { name: 'note', categories: ['system.operations'], confidence: 0.4 },
      ],
    }));
    // A person's own spacing, comments and keys in every tenth table: not how the writer writes them.
    original = scanYaml(tables).replace(/( {6}- name: t\d{4}0\n)/g, '$1        # owner:   billing team\n        x_retention:    "7 years"\n');
    expect(ReviewFile.parse(original).toString()).not.toBe(original);
  });

  it.each([
    [['--accept', 't00011.email'], ['t00011']],
    [['--set', 't00234.note=user.name', '--ignore', 't00021.email'], ['t00234', 't00021']],
  ])('%j changes only %j', async (args, changed) => {
    const file = path.join(dir, `${changed.join('-')}.yml`);
    fs.writeFileSync(file, original);
    const run = await runCli(['review', file, ...args], { killAfterMs: 120_000 });
    expect(run.stderr).toMatch(/^Saved /m);
    expect(run.code).toBe(0);
    const written = fs.readFileSync(file, 'utf8');
    const before = collectionTexts(original);
    const after = collectionTexts(written);
    expect([...after.keys()]).toEqual([...before.keys()]);
    const differing = [...before].filter(([name, text]) => after.get(name) !== text).map(([name]) => name);
    expect(differing.sort()).toEqual([...changed].sort());
    expect(written.slice(0, written.indexOf('      - name: '))).toBe(original.slice(0, original.indexOf('      - name: ')));
    const fields = new Map(ReviewFile.parse(written).fields().map((f) => [f.ref, f]));
    expect(fields.get(`public.${changed[0]}.${args[1].split('.')[1].split('=')[0]}`)?.status).not.toBe('proposed');
  }, 300_000);

  it('--accept-above --yes --json gives what the whole Document gives, and keeps the hand-written tables', async () => {
    const file = path.join(dir, 'bulk.yml');
    fs.writeFileSync(file, original);
    const run = await runCli(['review', file, '--accept-above', '0.9', '--yes', '--json'], { killAfterMs: 120_000 });
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as { changed: { field: string; action: string }[]; version: string };
    expect(out.changed).toHaveLength(TABLES - TABLES / 10);
    const written = fs.readFileSync(file, 'utf8');
    const whole = ReviewFile.parse(original);
    for (const f of whole.fields().filter((f) => (f.confidence ?? 0) >= 0.9)) whole.accept(f.address);
    // Every field as the whole Document's accept leaves it, and the version is the written file's.
    expect(ReviewFile.parse(written).fields()).toEqual(whole.fields().map((f) => (f.reviewedAt ? { ...f, reviewedAt: expect.any(String) } : f)));
    expect(out.version).toBe(ReviewFile.parse(written).version);
    expect(written).toContain('        # owner:   billing team\n        x_retention:    "7 years"\n');
    expect(fidesLoadProblems([file])).toEqual([]);
  }, 300_000);
});
