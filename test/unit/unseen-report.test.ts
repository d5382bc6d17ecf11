/**
 * The unseen-evaluation report (scripts/lib/unseen-report.ts): per corpus with and without the column
 * model, and the issue-15 targets computed for the dev and the test split separately, each from its own
 * corpora only. The reports are real `evaluate()` results on small hand-made scan and labels files.
 */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/evaluate/index.js';
import type { CorpusEvaluation } from '../../scripts/lib/evaluation-markdown.js';
import { renderUnseenReport, type UnseenResult } from '../../scripts/lib/unseen-report.js';
import { BLIND_CONFUSIONS } from '../../scripts/lib/evaluation-markdown.js';
import { labelsYaml, scanYaml, type ScanFields } from '../helpers/scan-files.js';

const truthText = labelsYaml({
  'main.person.email': 'user.contact.email',
  'main.person.phone': 'user.contact.phone_number',
  'main.person.name': 'user.name',
  'main.person.note': 'user',
  'main.product.sku': 'system.operations',
  'main.product.price': 'system.operations',
});

/** One corpus's result from the proposals of its scan (the same six labelled fields for every corpus). */
function corpus(name: string, proposals: ScanFields, extra: Partial<UnseenResult> & { alone?: ScanFields } = {}): UnseenResult {
  const split = (fields: ScanFields) => ({
    person: Object.fromEntries(Object.entries(fields).filter(([k]) => ['email', 'phone', 'name', 'note'].includes(k))),
    product: Object.fromEntries(Object.entries(fields).filter(([k]) => ['sku', 'price'].includes(k))),
  });
  const evaluation = (fields: ScanFields): CorpusEvaluation => {
    const scanText = scanYaml({ main: split(fields) });
    return {
      corpus: name,
      engine: 'SQLite',
      truth: `${name}/labels.yml`,
      inOverall: (extra.kind ?? 'rows') === 'rows',
      ours: evaluate({ scanText, truthText }),
      baseline: evaluate({ scanText, truthText, predictor: 'piicatcher' }),
    };
  };
  return {
    evaluation: evaluation(proposals),
    rulesAlone: extra.alone ? evaluation(extra.alone) : undefined,
    split: extra.split,
    kind: extra.kind ?? 'rows',
    language: 'en',
  };
}

const none: ScanFields = { sku: [], price: [] };
const perfect: ScanFields = { email: ['user.contact.email'], phone: ['user.contact.phone_number'], name: ['user.name'], note: ['user'], ...none };
/** Two personal fields missed: category F1 = 2·2/(2·2+2) = 0.667. */
const twoMissed: ScanFields = { ...perfect, phone: [], note: [] };
/** Every personal field found, and a personal proposal on one of the two non-personal fields. */
const falseAlarm: ScanFields = { ...perfect, sku: ['user.unique_id'] };

const meta = { masked: false, command: 'npx tsx scripts/evaluate-unseen.ts --split all --out r.md', date: '2026-12-07', version: '0.1.0' };

/** The lines of one split's targets table, by measure. */
function targets(report: string, heading: string): Record<string, string[]> {
  const section = report.split(`### ${heading}`)[1].split('\n### ')[0].split('\n## ')[0];
  const rows = section.split('\n').filter((l) => l.startsWith('| rows corpora') || l.startsWith('| names-only corpora'));
  return Object.fromEntries(rows.map((l) => {
    const cells = l.split('|').slice(1, -1).map((c) => c.trim());
    return [`${cells[0]}: ${cells[1]}`, cells.slice(2)];
  }));
}

describe('the unseen-evaluation report', () => {
  const results = [
    corpus('dev-a', perfect, { split: 'dev', alone: twoMissed }),
    corpus('dev-b', twoMissed, { split: 'dev', alone: twoMissed }),
    corpus('dev-names', falseAlarm, { split: 'dev', kind: 'names-only', alone: perfect }),
    corpus('test-a', falseAlarm, { split: 'test', alone: perfect }),
  ];
  const report = renderUnseenReport(results, meta);

  it('computes the dev targets from the dev corpora alone', () => {
    const dev = targets(report, 'Dev split');
    // Field-weighted over dev-a and dev-b: TP 4 + 2, FN 0 + 2 → 12 / 14.
    expect(dev['rows corpora: field-weighted category F1']).toEqual(['0.857', '0.667', '>= 0.90']);
    expect(dev['rows corpora: worst corpus category F1']).toEqual(['0.667', '0.667', '>= 0.80']);
    expect(dev['rows corpora: non-personal FP rate']).toEqual(['0.0%', '0.0%', '<= 5%']);
    // dev-names: 4 personal found, 1 of 2 non-personal flagged → P 0.8, R 1, F1 0.889; FP rate 50%.
    expect(dev['names-only corpora: detection F1 (P / R)']).toEqual(['0.889 (0.800 / 1.000)', '1.000 (1.000 / 1.000)', '>= 0.75']);
    expect(dev['names-only corpora: non-personal FP rate']).toEqual(['50.0%', '0.0%', '<= 2%']);
  });

  it('computes the test targets from the test corpora alone', () => {
    const test = targets(report, 'Test split');
    expect(test['rows corpora: field-weighted category F1']).toEqual(['0.889', '1.000', '>= 0.90']);
    expect(test['rows corpora: non-personal FP rate']).toEqual(['50.0%', '0.0%', '<= 5%']);
    expect(test['names-only corpora: detection F1 (P / R)']).toEqual(['n/a', 'n/a', '>= 0.75']);
    expect(report).not.toContain('### Examples');
  });

  it('scores the second blind split (test2) apart from test', () => {
    const withTest2 = renderUnseenReport([...results, corpus('test2-a', twoMissed, { split: 'test2', alone: perfect })], meta);
    const test2 = targets(withTest2, 'Test2 split (second blind set)');
    expect(test2['rows corpora: field-weighted category F1']).toEqual(['0.667', '1.000', '>= 0.90']);
    // The test split's figures do not change with a test2 corpus beside it.
    expect(targets(withTest2, 'Test split')['rows corpora: field-weighted category F1']).toEqual(['0.889', '1.000', '>= 0.90']);
  });

  it('scores the third blind split (test3) apart from test and test2', () => {
    const withTest3 = renderUnseenReport(
      [...results, corpus('test2-a', perfect, { split: 'test2', alone: perfect }), corpus('test3-a', twoMissed, { split: 'test3', alone: perfect })],
      meta,
    );
    const test3 = targets(withTest3, 'Test3 split (third blind set)');
    expect(test3['rows corpora: field-weighted category F1']).toEqual(['0.667', '1.000', '>= 0.90']);
    expect(targets(withTest3, 'Test2 split (second blind set)')['rows corpora: field-weighted category F1']).toEqual(['1.000', '1.000', '>= 0.90']);
    expect(targets(withTest3, 'Test split')['rows corpora: field-weighted category F1']).toEqual(['0.889', '1.000', '>= 0.90']);
  });

  it('withholds what a blind corpus got wrong (test, test2, test3) and shows it for dev', () => {
    const withBlind = renderUnseenReport(
      [...results, corpus('test2-a', twoMissed, { split: 'test2', alone: perfect }), corpus('test3-a', twoMissed, { split: 'test3', alone: perfect })],
      meta,
    );
    const sectionOf = (name: string) => withBlind.split(`\n## ${name} `)[1].split('\n## ')[0];
    for (const blind of ['test-a', 'test2-a', 'test3-a']) {
      expect(sectionOf(blind)).toContain(BLIND_CONFUSIONS);
      expect(sectionOf(blind)).not.toContain('Top confusions, piiscout');
    }
    expect(sectionOf('dev-b')).toContain('Top confusions, piiscout (truth → proposed):');
  });

  it('lists every corpus with its split, and rules alone beside the default', () => {
    const row = report.split('\n').find((l) => l.startsWith('| dev-b |'))!;
    expect(row.split('|').map((c) => c.trim()).slice(1, 13)).toEqual(['dev-b', 'dev', 'SQLite', 'rows', 'en', '6', '0.667', '0.667', '0.0%', '0.667', '0.667', '0.0%']);
    expect(report).toContain('## Rules alone (`-- --no-ml`), for comparison');
  });

  it('puts the examples apart, and marks rules alone as not run when the scans had --no-ml', () => {
    const example = renderUnseenReport([corpus('_example', twoMissed)], meta);
    const rows = targets(example, 'Examples (in no split)');
    expect(rows['rows corpora: field-weighted category F1']).toEqual(['0.667', '-', '>= 0.90']);
    expect(example).not.toContain('### Dev split');
    expect(example).not.toContain('## Rules alone');
  });
});
