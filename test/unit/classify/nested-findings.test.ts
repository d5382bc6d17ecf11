/** A JSON column holds what the fields inside it hold (classify/nested-findings.ts). */
import { describe, expect, it } from 'vitest';
import { withNestedFindings, withNestedObjects, type NestedFinding } from '../../../src/classify/nested-findings.js';
import type { FieldClassification } from '../../../src/classify/types.js';

const proposal = (categories: string[], confidence: number, source = 'rules'): FieldClassification => ({
  categories,
  confidence,
  alternatives: [],
  factors: { values: confidence },
  evidence: categories.map((category) => ({ factor: 'values' as const, category, score: confidence, source, reason: `${source} says ${category}` })),
});
const operations = (confidence: number): FieldClassification => ({
  ...proposal(['system.operations'], confidence),
  evidence: [{ factor: 'values', category: 'system.operations', score: confidence, source: 'threshold', reason: 'no personal data found' }],
});
const at = (path: string, classification: FieldClassification): NestedFinding => ({ path: path.split('.'), classification });

describe('withNestedFindings', () => {
  const inside = [
    at('pusher_email', proposal(['user.contact.email'], 0.98)),
    at('commit_author_email', proposal(['user.contact.email'], 0.97)),
    at('remote_ip', proposal(['user.device.ip_address'], 0.9)),
    at('ref', operations(0.8)),
  ];

  it('proposes every personal category found inside, at the confidence of its best field; the weakest sets the whole', () => {
    const parent = withNestedFindings(operations(1), inside);
    expect(parent.categories).toEqual(['user.contact.email', 'user.device.ip_address']);
    expect(parent.confidence).toBe(0.9);
    expect(parent.factors).toEqual({ values: 0.98 });
    expect(parent.evidence.map((e) => e.reason)).toEqual([
      "nested field 'pusher_email' is proposed as user.contact.email (0.98), and 1 more field inside",
      "nested field 'remote_ip' is proposed as user.device.ip_address (0.9)",
    ]);
    // The parent's own "not personal" is no longer its proposal: it stays as an alternative, its fallback reason goes.
    expect(parent.alternatives).toEqual([{ category: 'system.operations', confidence: 1, factors: { values: 1 } }]);
  });

  it("keeps the parent's own personal categories beside those found inside", () => {
    const parent = withNestedFindings(proposal(['user.contact.email', 'user.name'], 0.7, 'free-text'), [inside[2]]);
    expect(parent.categories).toEqual(['user.device.ip_address', 'user.contact.email', 'user.name']);
    expect(parent.confidence).toBe(0.7);
    expect(parent.evidence.filter((e) => e.source === 'free-text')).toHaveLength(2);
  });

  it('leaves the parent alone when nothing inside is personal, except to say that documents were not read', () => {
    const own = operations(0.5);
    expect(withNestedFindings(own, [inside[3]])).toBe(own);
    const read = { reason: '3 of 10 sampled values are JSON objects or arrays; 7 longer than 512 characters were not read for keys', share: 0.3, incomplete: true };
    const said = withNestedFindings(own, [], read);
    expect(said.categories).toEqual(['system.operations']);
    expect(said.evidence.at(-1)).toMatchObject({ factor: 'values', category: 'system.operations', score: 0.3, source: 'json-fields', reason: read.reason });
  });

  it('nested objects hold what their own fields hold, and name the deepest field', () => {
    const findings = [
      at('contact', operations(0.5)),
      at('contact.email', proposal(['user.contact.email'], 0.95)),
      at('contact.address', proposal(['user.contact.address'], 0.7)),
      at('contact.address.city', proposal(['user.contact.address.city'], 0.8)),
      at('loyalty', operations(0.5)),
      at('loyalty.tier', operations(0.9)),
    ];
    const objects = new Set(['contact', 'contact.address', 'loyalty']);
    const out = withNestedObjects(findings, (f) => objects.has(f.path.join('.')));
    const byPath = new Map(out.map((f) => [f.path.join('.'), f.classification]));
    expect(byPath.get('contact')?.categories).toEqual(['user.contact.email', 'user.contact.address.city', 'user.contact.address']);
    expect(byPath.get('contact.address')?.categories).toEqual(['user.contact.address.city', 'user.contact.address']);
    expect(byPath.get('loyalty')?.categories).toEqual(['system.operations']);
    expect(byPath.get('contact.email')).toBe(findings[1].classification);
    const top = withNestedFindings(operations(0.5), out);
    expect(top.evidence[0].reason).toBe("nested field 'contact.email' is proposed as user.contact.email (0.95)");
  });
});

describe('what a field inside must show', () => {
  it('a field proposed by its key alone keeps its proposal but does not make the parent personal', () => {
    const byName: FieldClassification = { ...proposal(['user.device'], 0.7), factors: { name: 0.75 }, evidence: [{ factor: 'name', category: 'user.device', score: 0.75, source: 'name-rules', reason: "key 'user_agent'" }] };
    const own = operations(0.5);
    expect(withNestedFindings(own, [at('header_user_agent', byName)])).toBe(own);
    // With its values behind it (or the model's reading of them), it does.
    expect(withNestedFindings(own, [at('header_user_agent', { ...byName, factors: { name: 0.75, values: 0.6 } })]).categories).toEqual(['user.device']);
  });
});
