/**
 * Reading a large dataset file (`npm run bench -- --only big-file`; off by default, minutes): a file of
 * --big-file-tables N tables (default 10,000) of 100 columns, a million fields, written by the scan's
 * streaming writer, then `check`, `review --list`, `diff` of the file with itself and `export` to CSV
 * and JSON through the built CLI, one at a time, each with its wall time and peak RSS. The test
 * (test/integration/million-fields.test.ts) checks the same commands' output on 200,000 fields.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeBigDatasetFile } from './big-dataset-file.js';
import { measureCli } from './bench-estate.js';

const COLUMNS = 100;

export async function benchBigFile(options: { readonly tables: number }): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'piiscout-big-file-'));
  try {
    const file = path.join(dir, 'big.yml');
    const writeStart = performance.now();
    writeBigDatasetFile(file, options.tables, COLUMNS);
    const fields = (options.tables * COLUMNS).toLocaleString('en');
    const mb = Math.round(fs.statSync(file).size / 1e6);
    console.log(`large dataset file: ${fields} fields (${mb} MB) written in ${((performance.now() - writeStart) / 1000).toFixed(1)} s`);
    const steps: [string, string[], number[]][] = [
      ['check', ['check', file], [1]], // every field is still proposed: exit 1
      ['review --list', ['review', file, '--list'], [0]],
      ['diff (file with itself)', ['diff', file, file], [0]],
      ['export csv', ['export', file, '--format', 'csv', '-o', path.join(dir, 'map.csv')], [0]],
      ['export json', ['export', file, '--format', 'json', '-o', path.join(dir, 'map.json')], [0]],
    ];
    for (const [step, args, okCodes] of steps) {
      const m = await measureCli(step, args, {}, dir, okCodes);
      console.log(`  ${step}: ${(m.wallMs / 1000).toFixed(1)} s, peak RSS ${m.peakRssMb} MB`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
