/** Words and numbers as the page shows them. */
import type { ConfidenceBandsView, FieldStatus } from '../api-types.js';

export const STATUS_LABEL: Record<FieldStatus, string> = {
  proposed: 'To review',
  accepted: 'Accepted',
  edited: 'Changed by reviewer',
  ignored: 'Ignored',
};

export function isStatus(value: string | null): value is FieldStatus {
  return value !== null && Object.hasOwn(STATUS_LABEL, value);
}

const FACTOR_LABEL: Record<string, string> = { name: 'Column name', values: 'Sampled values', type: 'Data type', model: 'Learned model' };

export function factorLabel(factor: string): string {
  return Object.hasOwn(FACTOR_LABEL, factor) ? FACTOR_LABEL[factor] : factor;
}

export type Band = 'high' | 'medium' | 'low' | 'unrated';
export const BANDS: readonly Band[] = ['high', 'medium', 'low', 'unrated'];
export const BAND_LABEL: Record<Band, string> = { high: 'High', medium: 'Medium', low: 'Low', unrated: 'Not rated' };

export const pct = (n: number): string => `${Math.round(n * 100)}%`;

/** The bands come from the server (src/review/confidence-bands.ts), the same as the CLI's. */
export function band(confidence: number | null | undefined, bands: ConfidenceBandsView): Band {
  if (typeof confidence !== 'number') return 'unrated';
  return confidence >= bands.high ? 'high' : confidence >= bands.medium ? 'medium' : 'low';
}

export function bandRange(b: Band, bands: ConfidenceBandsView): string {
  const ranges: Record<Band, string> = {
    high: `${pct(bands.high)} or more`,
    medium: `${pct(bands.medium)} to under ${pct(bands.high)}`,
    low: `under ${pct(bands.medium)}`,
    unrated: 'no confidence recorded',
  };
  return ranges[b];
}

export function strength(score: number): string {
  return score >= 0.75 ? 'strong' : score >= 0.4 ? 'moderate' : 'weak';
}

export const plural = (n: number, one: string): string => `${n} ${one}${n === 1 ? '' : 's'}`;

export function clock(): string {
  const d = new Date();
  return [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}
