/**
 * `piiscout scan --config`: a custom recognizer from the config file changes what the built CLI
 * proposes; a broken config fails before connecting, with one line and a hint (no stack).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { runCli } from '../helpers/fixtures.js';

const CONFIG = `
classification:
  categories:
    - key: user.employee_badge
      name: Employee badge
      parent: user
  recognizers:
    - id: employee-badge
      category: user.employee_badge
      value_patterns:
        - name: badge number
          regex: 'EMP-\\d{6}'
          score: 0.95
`;

interface Field {
  name: string;
  data_categories?: string[];
}

function fieldCategories(yamlText: string): Map<string, string[]> {
  const doc = YAML.parse(yamlText);
  const out = new Map<string, string[]>();
  for (const dataset of doc.dataset) for (const c of dataset.collections) for (const f of c.fields as Field[]) out.set(`${c.name}.${f.name}`, f.data_categories ?? []);
  return out;
}

describe('scan --config', () => {
  let dir: string;
  let db: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'piiscout-config-cli-'));
    db = path.join(dir, 'staff.db');
    const { default: Database } = await import('better-sqlite3');
    const sqlite = new Database(db);
    // last_update: one date in every row, which the column model calls not personal.
    sqlite.exec('CREATE TABLE staff (id INTEGER PRIMARY KEY, c1 TEXT, note TEXT, last_update DATE)');
    const insert = sqlite.prepare('INSERT INTO staff (c1, note, last_update) VALUES (?, ?, ?)');
    for (let i = 0; i < 60; i++) insert.run(`EMP-${String(210000 + i * 37)}`, `row ${i}`, '2006-02-15');
    sqlite.close();
    fs.writeFileSync(path.join(dir, 'badges.yml'), CONFIG);
  });

  it('proposes the custom category for values matching a custom recognizer', async () => {
    const without = path.join(dir, 'without.yml');
    const withConfig = path.join(dir, 'with.yml');
    const plain = await runCli(['scan', `sqlite:${db}`, '-o', without, '-q'], { cwd: dir });
    expect(plain.code, plain.stderr).toBe(0);
    const run = await runCli(['scan', `sqlite:${db}`, '--config', 'badges.yml', '-o', withConfig, '-q'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(fieldCategories(fs.readFileSync(without, 'utf8')).get('staff.c1')).not.toContain('user.employee_badge');
    expect(fieldCategories(fs.readFileSync(withConfig, 'utf8')).get('staff.c1')).toEqual(['user.employee_badge']);
    // Only the column the recognizer found changes: every other field is written as without the config.
    const otherFields = (file: string) =>
      YAML.parse(fs.readFileSync(file, 'utf8')).dataset.flatMap((d: { collections: { name: string; fields: Field[] }[] }) =>
        d.collections.flatMap((c) => c.fields.filter((f) => !(c.name === 'staff' && f.name === 'c1'))),
      );
    expect(otherFields(withConfig)).toEqual(otherFields(without));
  });

  it('reads ./piiscout.config.yml when no --config is given', async () => {
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'piiscout-config-default-'));
    fs.writeFileSync(path.join(cwd, 'piiscout.config.yml'), CONFIG);
    const run = await runCli(['scan', `sqlite:${db}`, '-o', 'out.yml', '-q'], { cwd });
    expect(run.code, run.stderr).toBe(0);
    expect(fieldCategories(fs.readFileSync(path.join(cwd, 'out.yml'), 'utf8')).get('staff.c1')).toEqual(['user.employee_badge']);
  });

  it('fails with one line and a hint on an invalid config (exit 2)', async () => {
    fs.writeFileSync(path.join(dir, 'bad.yml'), 'classification:\n  disable: [emial]\n');
    const run = await runCli(['scan', `sqlite:${db}`, '--config', 'bad.yml', '-o', 'x.yml'], { cwd: dir });
    expect(run.code).toBe(2); // a bad config is bad usage, as for schedule
    expect(run.stderr).toContain("bad.yml: classification.disable[0]: unknown recognizer 'emial' (did you mean 'email'?)");
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(fs.existsSync(path.join(dir, 'x.yml'))).toBe(false);
  });

  it('fails with one line on malformed YAML and on a missing file (exit 2)', async () => {
    fs.writeFileSync(path.join(dir, 'broken.yml'), 'classification:\n  recognizers: [\n');
    const broken = await runCli(['scan', `sqlite:${db}`, '--config', 'broken.yml', '-o', 'x.yml'], { cwd: dir });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/broken\.yml: invalid YAML at line \d+, column \d+/);
    const missing = await runCli(['scan', `sqlite:${db}`, '--config', 'nope.yml', '-o', 'x.yml'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Cannot read config file nope.yml: no such file');
  });
});
