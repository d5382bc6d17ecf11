/**
 * Merging holds the whole file in memory (about 100x its size), so a scan refuses to merge into a
 * file over the limit (10 MB, `PIISCOUT_MERGE_MAX_MB`): one line with the ways round it, exit 1,
 * before connecting, the file untouched. Tested with a small limit.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createFixture, runCli } from '../helpers/fixtures.js';

let db: string;
let dir: string;

beforeAll(async () => {
  db = await createFixture('sqlite', 'merge_limit', [
    {
      name: 'customers',
      columns: [
        { name: 'id', type: 'int', pk: true },
        { name: 'email', type: 'text' },
        { name: 'full_name', type: 'text' },
        { name: 'city', type: 'text' },
      ],
      rows: Array.from({ length: 20 }, (_, i) => [i + 1, `p${i}@example.com`, `Person ${i}`, 'Lyon']),
    },
  ]);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'piiscout-merge-limit-'));
});

describe('scan refuses to merge into a file over the limit', () => {
  it('exits 1 with one line and a hint, leaves the file as it was, and merges under a higher limit', async () => {
    const out = path.join(dir, 'scan.yml');
    expect((await runCli(['scan', db, '-o', out, '--no-ml'])).code).toBe(0);
    const review = await runCli(['review', out, '--accept', 'customers.email']);
    expect(review.code, review.stderr).toBe(0);
    const before = fs.readFileSync(out);
    expect(before.length).toBeGreaterThan(1100); // over the 0.001 MB limit below

    const refused = await runCli(['scan', db, '-o', out, '--no-ml'], { env: { PIISCOUT_MERGE_MAX_MB: '0.001' } });
    expect(refused.code).toBe(1);
    const lines = refused.stderr.trim().split('\n');
    expect(lines[0]).toMatch(/^piiscout: error: .*scan\.yml is 0\.00\d MB, over the 0\.001 MB a scan can be merged into .*the file was not changed$/);
    expect(lines[1]).toMatch(/hint: .*--no-merge.*--shard i\/n.*PIISCOUT_MERGE_MAX_MB=N/);
    expect(refused.stderr).not.toMatch(/^\s+at /m); // no stack trace
    expect(refused.stderr).not.toMatch(/scanning/); // refused before connecting
    expect(fs.readFileSync(out)).toEqual(before);

    const merged = await runCli(['scan', db, '-o', out, '--no-ml'], { env: { PIISCOUT_MERGE_MAX_MB: '1' } });
    expect(merged.code, merged.stderr).toBe(0);
    expect(merged.stderr).toMatch(/merged: .*1 decision kept/);
  });

  it('overwrites with --no-merge whatever the limit, and rejects a limit that is no size', async () => {
    const out = path.join(dir, 'overwrite.yml');
    fs.writeFileSync(out, 'x'.repeat(5000));
    const forced = await runCli(['scan', db, '-o', out, '--no-ml', '--no-merge'], { env: { PIISCOUT_MERGE_MAX_MB: '0.001' } });
    expect(forced.code, forced.stderr).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toContain('dataset:');

    const bad = await runCli(['scan', db, '-o', out, '--no-ml'], { env: { PIISCOUT_MERGE_MAX_MB: 'lots' } });
    expect(bad.code).toBe(2);
    expect(bad.stderr.split('\n')[0]).toBe('piiscout: error: PIISCOUT_MERGE_MAX_MB="lots" is not a size in MB');
  });
});
