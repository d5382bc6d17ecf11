/**
 * Confidence bands, one definition for the review page (its High/Medium/Low labels and "Accept
 * high-confidence shown") and `review --accept-above` (its summary): a reviewer sees the same band
 * names for the same numbers everywhere. "High" starts at 0.9, the threshold docs/review.md suggests
 * for `--accept-above`.
 */
import type { Taxonomy } from '../fides/taxonomy.js';
import type { ReviewField } from './review-file.js';

export const CONFIDENCE_BANDS = { high: 0.9, medium: 0.5 } as const;

export type ConfidenceBand = 'high' | 'medium' | 'low' | 'unrated';
const BAND_ORDER: readonly ConfidenceBand[] = ['high', 'medium', 'low', 'unrated'];
const BAND_LABEL: Record<ConfidenceBand, string> = {
  high: `high (${CONFIDENCE_BANDS.high * 100}% or more)`,
  medium: `medium (${CONFIDENCE_BANDS.medium * 100}% to under ${CONFIDENCE_BANDS.high * 100}%)`,
  low: `low (under ${CONFIDENCE_BANDS.medium * 100}%)`,
  unrated: 'no confidence recorded',
};

export function confidenceBand(confidence: number | undefined): ConfidenceBand {
  if (confidence === undefined) return 'unrated';
  return confidence >= CONFIDENCE_BANDS.high ? 'high' : confidence >= CONFIDENCE_BANDS.medium ? 'medium' : 'low';
}

/** What a bulk accept would confirm: how many fields, in which bands, with which categories. */
export interface AcceptanceSummary {
  fields: number;
  /** Bands that have fields, highest first. */
  bands: { band: ConfidenceBand; label: string; fields: number }[];
  /** Each category with the number of fields that carry it (a field with two counts twice), most first. */
  categories: { category: string; name: string; fields: number }[];
}

export function summarizeAcceptance(fields: readonly Pick<ReviewField, 'categories' | 'confidence'>[], taxonomy: Taxonomy): AcceptanceSummary {
  const bands = new Map<ConfidenceBand, number>();
  const categories = new Map<string, number>();
  for (const f of fields) {
    const band = confidenceBand(f.confidence);
    bands.set(band, (bands.get(band) ?? 0) + 1);
    for (const c of new Set(f.categories)) categories.set(c, (categories.get(c) ?? 0) + 1);
  }
  return {
    fields: fields.length,
    bands: BAND_ORDER.filter((b) => bands.has(b)).map((band) => ({ band, label: BAND_LABEL[band], fields: bands.get(band)! })),
    categories: [...categories]
      .map(([category, n]) => ({ category, name: taxonomy.get(category)?.name ?? 'unknown category', fields: n }))
      .sort((a, b) => b.fields - a.fields || (a.category < b.category ? -1 : 1)),
  };
}

/** The summary as the CLI prints it, a few lines, for a person to read before confirming. */
export function formatAcceptanceSummary(summary: AcceptanceSummary, what: string): string {
  const lines = [`${what} would accept ${summary.fields} proposed field${summary.fields === 1 ? '' : 's'}:`];
  lines.push(`  by confidence: ${summary.bands.map((b) => `${b.fields} ${b.label}`).join(', ')}`);
  lines.push('  by category:');
  const width = String(summary.categories[0]?.fields ?? 0).length;
  for (const c of summary.categories) lines.push(`    ${String(c.fields).padStart(width)}  ${c.name} (${c.category})`);
  return lines.join('\n') + '\n';
}
