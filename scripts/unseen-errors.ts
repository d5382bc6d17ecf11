/**
 * Lists the fields a scan got wrong against a truth file, with the table's other columns and the
 * proposal's strongest evidence: a development aid for DEV-split corpora only (test-split corpora
 * stay blind until their final report; see test/fixtures/unseen/README.md).
 *
 *   npx tsx scripts/unseen-errors.ts SCAN.yml LABELS.yml [--verdict missed,false-positive,...]
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import YAML from 'yaml';
import { evaluate } from '../src/evaluate/index.js';
import { datasetNames } from '../src/fides/dataset-file/dataset-names.js';
import { plainAccess, type PlainMap } from '../src/fides/dataset-file/tree-access.js';

const { positionals, values } = parseArgs({ allowPositionals: true, options: { verdict: { type: 'string' } } });
const [scanPath, labelsPath] = positionals;
if (!scanPath || !labelsPath) {
  process.stderr.write('usage: npx tsx scripts/unseen-errors.ts SCAN.yml LABELS.yml [--verdict missed,false-positive]\n');
  process.exit(2);
}
const scanText = fs.readFileSync(scanPath, 'utf8');
const report = evaluate({ scanText, truthText: fs.readFileSync(labelsPath, 'utf8') });
const wanted = values.verdict ? new Set(values.verdict.split(',')) : undefined;

// schema.table.column → the field's piiscout record, for its evidence.
interface FieldRecord {
  name: string;
  data_categories?: string[];
  piiscout?: { confidence?: number; evidence?: { factor: string; category: string; score: number; reason: string }[] };
}
const records = new Map<string, FieldRecord>();
const doc = YAML.parse(scanText) as { dataset: (PlainMap & { collections: { name: string; fields: FieldRecord[] }[] })[] };
for (const ds of doc.dataset) {
  const { schema } = datasetNames(ds, plainAccess);
  for (const c of ds.collections) for (const f of c.fields) records.set(`${schema}.${c.name}.${f.name}`, f);
}

const byVerdict = new Map<string, number>();
for (const f of report.fields) {
  if (f.verdict === 'right') continue;
  byVerdict.set(f.verdict, (byVerdict.get(f.verdict) ?? 0) + 1);
  if (wanted && !wanted.has(f.verdict)) continue;
  const record = records.get(f.field);
  const evidence = (record?.piiscout?.evidence ?? [])
    .filter((e) => e.score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, 3)
    .map((e) => `${e.factor}:${e.category}@${e.score} ${e.reason}`);
  process.stdout.write(`${f.verdict.padEnd(15)} ${f.field}  truth=${f.truth.join('|')}  got=${f.proposed.join('|') || '-'} (${record?.piiscout?.confidence ?? '?'})\n`);
  for (const e of evidence) process.stdout.write(`                  ${e}\n`);
}
process.stdout.write(`\n${[...byVerdict].map(([v, n]) => `${v}: ${n}`).join(', ')}\n`);
