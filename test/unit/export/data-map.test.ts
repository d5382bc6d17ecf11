/**
 * The data map rows: one per personal category, statuses and decisions, --all-fields, and the join
 * with Fides' Cookie House sample_systems.yml through privacy_declarations[].dataset_references.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { buildDataMap, decisionText, topLevel, type DataMapRow } from '../../../src/export/data-map.js';
import { summarize } from '../../../src/export/summary.js';
import { loadSystemsManifest, parseSystemsManifest } from '../../../src/export/systems.js';
import { Taxonomy } from '../../../src/fides/taxonomy.js';
import { ReviewFile } from '../../../src/review/review-file.js';
import { corporaDir } from '../../helpers/fixture-paths.js';
import { scanWithSubjects } from '../../helpers/review-scan.js';
import { buildDatasetFile, datasetFileToYaml } from '../../../src/fides/dataset-writer.js';
import { DATA_MAP_COLUMNS } from '../../../src/export/columns.js';

const repoRoot = path.resolve(import.meta.dirname, '..', '..', '..');
const FIXTURE = path.join(repoRoot, 'test', 'fixtures', 'export', 'cookie-house-scan.yml');
const SYSTEMS = path.join(corporaDir, 'fides-cookie-house-postgres', 'sample_systems.yml');

const input = () => [{ file: FIXTURE, fields: ReviewFile.load(FIXTURE).fields() }];
const refs = (rows: readonly DataMapRow[]) => rows.map((r) => `${r.dataset}.${r.table}.${r.field}=${r.category ?? '-'}${r.system ? `@${r.system.key}` : ''}`);

describe('buildDataMap without systems', () => {
  const map = buildDataMap(input());

  it('lists one row per personal category, sorted, leaving out system.* and uncategorised fields', () => {
    expect(refs(map.rows)).toEqual([
      'analytics_db.events.visitor_ip=user.device.ip_address',
      'postgres_example_test_dataset.address.city=user.contact.address.city',
      'postgres_example_test_dataset.customer.contact_notes=user.contact.email',
      'postgres_example_test_dataset.customer.contact_notes=user.contact.phone_number',
      'postgres_example_test_dataset.customer.email=user.contact.email',
      'postgres_example_test_dataset.customer.id=user.unique_id',
      'postgres_example_test_dataset.customer.name=user.name',
      'postgres_example_test_dataset.login.fax=user.contact.fax_number',
      'postgres_example_test_dataset.login.time=user.behavior',
      'postgres_example_test_dataset.payment_card.ccn=user.financial.credit_card',
    ]);
    expect(map.warnings).toEqual([]);
    expect(map.systemsFile).toBeNull();
  });

  it('gives names, the category group, status, confidence, decision and markers', () => {
    const row = (field: string, category?: string) => map.rows.find((r) => r.field === field && (!category || r.category === category))!;
    expect(row('email')).toMatchObject({
      table: 'customer',
      categoryName: 'User Contact Email',
      topLevelCategory: 'user.contact',
      topLevelCategoryName: 'Contact Data',
      personal: true,
      status: 'accepted',
      confidence: 0.97,
      decision: 'accepted on 2026-05-01',
      reviewedAt: '2026-05-01T09:30:00.000Z',
      marker: null,
      system: null,
      dataUses: [],
      declared: null,
      file: FIXTURE,
    });
    expect(row('city')).toMatchObject({ status: 'proposed', decision: 'not reviewed', reviewedAt: null });
    // Written by a person without a piiscout record: edited, no confidence, no date.
    expect(row('name')).toMatchObject({ status: 'edited', decision: 'edited', confidence: null, topLevelCategory: 'user.name', topLevelCategoryName: 'Name' });
    expect(row('ccn')).toMatchObject({ status: 'edited', decision: 'edited on 2026-05-01', topLevelCategoryName: 'Financial Data' });
    // Ignored fields keep their categories in the file (Fides sees them), so the map shows them with the decision.
    expect(row('time')).toMatchObject({ status: 'ignored', decision: 'ignored on 2026-05-03', categoryName: 'Observed Behavior' });
    expect(row('fax').marker).toBe('removed');
    expect(row('contact_notes', 'user.contact.phone_number')).toMatchObject({ marker: 'new', confidence: 0.51, categoryName: 'User Contact Phone Number' });
  });

  it('with allFields lists system.* categories and fields without categories too', () => {
    const all = buildDataMap(input(), { allFields: true });
    expect(all.rows).toHaveLength(map.rows.length + 3);
    const extra = all.rows.filter((r) => !r.personal);
    expect(refs(extra)).toEqual([
      'postgres_example_test_dataset.address.id=system.operations',
      'postgres_example_test_dataset.customer.created=system.operations',
      'postgres_example_test_dataset.customer.legacy_blob=-',
    ]);
    expect(extra[2]).toMatchObject({ category: null, categoryName: null, topLevelCategory: null, decision: 'not reviewed' });
    expect(extra[1]).toMatchObject({ categoryName: 'Operations Data', topLevelCategory: 'system.operations', decision: 'accepted on 2026-05-02' });
  });

  it('names custom categories from an extended taxonomy, and warns about unknown ones', () => {
    const text = fs.readFileSync(FIXTURE, 'utf8').replace('[user.behavior]', '[user.behavior.loyalty_tier]');
    const fields = ReviewFile.parse(text, 'x.yml').fields();
    const plain = buildDataMap([{ file: 'x.yml', fields }]);
    expect(plain.rows.find((r) => r.field === 'time')).toMatchObject({ categoryName: null, topLevelCategoryName: 'Observed Behavior' });
    expect(plain.warnings).toEqual([expect.stringContaining('data category user.behavior.loyalty_tier is not in the taxonomy')]);
    const taxonomy = Taxonomy.default().extend([{ key: 'user.behavior.loyalty_tier', name: 'Loyalty tier', description: '', parent: 'user.behavior' }]);
    const custom = buildDataMap([{ file: 'x.yml', fields }], { taxonomy });
    expect(custom.rows.find((r) => r.field === 'time')!.categoryName).toBe('Loyalty tier');
    expect(custom.warnings).toEqual([]);
  });

  it('warns when the same dataset comes from two files', () => {
    const fields = ReviewFile.load(FIXTURE).fields();
    const twice = buildDataMap([{ file: 'a.yml', fields }, { file: 'b.yml', fields }]);
    expect(twice.warnings.some((w) => w.includes('postgres_example_test_dataset is in both a.yml and b.yml'))).toBe(true);
    expect(twice.rows).toHaveLength(2 * map.rows.length);
  });
});

describe('buildDataMap with the Cookie House systems manifest', () => {
  const map = buildDataMap(input(), { systems: loadSystemsManifest(SYSTEMS) });

  it('joins the dataset to the system whose privacy declaration references it, with names for uses and subjects', () => {
    const cookie = map.rows.filter((r) => r.dataset === 'postgres_example_test_dataset');
    expect(cookie).toHaveLength(9);
    for (const r of cookie) {
      expect(r.system).toEqual({ key: 'cookie_house_postgresql_database', name: 'Cookie House PostgreSQL Database' });
      expect(r.dataUses).toEqual([{ key: 'essential.service', name: 'Essential for Service' }]);
      expect(r.dataSubjects).toEqual([{ key: 'customer', name: 'Customer' }]);
    }
    // The declaration covers user.contact and user.financial, hierarchically.
    const declared = Object.fromEntries(cookie.map((r) => [`${r.field}=${r.category}`, r.declared]));
    expect(declared).toMatchObject({
      'email=user.contact.email': true,
      'city=user.contact.address.city': true,
      'ccn=user.financial.credit_card': true,
      'id=user.unique_id': false,
      'name=user.name': false,
      'time=user.behavior': false,
    });
    expect(map.rows.find((r) => r.dataset === 'analytics_db')).toMatchObject({ system: null, dataUses: [], declared: null });
    expect(map.systemsFile).toBe(SYSTEMS);
  });

  it('warns about references to datasets not exported and datasets no system references', () => {
    expect(map.warnings).toEqual([
      `${SYSTEMS}: system cookie_house_loyalty_database references dataset postgres_example_test_extended_dataset, which is not in the exported files`,
      `${SYSTEMS}: system cookie_house_customer_database references dataset mongo_test, which is not in the exported files`,
      `${SYSTEMS}: system cookie_house_custom_request_fields_database references dataset postgres_example_custom_request_field_dataset, which is not in the exported files`,
      `dataset analytics_db holds personal data but no system in ${SYSTEMS} references it`,
    ]);
  });

  it('gives one row per system when several reference a dataset, and unions a system\'s declarations', () => {
    const systems = parseSystemsManifest(
      `system:
  - fides_key: crm
    name: CRM
    privacy_declarations:
      - {data_use: marketing.advertising, data_subjects: [customer], data_categories: [user], dataset_references: [analytics_db]}
      - {data_use: analytics.reporting, data_subjects: [customer, prospect], data_categories: [user.device], dataset_references: [analytics_db]}
      - {data_use: essential.service, data_subjects: [employee], data_categories: [user]}
  - fides_key: billing
    name: Billing
    privacy_declarations:
      - {data_use: my.custom.use, data_subjects: [martian], data_categories: [user.contact], dataset_references: [analytics_db]}
`,
      'systems.yml',
    );
    const rows = buildDataMap(input(), { systems }).rows.filter((r) => r.dataset === 'analytics_db');
    expect(rows.map((r) => r.system!.name)).toEqual(['Billing', 'CRM']);
    expect(rows[1].dataUses.map((u) => u.name)).toEqual(['Analytics for Reporting', 'Advertising, Marketing or Promotion']);
    expect(rows[1].dataSubjects.map((u) => u.key)).toEqual(['customer', 'prospect']);
    expect(rows[1].declared).toBe(true);
    expect(rows[0]).toMatchObject({ dataUses: [{ key: 'my.custom.use', name: 'my.custom.use' }], dataSubjects: [{ key: 'martian', name: 'martian' }], declared: false });
    const warnings = buildDataMap(input(), { systems }).warnings;
    expect(warnings).toContain('systems.yml: data use my.custom.use is not in the fideslang default taxonomy; shown by its key');
    expect(warnings).toContain('systems.yml: data subject martian is not in the fideslang default taxonomy; shown by its key');
  });

  it('is deterministic: the same input in another order gives the same rows', () => {
    const fields = ReviewFile.load(FIXTURE).fields();
    const again = buildDataMap([{ file: FIXTURE, fields: [...fields].reverse() }], { systems: loadSystemsManifest(SYSTEMS) });
    expect(again.rows).toEqual(map.rows);
  });
});

describe('summary', () => {
  it('counts distinct fields per category, dataset and status, and undeclared categories per system', () => {
    const s = summarize(buildDataMap(input(), { systems: loadSystemsManifest(SYSTEMS) }).rows);
    expect(s).toMatchObject({ rows: 10, fields: 9, personalFields: 9, datasets: 2, tables: 5, reviewedFields: 5 });
    expect(s.byCategory[0]).toEqual({ category: 'user.contact.email', name: 'User Contact Email', topLevelCategory: 'user.contact', fields: 2 });
    expect(s.byTopLevelCategory[0]).toEqual({ topLevelCategory: 'user.contact', name: 'Contact Data', fields: 4 });
    expect(s.byStatus).toEqual([
      { status: 'proposed', fields: 4 },
      { status: 'accepted', fields: 2 },
      { status: 'edited', fields: 2 },
      { status: 'ignored', fields: 1 },
    ]);
    expect(s.byDataset).toEqual([
      { dataset: 'analytics_db', tables: 1, fields: 1, personalFields: 1, reviewedFields: 0 },
      { dataset: 'postgres_example_test_dataset', tables: 4, fields: 8, personalFields: 8, reviewedFields: 5 },
    ]);
    expect(s.undeclared.map((u) => u.category)).toEqual(['user.behavior', 'user.name', 'user.unique_id']);
  });
});

describe('helpers', () => {
  it('topLevel and decisionText', () => {
    expect(topLevel('user.contact.address.city')).toBe('user.contact');
    expect(topLevel('user')).toBe('user');
    expect(decisionText({ status: 'proposed' })).toBe('not reviewed');
    expect(decisionText({ status: 'ignored' })).toBe('ignored');
    expect(decisionText({ status: 'accepted', reviewedAt: '2026-05-01T09:30:00.000Z' })).toBe('accepted on 2026-05-01');
  });
});

describe('parseSystemsManifest', () => {
  it('reads the Cookie House sample systems', () => {
    const m = loadSystemsManifest(SYSTEMS);
    expect(m.systems.map((s) => s.key)).toHaveLength(6);
    expect(m.systems[2]).toEqual({
      key: 'cookie_house_postgresql_database',
      name: 'Cookie House PostgreSQL Database',
      declarations: [{ dataUse: 'essential.service', dataSubjects: ['customer'], dataCategories: ['user.contact', 'user.financial'], datasetReferences: ['postgres_example_test_dataset'] }],
    });
  });

  it.each([
    ['dataset: []\n', 'not a Fides system manifest (no top-level `system:` list)'],
    ['system:\n  - name: X\n', 'system[0].fides_key: is required'],
    ['system:\n  - fides_key: a\n    privacy_declarations: {data_use: x}\n', 'system[0].privacy_declarations: must be a list'],
    ['system:\n  - fides_key: a\n    privacy_declarations:\n      - data_subjects: [customer]\n', 'system[0].privacy_declarations[0].data_use: is required'],
    ['system:\n  - fides_key: a\n    privacy_declarations:\n      - {data_use: x, dataset_references: [1]}\n', 'system[0].privacy_declarations[0].dataset_references[0]: must be a fides_key string'],
    ['system:\n  - fides_key: a\n  - fides_key: a\n', "system[1].fides_key: duplicate fides_key 'a'"],
    ['system: [\n', 'invalid YAML at line'],
  ])('rejects a malformed manifest in one line: %j', (text, message) => {
    let error: Error | undefined;
    try {
      parseSystemsManifest(text, 's.yml');
    } catch (e) {
      error = e as Error;
    }
    expect(error?.name).toBe('UserError');
    expect(error!.message).toContain(`s.yml: ${message}`);
    expect(error!.message).not.toContain('\n');
  });

  it('fails on a missing file with a one-line message', () => {
    expect(() => loadSystemsManifest('/nonexistent/systems.yml')).toThrow('Cannot read /nonexistent/systems.yml: no such file');
  });
});

describe('proposed data subjects', () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'piiscout-dm-')), 'shop.yml');
  fs.writeFileSync(file, datasetFileToYaml(buildDatasetFile(scanWithSubjects(), { scannedAt: '2026-01-01T00:00:00.000Z', toolVersion: '0.0.0-test', sampleSize: 100, keyPrefix: 'shop' })));

  it('fill the subjects column when no systems manifest declares any, marked proposed, from either reader', () => {
    for (const fields of [ReviewFile.load(file).fields(), ReviewFile.readFields(file).fields]) {
      const rows = buildDataMap([{ file, fields }]).rows;
      const email = rows.find((r) => r.table === 'customers' && r.field === 'email')!;
      expect(email).toMatchObject({ dataSubjects: [{ key: 'customer', name: 'Customer' }], dataSubjectsProposed: true });
      expect(DATA_MAP_COLUMNS.find((c) => c.key === 'data_subjects')!.value(email)).toBe('Customer (proposed by piiscout)');
      expect(rows.find((r) => r.table === 'orders')).toMatchObject({ dataSubjects: [{ key: 'customer', name: 'Customer' }], dataSubjectsProposed: true });
    }
  });

  it('give way to what a system declares', () => {
    const systems = parseSystemsManifest(
      YAML.stringify({ system: [{ fides_key: 'shop', name: 'Shop', privacy_declarations: [{ data_use: 'essential.service', data_subjects: ['employee'], data_categories: ['user'], dataset_references: ['shop_public'] }] }] }),
      'systems.yml',
    );
    const email = buildDataMap([{ file, fields: ReviewFile.load(file).fields() }], { systems }).rows.find((r) => r.field === 'email')!;
    expect(email).toMatchObject({ dataSubjects: [{ key: 'employee', name: 'Employee' }], dataSubjectsProposed: false });
    expect(DATA_MAP_COLUMNS.find((c) => c.key === 'data_subjects')!.value(email)).toBe('Employee');
  });
});
