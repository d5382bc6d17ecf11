/** `piiscout scan --demo` (what `npm start` runs): creates the demo once, writes valid fideslang covering every column. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { isEngineSelected } from '../helpers/engines.js';
import { runCli } from '../helpers/fixtures.js';
import { validateFidesDatasetFile } from '../helpers/fideslang-validator.js';
import { repoRoot } from '../helpers/servers.js';

describe.runIf(isEngineSelected('pglite'))('scan --demo', () => {
  it('creates the demo database on first use, scans it, and covers every labelled column', { timeout: 240_000 }, async () => {
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'piiscout-demo-cache-'));
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'piiscout-demo-out-'));
    const first = await runCli(['scan', '--demo'], { cwd, env: { PIISCOUT_CACHE_DIR: cache } });
    expect(first.stderr).not.toMatch(/internal error/);
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/Creating the demo database/);
    expect(first.stderr).toMatch(/Personal data proposed in \d+ of \d+ column/);
    const file = path.join(cwd, 'piiscout-demo.yml');
    const doc = YAML.parse(fs.readFileSync(file, 'utf8'));
    expect(validateFidesDatasetFile(doc)).toEqual([]);

    const labels = YAML.parse(fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'demo.labels.yml'), 'utf8')).fields;
    const scanned = new Set<string>();
    for (const d of doc.dataset) for (const c of d.collections) for (const f of c.fields) scanned.add(`${d.name}.${c.name}.${f.name}`);
    expect([...scanned].sort()).toEqual(Object.keys(labels).sort());

    const second = await runCli(['scan', '--demo', '--json'], { cwd, env: { PIISCOUT_CACHE_DIR: cache } });
    expect(second.code).toBe(0);
    expect(second.stderr).not.toMatch(/Creating the demo database/);
    expect(JSON.parse(second.stdout).tables).toBe(14);
  });
});
