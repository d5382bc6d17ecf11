/**
 * Where the column model changed the rules' decision: reads the scans `scripts/evaluate-unseen.ts --keep-scans DIR`
 * kept (`<corpus>.yml` rules + model, `<corpus>.rules.yml` rules alone), scores both against the corpus' labels
 * (the masked labels for `-masked` corpora) and lists every field whose proposal differs, with both verdicts, what
 * the change did to category F1's counts, the model's evidence and the rules' strongest evidence, grouped by the
 * kind of change. A development aid for used splits (test/fixtures/unseen/README.md); it prints no values.
 *
 *   npx tsx scripts/model-flips.ts DIR... [--summary]
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import YAML from 'yaml';
import { evaluate } from '../src/evaluate/index.js';
import { datasetNames } from '../src/fides/dataset-file/dataset-names.js';
import { plainAccess, type PlainMap } from '../src/fides/dataset-file/tree-access.js';
import { isPersonalCategory } from '../src/core/personal-data.js';
import { maskCorpus, readCorpus } from './lib/unseen-corpora.js';

interface EvidenceLine {
  factor: string;
  category: string;
  score: number;
  reason: string;
  veto?: boolean;
}
interface FieldRecord {
  name: string;
  data_categories?: string[];
  piiscout?: { confidence?: number; evidence?: EvidenceLine[] };
}

const { positionals, values } = parseArgs({ allowPositionals: true, options: { summary: { type: 'boolean', default: false } } });
if (positionals.length === 0) {
  process.stderr.write('usage: npx tsx scripts/model-flips.ts DIR... [--summary]\n');
  process.exit(2);
}

function records(scanText: string): Map<string, FieldRecord> {
  const out = new Map<string, FieldRecord>();
  const doc = YAML.parse(scanText) as { dataset: (PlainMap & { collections: { name: string; fields: FieldRecord[] }[] })[] };
  for (const ds of doc.dataset) {
    const { schema } = datasetNames(ds, plainAccess);
    for (const c of ds.collections) for (const f of c.fields) out.set(`${schema}.${c.name}.${f.name}`, f);
  }
  return out;
}

function truthOf(corpusName: string): string {
  const masked = corpusName.endsWith('-masked');
  const corpus = readCorpus(masked ? corpusName.slice(0, -'-masked'.length) : corpusName);
  return masked ? maskCorpus(corpus, new Map()).labelsText : corpus.labelsText;
}

/** The kind of change: what the rules decided, what the combination made of it. */
function kindOf(rules: readonly string[], combined: readonly string[]): string {
  const rp = rules.some(isPersonalCategory);
  const cp = combined.some(isPersonalCategory);
  if (rp && !cp) return 'personal -> not personal';
  if (!rp && cp) return 'not personal -> personal';
  return 'personal -> other personal';
}

const tally = new Map<string, { n: number; tp: number; fp: number; fn: number }>();
const perCorpus: string[] = [];
for (const dir of positionals) {
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.rules.yml')).sort()) {
    const name = file.slice(0, -'.rules.yml'.length);
    const combinedPath = path.join(dir, `${name}.yml`);
    if (!fs.existsSync(combinedPath)) continue;
    const truthText = truthOf(name);
    const rulesText = fs.readFileSync(path.join(dir, file), 'utf8');
    const combinedText = fs.readFileSync(combinedPath, 'utf8');
    const rulesReport = evaluate({ scanText: rulesText, truthText });
    const combinedReport = evaluate({ scanText: combinedText, truthText });
    const rulesVerdicts = new Map(rulesReport.fields.map((f) => [f.field, f]));
    const rulesRecords = records(rulesText);
    const combinedRecords = records(combinedText);
    const f1 = (r: typeof rulesReport) => r.overall.f1?.toFixed(3) ?? '-';
    perCorpus.push(`${name.padEnd(40)} rules ${f1(rulesReport)}  rules+model ${f1(combinedReport)}`);
    for (const c of combinedReport.fields) {
      const r = rulesVerdicts.get(c.field);
      if (!r) continue;
      const same = r.proposed.length === c.proposed.length && r.proposed.every((k) => c.proposed.includes(k));
      if (same) continue;
      const count = (v: typeof c) => {
        const personal = v.proposed.filter(isPersonalCategory);
        const right = v.verdict === 'right' || v.verdict === 'extra-category' ? 1 : 0;
        const wrongs = v.kind === 'personal' ? personal.length - right : v.kind === 'non-personal' ? personal.length : v.verdict === 'wrong-category' ? 1 : 0;
        return { tp: v.kind === 'personal' ? right : 0, fp: Math.max(0, wrongs), fn: v.kind === 'personal' ? 1 - right : 0 };
      };
      const before = count(r);
      const after = count(c);
      const rr0 = rulesRecords.get(c.field);
      const related = (a: string, b: string) => a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);
      const support = Math.max(0, ...(rr0?.piiscout?.evidence ?? []).filter((e) => !e.veto && e.factor !== 'type' && c.proposed.some((k) => isPersonalCategory(k) && related(k, e.category))).map((e) => e.score));
      const nameSpoke = (rr0?.piiscout?.evidence ?? []).some((e) => e.factor === 'name' && !e.veto && e.score > 0);
      const bucket = support >= 0.3 ? 'support>=0.3' : support >= 0.1 ? 'support 0.1-0.3' : support > 0 ? 'support <0.1' : 'no support';
      const kind = `${kindOf(r.proposed, c.proposed)}${kindOf(r.proposed, c.proposed) === 'personal -> not personal' ? '' : ` [${bucket}${nameSpoke ? ', name spoke' : ''}]`}`;
      const t = tally.get(kind) ?? { n: 0, tp: 0, fp: 0, fn: 0 };
      tally.set(kind, { n: t.n + 1, tp: t.tp + after.tp - before.tp, fp: t.fp + after.fp - before.fp, fn: t.fn + after.fn - before.fn });
      if (values.summary) continue;
      const rr = rulesRecords.get(c.field);
      const cr = combinedRecords.get(c.field);
      const model = (cr?.piiscout?.evidence ?? []).filter((e) => e.factor === 'model').map((e) => `${e.category}@${e.score}`);
      const rulesEvidence = (rr?.piiscout?.evidence ?? [])
        .filter((e) => e.score > 0 && !e.veto)
        .sort((a, b) => b.score - a.score)
        .slice(0, 3)
        .map((e) => `${e.factor}:${e.category}@${e.score}`);
      const delta = `tp ${after.tp - before.tp} fp ${after.fp - before.fp} fn ${after.fn - before.fn}`;
      process.stdout.write(
        `[${kind}] ${name} ${c.field} truth=${c.truth.join('|')}\n` +
          `    rules ${r.proposed.join('|')} (${rr?.piiscout?.confidence ?? '?'}, ${r.verdict}) -> ${c.proposed.join('|')} (${cr?.piiscout?.confidence ?? '?'}, ${c.verdict})  ${delta}\n` +
          `    model ${model.join(' ') || '-'}; rules' evidence ${rulesEvidence.join(' ') || '-'}\n`,
      );
    }
  }
}
process.stdout.write(`\n${perCorpus.join('\n')}\n\n`);
for (const [kind, t] of tally) process.stdout.write(`${kind.padEnd(28)} fields ${t.n}  tp ${t.tp}  fp ${t.fp}  fn ${t.fn}\n`);
