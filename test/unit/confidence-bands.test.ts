import { describe, expect, it } from 'vitest';
import { Taxonomy } from '../../src/fides/taxonomy.js';
import { confidenceBand, formatAcceptanceSummary, summarizeAcceptance } from '../../src/review/confidence-bands.js';

describe('confidence bands and the bulk-accept summary', () => {
  it('puts the band edges where docs/review.md says (high from 0.9, medium from 0.5)', () => {
    expect([0.9, 0.8999, 0.5, 0.4999, 1, 0, undefined].map(confidenceBand)).toEqual(['high', 'medium', 'medium', 'low', 'high', 'low', 'unrated']);
  });

  it('counts fields per band and per category (a field with two categories counts under each, once)', () => {
    const summary = summarizeAcceptance(
      [
        { categories: ['user.contact.email'], confidence: 0.95 },
        { categories: ['user.contact.email', 'user.name', 'user.name'], confidence: 0.6 },
        { categories: ['custom.thing'], confidence: 0.2 },
        { categories: ['user.name'] },
      ],
      Taxonomy.default(),
    );
    expect(summary.fields).toBe(4);
    expect(summary.bands.map((b) => [b.band, b.fields])).toEqual([['high', 1], ['medium', 1], ['low', 1], ['unrated', 1]]);
    expect(summary.categories).toEqual([
      { category: 'user.contact.email', name: 'User Contact Email', fields: 2 },
      { category: 'user.name', name: 'Name', fields: 2 },
      { category: 'custom.thing', name: 'unknown category', fields: 1 },
    ]);
    expect(formatAcceptanceSummary(summary, '--accept-above 0')).toBe(
      [
        '--accept-above 0 would accept 4 proposed fields:',
        '  by confidence: 1 high (90% or more), 1 medium (50% to under 90%), 1 low (under 50%), 1 no confidence recorded',
        '  by category:',
        '    2  User Contact Email (user.contact.email)',
        '    2  Name (user.name)',
        '    1  unknown category (custom.thing)',
        '',
      ].join('\n'),
    );
  });
});
