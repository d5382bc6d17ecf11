/** How the model's evidence is combined with the rules' (src/model/ml-classifiers.ts), on hand-made evidence. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_COMBINE_CONFIG, type CombineConfig } from '../../../src/classify/combine.js';
import type { ColumnInput, CombineContext, Evidence } from '../../../src/classify/types.js';
import type { ColumnModel } from '../../../src/model/model-classifier.js';
import { combineWithModel, MODEL_CORROBORATED_MIN, modelExtraEvidence } from '../../../src/model/ml-classifiers.js';

const CONFIG: CombineConfig = { ...DEFAULT_COMBINE_CONFIG, weights: { ...DEFAULT_COMBINE_CONFIG.weights, model: 0.2 }, exhaustiveFactors: ['name'] };
const ev = (factor: Evidence['factor'], category: string, score: number): Evidence => ({ factor, category, score, source: `${factor}:${category}`, reason: `${factor} says ${category}` });
const CARD = 'user.financial.credit_card';

describe('combineWithModel', () => {
  it('lets the model weigh like the value recognizers when no name rule spoke (a meaningless column name)', () => {
    // 16-digit numbers that mostly fail the checksum: the card recognizer is weak, the model sure.
    const silentName = [ev('values', CARD, 0.05), ev('model', CARD, 0.98)];
    expect(combineWithModel(silentName, CONFIG).categories).toEqual([CARD]);
    // The same values under a name the rules read as something else: the model keeps its small weight.
    const spokenName = [...silentName, ev('name', 'user.unique_id', 0.6)];
    expect(combineWithModel(spokenName, CONFIG).categories).not.toContain(CARD);
  });

  it("does not use its larger say under a silent name to swap the rules' own personal category", () => {
    // Surname dictionary hits beat given-name hits; the model leans to given name.
    const evidence = [ev('values', 'user.name.last', 0.62), ev('values', 'user.name.first', 0.4), ev('model', 'user.name.first', 0.9)];
    expect(combineWithModel(evidence, CONFIG).categories).toEqual(['user.name.last']);
    // Agreeing, the model raises the rules' confidence.
    const agreeing = combineWithModel([ev('values', 'user.name.last', 0.62), ev('model', 'user.name.last', 0.97)], CONFIG);
    expect(agreeing.categories).toEqual(['user.name.last']);
    expect(agreeing.confidence).toBeGreaterThan(0.62);
  });

  it('adds a personal category where the rules found none, and may drop only a weak personal proposal of theirs', () => {
    expect(combineWithModel([ev('model', 'user.contact.address.postal_code', 0.9)], CONFIG).categories).toEqual(['user.contact.address.postal_code']);
    const weak = [ev('values', 'user.contact.phone_number', 0.55), ev('model', 'system.operations', 0.99)];
    expect(combineWithModel(weak, CONFIG).categories).toEqual(['system.operations']);
    const confident = [ev('values', 'user.contact.phone_number', 0.9), ev('model', 'system.operations', 0.99)];
    expect(combineWithModel(confident, CONFIG).categories).toEqual(['user.contact.phone_number']);
  });

  it('cannot overrule strong personal evidence, even where several categories put the proposal below its limit (issue 16)', () => {
    // Notes: 24% hold an email address, fewer a phone number or a name; one recognizer found all three.
    const notes = (email: number) => [
      { ...ev('values', 'user.contact.email', email), source: 'free-text' },
      { ...ev('values', 'user.contact.phone_number', 0.64), source: 'free-text' },
      { ...ev('values', 'user.name', 0.6), source: 'free-text' },
      ev('model', 'system.operations', 1),
    ];
    const strong = combineWithModel(notes(0.95), CONFIG);
    expect(strong.categories).toEqual(['user.contact.email', 'user.contact.phone_number', 'user.name']);
    expect(strong.confidence).toBeLessThan(0.7); // the weakest of the three: below the old limit, still kept
    expect(strong.evidence.find((e) => e.factor === 'model')?.reason).toMatch(/not enough to overrule/);
    // Confident evidence for one of them (0.8, over the limit 0.7) is kept too, though the proposal's confidence is the weakest's.
    expect(combineWithModel(notes(0.8), CONFIG).categories).toEqual(['user.contact.email', 'user.contact.phone_number', 'user.name']);
    // Without confident evidence the limit stands: the model may still turn a weak proposal.
    expect(combineWithModel(notes(0.6), CONFIG).categories).toEqual(['system.operations']);
    // Strong name evidence counts too; a veto or a category the rules do not propose does not.
    expect(combineWithModel([ev('name', 'user.contact.email', 0.95), ev('values', 'user.contact.email', 0.4), ev('model', 'system.operations', 1)], CONFIG).categories).toEqual(['user.contact.email']);
  });

  it("drops the model's 'not personal' vote only in a column where a config recognizer found something", () => {
    const badge = { factor: 'values' as const, category: 'user.employee_badge', score: 0.55, source: 'employee-badge', reason: 'badges' };
    const configSources = new Set(['employee-badge', 'config:employee-badge']);
    const withBadge = [badge, ev('model', 'system.operations', 0.99)];
    expect(combineWithModel(withBadge, CONFIG).categories).toEqual(['system.operations']);
    expect(combineWithModel(withBadge, CONFIG, configSources).categories).toEqual(['user.employee_badge']);
    // Elsewhere the config changes nothing: the model still outvotes weak built-in evidence.
    const elsewhere = [ev('values', 'user.name', 0.3), ev('model', 'system.operations', 0.99)];
    expect(combineWithModel(elsewhere, CONFIG, configSources)).toEqual(combineWithModel(elsewhere, CONFIG));
    // A config recognizer that found nothing (score 0) does not silence the model either.
    const silent = [{ ...badge, score: 0 }, ...elsewhere];
    expect(combineWithModel(silent, CONFIG, configSources)).toEqual(combineWithModel(silent, CONFIG));
  });
});

describe('combineWithModel: the model acts only where it is reliable (issue 16)', () => {
  const NIN = 'user.government_id.national_identification_number';
  const CITY = 'user.contact.address.city';
  // Made-up columns, the rules' evidence and a fake model vote; what the combination must propose.
  const cases: { what: string; evidence: Evidence[]; context?: CombineContext; want: string[] }[] = [
    {
      what: "a confident model does not swap the rules' validated id number for an unrelated category (a tax number read as a bank detail)",
      evidence: [ev('values', NIN, 0.72), ev('model', 'user.financial', 0.8)],
      want: [NIN],
    },
    {
      what: 'nor surnames the dictionary found for given names, under a meaningless column name',
      evidence: [ev('values', 'user.name.last', 0.66), ev('model', 'user.name.first', 0.99)],
      want: ['user.name.last'],
    },
    {
      what: 'it may make the rules\' broader category more specific',
      evidence: [ev('values', 'user.name', 0.54), ev('model', 'user.name.last', 0.91)],
      want: ['user.name.last'],
    },
    {
      what: 'it may give another category where the rules had only the subject graph\'s word',
      evidence: [ev('subject', 'user.workplace', 0.51), ev('model', 'user.job_title', 0.99)],
      want: ['user.job_title'],
    },
    {
      what: "it does not turn a person's row's weak personal proposal into not personal (a guardian's country in a patient row)",
      evidence: [ev('values', 'user.contact.address.country', 0.62), ev('model', 'system.operations', 0.91)],
      context: { personRows: 'the table holds patients', ownRow: true },
      want: ['user.contact.address.country'],
    },
    {
      what: "on a person's row it still may where the rules' proposal rests on the column's type (a hiring date read as a birth date)",
      evidence: [ev('type', 'user.demographic.date_of_birth', 0.7), ev('values', 'user.demographic.date_of_birth', 0.52), ev('model', 'system.operations', 1)],
      context: { personRows: 'the table holds employees', ownRow: true },
      want: ['system.operations'],
    },
    {
      what: 'elsewhere it still may (a code list whose words happen to be names)',
      evidence: [ev('values', 'user.contact.address.country', 0.62), ev('model', 'system.operations', 0.91)],
      want: ['system.operations'],
    },
    {
      what: "in a table that holds no people, a personal category the values did not find is not the model's to add (a web site's time zone)",
      evidence: [ev('values', 'system.operations', 0.46), ev('model', 'user.location.imprecise', 0.98)],
      context: { notPerson: { score: 0.8, because: 'the table holds web sites' } },
      want: ['system.operations'],
    },
    {
      what: 'where the values found it too, it is',
      evidence: [ev('values', 'user.contact.address.city', 0.36), ev('model', 'user.contact.address.city', 0.98)],
      context: { notPerson: { score: 0.2, because: 'the table holds warehouses' } },
      want: ['user.contact.address.city'],
    },
    {
      what: 'it does not add card numbers where the card recognizer found not one candidate (invoice numbers of 16 digits)',
      evidence: [ev('values', 'system.operations', 0.5), ev('model', CARD, 1)],
      want: ['system.operations'],
    },
    {
      what: 'where it found some, however weakly, it does (test card numbers that fail the checksum)',
      evidence: [ev('values', 'system.operations', 0.3), ev('values', CARD, 0.05), ev('model', CARD, 0.98)],
      want: [CARD],
    },
    {
      what: 'a vote below 0.8 counts where the values found the same category, however weakly',
      evidence: [ev('values', CITY, 0.36), ev('values', 'user.name.first', 0.38), ev('values', 'system.operations', 0.3), ev('model', CITY, 0.72)],
      want: [CITY],
    },
    {
      what: 'and not where they did not',
      evidence: [ev('values', 'user.name.first', 0.38), ev('values', 'system.operations', 0.3), ev('model', 'user.contact.address.state', 0.72)],
      want: ['system.operations'],
    },
  ];
  for (const { what, evidence, context, want } of cases)
    it(what, () => {
      expect(combineWithModel(evidence, CONFIG, undefined, context).categories).toEqual(want);
    });

  it("shows a model vote it did not follow as the first alternative, and lowers the rules' confidence as a 0 at the model's weight", () => {
    const rulesAlone = combineWithModel([ev('values', NIN, 0.72)], CONFIG);
    const result = combineWithModel([ev('values', NIN, 0.72), ev('model', 'user.financial', 0.8)], CONFIG);
    expect(result.alternatives[0]).toMatchObject({ category: 'user.financial', confidence: 0.8 });
    expect(result.confidence).toBe(Math.round(((0.72 * 0.5) / (0.5 + 0.2)) * 100) / 100);
    expect(result.confidence).toBeLessThan(rulesAlone.confidence);
    expect(result.evidence.find((e) => e.factor === 'model')?.reason).toMatch(/shown as an alternative/);
  });

  it('leaves no trace of a weak vote it did not count', () => {
    const rules = [ev('values', 'user.name.first', 0.38), ev('values', 'system.operations', 0.3)];
    expect(combineWithModel([...rules, ev('model', 'user.contact.address.state', 0.72)], CONFIG)).toEqual(combineWithModel(rules, CONFIG));
  });
});

describe('modelExtraEvidence', () => {
  const asked: number[] = [];
  const model: ColumnModel = {
    load: async () => ({ name: 'column-model', version: '0.0.0', backend: 'cpu', loadMs: 0 }),
    labels: () => ['system.operations', CARD, 'user.unique_id'],
    probabilities: async () => [],
    evidence: async (inputs) => (asked.push(inputs.length), inputs.map(() => [ev('model', CARD, 0.95), ev('model', 'user.unique_id', 0.9), ev('model', 'system.operations', 0.5)])),
  };
  const input = (values: string[]): ColumnInput => {
    const column = { name: 'c1', ordinal: 1, rawType: 'text', normalizedType: 'string' as const, isArray: false, isNullable: true, isPrimaryKey: false };
    const table = { schema: 's', name: 't', kind: 'table' as const, columns: [column], primaryKey: [], foreignKeys: [] };
    return { database: { engine: 'sqlite', database: 'd', schemas: ['s'], tables: [table] }, table, column, sample: { values, nullCount: 0, truncatedCount: 0 }, rowsSampled: values.length };
  };

  it('asks the model only about columns with at least 5 non-blank values, and keeps only its confident, non-relational opinions', async () => {
    const few = input(['1', '2', '3', '4', '', '  ', '']);
    const enough = input(['1', '2', '3', '4', '5']);
    const out = await modelExtraEvidence(model)([few, enough]);
    expect(asked).toEqual([1]);
    expect(out[0]).toEqual([]);
    expect(out[1].map((e) => e.category)).toEqual([CARD]);
  });

  it('keeps votes from MODEL_CORROBORATED_MIN up, for the combination to count where the values agree', async () => {
    const saying = (score: number): ColumnModel => ({ ...model, evidence: async (inputs) => inputs.map(() => [ev('model', CARD, score)]) });
    const values = ['1', '2', '3', '4', '5'];
    expect((await modelExtraEvidence(saying(MODEL_CORROBORATED_MIN))([input(values)]))[0].map((e) => e.score)).toEqual([MODEL_CORROBORATED_MIN]);
    expect((await modelExtraEvidence(saying(MODEL_CORROBORATED_MIN - 0.01))([input(values)]))[0]).toEqual([]);
  });

  it('stays silent on JSON documents (a JSON type, or text read as JSON), which it was never trained on', async () => {
    asked.length = 0;
    const docs = Array.from({ length: 6 }, (_, i) => `{"email":"u${i}@example.org"}`);
    const typed = input(docs);
    const jsonTyped = { ...typed, column: { ...typed.column, rawType: 'jsonb', normalizedType: 'json' as const } };
    const jsonText = { ...typed, sample: { ...typed.sample!, json: { by: 'values' as const, values: 6, documents: 6, cut: 0, cutAt: 512 } } };
    const out = await modelExtraEvidence(model)([jsonTyped, jsonText, input(['1', '2', '3', '4', '5'])]);
    expect(asked).toEqual([1]);
    expect(out.map((e) => e.length)).toEqual([0, 0, 1]);
  });

  it('turns a vote the values rule out into an abstention that says why, so the rules decide (issue 16)', async () => {
    const saying = (category: string, score: number): ColumnModel => ({ ...model, evidence: async (inputs) => inputs.map(() => [ev('model', category, score)]) });
    const salts = ['Q7ZK2M9XA4', 'B4N8T1CW6P', 'X2R7H5LQ9D', 'M3V8J1FK6S', 'T9C4W2NB7E', 'G5P1Y8DZ3U', 'H6K2Q9RA4X', 'W1E7S3MN8C', 'J8U4F6BX2L', 'Z3D9G5PT1K'];
    const sizes = ['S', 'M', 'L', 'Red', 'Blue', 'White'].flatMap((v) => [v, v]);
    const handles = ['alice2019', 'bob_k', 'carol.w', 'dave77', 'erin', 'frank_the_tank', 'grace.h', 'heidi', 'ivan_dev', 'judy42'];
    const cases: [string[], string, boolean][] = [
      [salts, 'user.account.username', true],
      [sizes, 'user.name.first', true],
      [sizes, 'user.demographic.gender', false],
      [handles, 'user.account.username', false],
      [salts, 'user.authorization.credentials', false],
    ];
    for (const [values, category, ruledOut] of cases) {
      const [evidence] = await modelExtraEvidence(saying(category, 0.99))([input(values)]);
      expect(evidence.map((e) => e.score > 0), `${category}`).toEqual([!ruledOut]);
      const rules = [ev('values', 'system.operations', 0.5)];
      const combined = combineWithModel([...rules, ...evidence], CONFIG);
      expect(combined.categories.includes(category), `${category}`).toBe(!ruledOut);
      if (ruledOut) expect(combined.evidence.find((e) => e.factor === 'model')?.reason).toMatch(/^model abstains: .*is not used$/);
    }
  });
});
