/**
 * `piiscout evaluate`: the scoring rules of test/fixtures/labels/README.md, the counting of precision,
 * recall and F1 with several proposals per field, field matching for both truth formats, the
 * PIICatcher baseline, and the command's exit codes. Scan and truth files are small and hand-made.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import YAML from 'yaml';
import { evaluate, EvaluationInputError, formatReport, piicatcherCategories, piicatcherType, type EvaluationReport } from '../../src/evaluate/index.js';
import { evaluateCommand } from '../../src/cli/commands/evaluate.js';
import { buildProgram } from '../../src/cli/program.js';
import { labelsYaml, scanYaml } from '../helpers/scan-files.js';

function field(report: EvaluationReport, name: string) {
  const f = report.fields.find((v) => v.field === name);
  if (!f) throw new Error(`no verdict for ${name}`);
  return f;
}

function category(report: EvaluationReport, key: string) {
  const c = report.categories.find((r) => r.category === key);
  if (!c) throw new Error(`no row for ${key}`);
  return c;
}

describe('scoring rules', () => {
  const scan = scanYaml({
    public: {
      person: {
        email: ['user.contact.email'], // exact key
        first: ['user.name.first'], // child of the label user.name
        last: ['user.name'], // parent of the label user.name.last: too vague, wrong
        phone: ['system.operations'], // personal field, nothing personal proposed
        notes: ['user.contact.phone_number'], // truth `user`: any personal category
        bio: ['system.operations'], // truth `user`, nothing personal
        mixed: ['user.name', 'user.contact.email'], // one right, one extra
        id: ['system.operations'], // either field, non-personal answer
        manager_id: ['user.unique_id'], // either field, acceptable personal answer
        company_id: ['user.name'], // either field, wrong personal category
        created: ['system.operations'], // non-personal, right
        status: ['user.contact.address'], // non-personal, false positive
      },
    },
  });
  const truth = labelsYaml({
    'public.person.email': 'user.contact.email',
    'public.person.first': 'user.name',
    'public.person.last': 'user.name.last',
    'public.person.phone': 'user.contact.phone_number',
    'public.person.notes': 'user',
    'public.person.bio': 'user',
    'public.person.mixed': 'user.name',
    'public.person.id': { any: ['user.unique_id', 'system.operations'] },
    'public.person.manager_id': { any: ['user.unique_id', 'system.operations'] },
    'public.person.company_id': { any: ['system.operations', 'user.contact.organization'] },
    'public.person.created': 'system.operations',
    'public.person.status': 'system.operations',
  });
  const report = evaluate({ scanText: scan, truthText: truth });

  it.each([
    ['public.person.email', 'personal', 'right'],
    ['public.person.first', 'personal', 'right'],
    ['public.person.last', 'personal', 'wrong-category'],
    ['public.person.phone', 'personal', 'missed'],
    ['public.person.notes', 'personal', 'right'],
    ['public.person.bio', 'personal', 'missed'],
    ['public.person.mixed', 'personal', 'extra-category'],
    ['public.person.id', 'either', 'right'],
    ['public.person.manager_id', 'either', 'right'],
    ['public.person.company_id', 'either', 'wrong-category'],
    ['public.person.created', 'non-personal', 'right'],
    ['public.person.status', 'non-personal', 'false-positive'],
  ])('%s is a %s field judged %s', (name, kind, verdict) => {
    expect(field(report, name)).toMatchObject({ kind, verdict });
  });

  it('counts a personal field as TP or FN of its category and every wrong proposal as FP', () => {
    // first (child proposal) and mixed (right + extra) are TPs; both proposals of user.name elsewhere are FPs.
    expect(category(report, 'user.name')).toMatchObject({ support: 2, tp: 2, fn: 0 });
    expect(category(report, 'user.name.last')).toMatchObject({ support: 1, tp: 0, fn: 1, fp: 0, precision: null, recall: 0, f1: 0 });
    expect(category(report, 'user.contact.phone_number')).toMatchObject({ support: 1, tp: 0, fn: 1 });
    expect(category(report, 'user')).toMatchObject({ support: 2, tp: 1, fn: 1, fp: 0 });
  });

  it('attributes a wrong proposal to the most specific reported category containing it, never to bare user', () => {
    // user.name on `last` and on `company_id` claim the reported category user.name.
    expect(category(report, 'user.name').fp).toBe(2);
    // user.contact.address (on `status`) has no reported ancestor but `user`: a row of its own, without support.
    expect(report.categories.find((c) => c.category === 'user.contact.address')).toMatchObject({ support: 0, fp: 1, tp: 0, precision: 0, recall: null });
    expect(category(report, 'user').fp).toBe(0);
  });

  it('sums categories into micro precision, recall and F1 and averages F1 over supported categories', () => {
    // 7 personal fields: TP email, first, notes, mixed = 4; FN last, phone, bio = 3.
    expect(report.overall).toMatchObject({ tp: 4, fn: 3 });
    // FPs: last→user.name, company_id→user.name, status→user.contact.address, mixed→user.contact.email.
    expect(report.overall.fp).toBe(4);
    expect(report.overall.precision).toBeCloseTo(4 / 8);
    expect(report.overall.recall).toBeCloseTo(4 / 7);
    expect(report.overall.f1).toBeCloseTo((2 * 4) / (2 * 4 + 4 + 3));
    const supported = report.categories.filter((c) => c.support > 0);
    expect(report.overall.macroF1).toBeCloseTo(supported.reduce((s, c) => s + (c.f1 ?? 0), 0) / supported.length);
  });

  it('counts the extra proposal of a multi-label field against the category it claims', () => {
    // `mixed` is labelled user.name and also got user.contact.email: an FP of user.contact.email.
    expect(category(report, 'user.contact.email')).toMatchObject({ support: 1, tp: 1, fp: 1, fn: 0, precision: 0.5, recall: 1 });
  });

  it('reports the false-positive rate on non-personal fields and errors on either fields', () => {
    expect(report.nonPersonal).toEqual({ fields: 2, withPersonalProposal: 1, falsePositiveRate: 0.5 });
    expect(report.either).toEqual({ fields: 3, withWrongPersonalProposal: 1 });
    expect(report.fieldsRight).toEqual({ right: 6, total: 12 });
  });

  it('scores personal-or-not detection regardless of category, leaving either fields out', () => {
    // Personal fields with any personal proposal: email, first, last, notes, mixed (5 of 7); status is the one FP.
    expect(report.detection).toMatchObject({ tp: 5, fn: 2, fp: 1 });
  });

  it('lists confusions by frequency, with (none) for a missed field and (non-personal) as truth', () => {
    expect(report.confusions).toEqual(
      expect.arrayContaining([
        { truth: 'user.name.last', proposed: 'user.name', count: 1 },
        { truth: 'user.contact.phone_number', proposed: '(none)', count: 1 },
        { truth: 'user', proposed: '(none)', count: 1 },
        { truth: 'user.name', proposed: 'user.contact.email', count: 1 },
        { truth: 'system.operations|user.contact.organization', proposed: 'user.name', count: 1 },
        { truth: '(non-personal)', proposed: 'user.contact.address', count: 1 },
      ]),
    );
    expect(report.confusions).toHaveLength(6);
    const counts = report.confusions.map((c) => c.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it('renders the text report with the overall line, FP rate and confusions', () => {
    const text = formatReport(report);
    expect(text).toMatch(/overall \(micro\)\s+7\s+4\s+4\s+3\s+0\.500\s+0\.571\s+0\.533/);
    expect(text).toContain('false-positive rate 50.0%');
    expect(text).toContain('user.name.last → user.name');
  });
});

describe('a field with an any-list of personal keys', () => {
  it('accepts each listed key and its children, and reports under the first', () => {
    const scan = scanYaml({ s: { card: { exp: ['user.financial.credit_card'], code: ['user.financial.bank_account'], cvv: ['user.account'] } } });
    const truth = labelsYaml({
      's.card.exp': { any: ['user.financial.credit_card', 'user.financial'] },
      's.card.code': { any: ['user.financial.credit_card', 'user.financial'] },
      's.card.cvv': { any: ['user.financial.credit_card', 'user.financial'] },
    });
    const report = evaluate({ scanText: scan, truthText: truth });
    expect(report.fields.map((f) => f.verdict)).toEqual(['right', 'right', 'wrong-category']);
    expect(category(report, 'user.financial.credit_card')).toMatchObject({ support: 3, tp: 2, fn: 1 });
    expect(category(report, 'user.account')).toMatchObject({ support: 0, fp: 1 });
  });
});

describe('matching fields', () => {
  const scan = scanYaml({
    public: { customer: { id: ['system.operations'], email: ['user.contact.email'] }, extra: { x: ['system.operations'] } },
    backup: { customer: { email: ['system.operations'] } },
    Shop: { Orders: { Total: ['system.operations'] } },
  });

  it('matches labels by schema.table.column, case-insensitively when unambiguous, and counts the unmatched', () => {
    const truth = labelsYaml({
      'public.customer.email': 'user.contact.email',
      'shop.orders.total': 'system.operations',
      'public.customer.phone': 'user.contact.phone_number',
    });
    const report = evaluate({ scanText: scan, truthText: truth });
    expect(report.matching).toEqual({
      truthFields: 3,
      scanFields: 5,
      matched: 2,
      truthOnly: ['public.customer.phone'],
      ambiguous: [],
      scanOnly: 3,
    });
    expect(report.fields.map((f) => f.field)).toEqual(['public.customer.email', 'Shop.Orders.Total']);
  });

  const fidesTruth = YAML.stringify({
    dataset: [
      {
        fides_key: 'someone_elses_key',
        collections: [
          { name: 'customer', fields: [{ name: 'email', data_categories: ['user.contact.email'] }, { name: 'id', data_categories: ['user.unique_id'] }, { name: 'note' }] },
          { name: 'extra', fields: [{ name: 'x', data_categories: ['system.operations'] }] },
        ],
      },
    ],
  });

  it('matches a Fides dataset without a schema on collection.field when unique, else reports it ambiguous', () => {
    const report = evaluate({ scanText: scan, truthText: fidesTruth });
    expect(report.truthFormat).toBe('fides');
    // `note` has no data_categories: not a truth field.
    expect(report.matching).toMatchObject({ truthFields: 3, matched: 2, ambiguous: ['*.customer.email'], truthOnly: [] });
  });

  it('uses --schema for truth fields that name none', () => {
    const report = evaluate({ scanText: scan, truthText: fidesTruth, schema: 'public' });
    expect(report.matching).toMatchObject({ matched: 3, ambiguous: [], truthOnly: [] });
    expect(field(report, 'public.customer.email').verdict).toBe('right');
    // A Fides label of user.unique_id on an id is personal; system.operations misses it.
    expect(field(report, 'public.customer.id')).toMatchObject({ kind: 'personal', verdict: 'missed' });
  });

  it('uses the namespace schema of a Fides truth dataset when it has one', () => {
    const truth = YAML.stringify({
      dataset: [{ fides_key: 'k', fides_meta: { namespace: { schema: 'backup' } }, collections: [{ name: 'customer', fields: [{ name: 'email', data_categories: ['user.contact.email'] }] }] }],
    });
    const report = evaluate({ scanText: scan, truthText: truth });
    expect(report.fields).toEqual([expect.objectContaining({ field: 'backup.customer.email', verdict: 'missed' })]);
  });
});

describe('unreadable input', () => {
  const scan = scanYaml({ s: { t: { c: ['system.operations'] } } });

  it('rejects an unknown truth key with a suggestion', () => {
    let error: unknown;
    try {
      evaluate({ scanText: scan, truthText: labelsYaml({ 's.t.c': 'user.contact.emial' }) });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EvaluationInputError);
    expect((error as EvaluationInputError).message).toContain('user.contact.emial');
    expect((error as EvaluationInputError).hint).toContain('user.contact.email');
    expect((error as EvaluationInputError).exitCode).toBe(1);
  });

  it.each([
    ['truth without fields or dataset', scan, 'corpus: x\n', /neither a "fields:" map/],
    ['a label that is not schema.table.column', scan, labelsYaml({ 't.c': 'user' }), /not schema\.table\.column/],
    ['a label that is a list', scan, 'fields:\n  s.t.c: [user.name]\n', /must map to a category key/],
    ['a scan that is not a dataset file', 'fields: {}\n', labelsYaml({ 's.t.c': 'user' }), /scan file is not a Fides dataset/],
    ['invalid YAML, without quoting it', 'dataset: [\n  secret-value: {', labelsYaml({ 's.t.c': 'user' }), /^scan file is not valid YAML( at line \d+)?$/],
  ])('rejects %s', (_, scanText, truthText, message) => {
    expect(() => evaluate({ scanText, truthText })).toThrow(message);
  });
});

describe('PIICatcher baseline', () => {
  it.each([
    ['first_name', 'Person', 'user.name'],
    ['username', 'Person', 'user.name'], // Person comes before UserName
    ['userid', 'UserName', 'user.account.username'],
    ['mailing_address', 'Email', 'user.contact.email'], // Email comes before Address
    ['passport', 'Password', 'user.authorization.password'],
    ['estate_value', 'Address', 'user.contact.address'],
    ['ZIP', 'ZipCode', 'user.contact.address.postal_code'],
    ['DOB', 'BirthDate', 'user.demographic.date_of_birth'],
    ['gender', 'Gender', 'user.demographic.gender'],
    ['nationality', 'Nationality', 'user.demographic'],
    ['ssn', 'SSN', 'user.government_id.national_identification_number'],
    ['po_box', 'PoBox', 'user.contact.address'],
    ['cc_number', 'CreditCard', 'user.financial.credit_card'],
    ['telephone', 'Phone', 'user.contact.phone_number'],
  ])('%s → %s → %s', (column, type, key) => {
    expect(piicatcherType(column)).toBe(type);
    expect(piicatcherCategories(column)).toEqual([key]);
  });

  it('says nothing about a column no regex matches', () => {
    expect(piicatcherType('AlbumId')).toBeUndefined();
    expect(piicatcherCategories('AlbumId')).toEqual(['system.operations']);
  });

  it("replaces the scan's proposals for the same fields and scores them the same way", () => {
    const scan = scanYaml({ s: { t: { firstname: ['user.name.first'], state: ['system.operations'], email: ['user.contact.email'] } } });
    const truth = labelsYaml({ 's.t.firstname': 'user.name.first', 's.t.state': 'system.operations', 's.t.email': 'user.contact.email' });
    const ours = evaluate({ scanText: scan, truthText: truth });
    const baseline = evaluate({ scanText: scan, truthText: truth, predictor: 'piicatcher' });
    expect(ours.fieldsRight.right).toBe(3);
    expect(baseline.predictor).toBe('piicatcher');
    expect(baseline.fields.map((f) => [f.field, f.proposed, f.verdict])).toEqual([
      ['s.t.firstname', ['user.name'], 'wrong-category'],
      ['s.t.state', ['user.contact.address'], 'false-positive'],
      ['s.t.email', ['user.contact.email'], 'right'],
    ]);
  });
});

describe('evaluate command', () => {
  let dir: string;
  let written: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'piiscout-eval-'));
    written = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written += String(chunk);
      return true;
    });
  });
  afterEach(() => {
    vi.restoreAllMocks();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function files(): { scan: string; truth: string } {
    const scan = path.join(dir, 'scan.yml');
    const truth = path.join(dir, 'truth.yml');
    fs.writeFileSync(scan, scanYaml({ s: { t: { email: ['user.contact.email'], id: ['system.operations'] } } }));
    fs.writeFileSync(truth, labelsYaml({ 's.t.email': 'user.contact.email', 's.t.id': 'system.operations' }));
    return { scan, truth };
  }

  it('prints the JSON report and exits 0', async () => {
    const { scan, truth } = files();
    expect(await evaluateCommand(scan, { truth, json: true, top: 10 })).toBe(0);
    const report = JSON.parse(written);
    expect(report).toMatchObject({ predictor: 'piiscout', truthFormat: 'labels', overall: { tp: 1, fp: 0, fn: 0, f1: 1 } });
    expect(report.nonPersonal.falsePositiveRate).toBe(0);
  });

  it('fails with exit code 1 on a missing file, naming it', async () => {
    const { truth } = files();
    const missing = path.join(dir, 'nope.yml');
    await expect(evaluateCommand(missing, { truth, json: false, top: 10 })).rejects.toMatchObject({ exitCode: 1, message: expect.stringContaining('no such file') });
  });

  it('is registered with a required --truth and a closed list of baselines (usage errors)', async () => {
    const parse = (args: string[]) =>
      buildProgram()
        .exitOverride()
        .configureOutput({ writeErr: () => {}, writeOut: () => {} })
        .parseAsync(['node', 'piiscout', ...args]);
    // Parse errors are piiscout's own usage errors (exit 2), see src/cli/piiscout-command.ts.
    await expect(parse(['evaluate', 'scan.yml'])).rejects.toMatchObject({ exitCode: 2, message: "required option '--truth <file>' not specified" });
    await expect(parse(['evaluate', 'scan.yml', '--truth', 't.yml', '--baseline', 'datahub'])).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringContaining("'datahub' is not one of piicatcher"),
    });
    const { scan, truth } = files();
    await parse(['evaluate', scan, '--truth', truth, '--baseline', 'piicatcher']);
    expect(written).toContain('PIICatcher column-name baseline');
  });
});
