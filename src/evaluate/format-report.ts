/** Renders an evaluation report as plain text for the terminal. */
import type { EvaluationReport } from './evaluate.js';
import type { Rates } from './score.js';

const PREDICTOR_NAMES: Record<EvaluationReport['predictor'], string> = {
  piiscout: 'piiscout (the scan file)',
  piicatcher: 'PIICatcher column-name baseline',
};

export function formatNumber(value: number | null): string {
  return value === null ? '—' : value.toFixed(3);
}

export function formatPercent(value: number | null): string {
  return value === null ? '—' : `${(value * 100).toFixed(1)}%`;
}

export function formatReport(report: EvaluationReport, options: { topConfusions?: number } = {}): string {
  const top = options.topConfusions ?? 10;
  const m = report.matching;
  const lines: string[] = [
    `Predictions: ${PREDICTOR_NAMES[report.predictor]}; truth: ${report.truthFormat === 'labels' ? 'labels file' : 'Fides dataset'}`,
    `Fields: ${m.matched} of ${m.truthFields} truth fields matched; ${m.truthOnly.length} truth fields not in the scan; ` +
      `${m.ambiguous.length} ambiguous; ${m.scanOnly} scan fields not in the truth`,
  ];
  if (m.truthOnly.length > 0) lines.push(`  not in the scan: ${m.truthOnly.join(', ')}`);
  if (m.ambiguous.length > 0) lines.push(`  ambiguous (give --schema): ${m.ambiguous.join(', ')}`);
  if (report.unknownProposedKeys.length > 0) lines.push(`  proposed keys not in fideslang: ${report.unknownProposedKeys.join(', ')}`);
  lines.push('');

  const width = Math.max('category'.length, 'overall (micro)'.length, ...report.categories.map((c) => c.category.length));
  const header = `${'category'.padEnd(width)}  support   TP   FP   FN  precision  recall     F1`;
  lines.push(header, '-'.repeat(header.length));
  const row = (name: string, support: number, c: { tp: number; fp: number; fn: number } & Rates) =>
    `${name.padEnd(width)}  ${pad(support, 7)} ${pad(c.tp, 4)} ${pad(c.fp, 4)} ${pad(c.fn, 4)}  ${formatNumber(c.precision).padStart(9)} ${formatNumber(c.recall).padStart(7)} ${formatNumber(c.f1).padStart(6)}`;
  for (const c of report.categories) lines.push(row(c.category, c.support, c));
  lines.push('-'.repeat(header.length));
  const support = report.categories.reduce((n, c) => n + c.support, 0);
  lines.push(row('overall (micro)', support, report.overall));
  lines.push(`macro F1 ${formatNumber(report.overall.macroF1)}`);
  lines.push('');

  const d = report.detection;
  lines.push(`Personal or not (any category): precision ${formatNumber(d.precision)}, recall ${formatNumber(d.recall)}, F1 ${formatNumber(d.f1)}`);
  const np = report.nonPersonal;
  lines.push(`Non-personal fields: ${np.fields}, with a personal proposal: ${np.withPersonalProposal} (false-positive rate ${formatPercent(np.falsePositiveRate)})`);
  lines.push(`Either fields (personal or not both right): ${report.either.fields}, with a wrong personal category: ${report.either.withWrongPersonalProposal}`);
  const fr = report.fieldsRight;
  lines.push(`Fields right: ${fr.right} of ${fr.total} (${formatPercent(fr.total > 0 ? fr.right / fr.total : null)})`);
  lines.push('');

  if (report.confusions.length === 0) lines.push('No confusions.');
  else {
    lines.push(`Most frequent confusions (truth → proposed):`);
    for (const c of report.confusions.slice(0, top)) lines.push(`  ${pad(c.count, 3)}×  ${c.truth} → ${c.proposed}`);
    if (report.confusions.length > top) lines.push(`  … ${report.confusions.length - top} more (see --json)`);
  }
  return lines.join('\n') + '\n';
}

function pad(n: number, width: number): string {
  return String(n).padStart(width);
}
