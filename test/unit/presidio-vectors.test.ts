import { describe, expect, it } from 'vitest';
import { builtinRecognizers } from '../../src/classify/recognizers/registry.js';
import { ukNinoRecognizer } from '../../src/classify/recognizers/uk-nino.js';
import {
  candidateWindows,
  ENTITY_MAP,
  judgeVector,
  loadPresidioVectors,
  presidioAgreement,
  REVIEWED_DISAGREEMENTS,
  reviewKey,
} from '../../scripts/presidio-agreement.js';
import { presidioVectorsFile } from '../helpers/fixture-paths.js';

const vectors = loadPresidioVectors(presidioVectorsFile);
const results = presidioAgreement(vectors, builtinRecognizers);

describe('Presidio recognizer test vectors', () => {
  it('maps the entities our recognizers cover', () => {
    const entities = results.map((r) => r.entity);
    for (const e of ['EMAIL_ADDRESS', 'CREDIT_CARD', 'IBAN_CODE', 'US_SSN', 'UK_NINO', 'DE_TAX_ID', 'ES_NIF', 'ES_NIE', 'IT_FISCAL_CODE', 'CA_SIN', 'IN_AADHAAR', 'IN_PAN', 'PL_PESEL', 'SE_PERSONNUMMER', 'TR_NATIONAL_ID', 'KR_RRN', 'KR_FRN', 'US_PASSPORT', 'UK_DRIVING_LICENCE']) {
      expect(entities).toContain(e);
    }
    for (const r of results) expect(r.judged.length, r.entity).toBeGreaterThanOrEqual(2);
  });

  it.each(results.map((r) => [r.entity, r] as const))('%s: we agree on at least 98% (reviewed disagreements aside)', (_entity, result) => {
    const unexplained = result.unexplained.map((j) => `${j.judged} (Presidio ${j.presidioPositive ? 'accepts' : 'rejects'}, we score ${j.bestScore.toFixed(2)})`);
    expect(result.unexplained.length / result.judged.length, unexplained.join('\n')).toBeLessThanOrEqual(0.02);
  });

  it('every reviewed disagreement is still a disagreement', () => {
    const mapped = new Set(results.map((r) => r.entity));
    const current = new Set(results.flatMap((r) => r.reviewed.map(reviewKey)));
    for (const key of Object.keys(REVIEWED_DISAGREEMENTS)) {
      if (mapped.has(key.split(' ')[0])) expect(current.has(key), key).toBe(true);
    }
  });

  it('judges negatives in sentences by their windows, not the whole sentence', () => {
    expect(candidateWindows('nino: nt 99 88 77 a')).toContain('nt 99 88 77 a');
    expect(candidateWindows('my phone number is:(425) 882-9090')).toContain('(425) 882-9090');
    // A negative sentence is rejected only if no window of it validates: the same sentence with a valid NINO is accepted.
    const mapping = ENTITY_MAP.find((m) => m.entity === 'UK_NINO')!;
    const judgeSentence = (value: string) => judgeVector({ entity: 'UK_NINO', value, expected_detected: false, check: 'analyze_text' }, mapping, [ukNinoRecognizer])[0];
    expect(judgeSentence('not a valid national insurance number UV 98 76 54 B').oursPositive).toBe(false);
    const valid = judgeSentence('not a valid national insurance number YZ 98 76 54 B');
    expect([valid.oursPositive, valid.bestCandidate]).toEqual([true, 'YZ 98 76 54 B']);
  });
});
