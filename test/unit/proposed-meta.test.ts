/**
 * Proposed identities and references (piiscout.proposed_fides_meta) through review and re-scans:
 * accepting a field moves them into fides_meta (a declared foreign key takes the direction), what
 * a person wrote in fides_meta wins, a re-scan keeps what was accepted and proposes nothing again,
 * and the writer's files (streamed and whole) carry them, loadable by Fides.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { buildDatasetFile, datasetFileToYaml } from '../../src/fides/dataset-writer.js';
import { datasetYamlChunks } from '../../src/fides/dataset-stream.js';
import { ReviewFile } from '../../src/review/review-file.js';
import { fidesLoadProblems } from '../helpers/fides-load-check.js';
import { scanWithSubjects as scan } from '../helpers/review-scan.js';

const OPTIONS = { scannedAt: '2026-01-01T00:00:00.000Z', toolVersion: '0.0.0-test', sampleSize: 100, keyPrefix: 'shop' };
const yamlOf = () => datasetFileToYaml(buildDatasetFile(scan(), OPTIONS));

type Plain = {
  dataset: {
    fides_key: string;
    meta: { piiscout: Record<string, unknown> };
    collections: {
      name: string;
      piiscout: Record<string, unknown>;
      fields: { name: string; fides_meta?: Record<string, unknown>; piiscout: Record<string, unknown> }[];
    }[];
  }[];
};
const plain = (text: string) => YAML.parse(text) as Plain;
const fieldOf = (doc: Plain, table: string, column: string) => doc.dataset[0].collections.find((c) => c.name === table)!.fields.find((f) => f.name === column)!;
const FROM_CUSTOMERS = { dataset: 'shop_public', field: 'customers.id', direction: 'from' };

describe('proposed fides_meta in written files', () => {
  it('sits in piiscout keys, with data subjects per collection and dataset; the streamed file is the same text; Fides loads it', () => {
    const text = yamlOf();
    expect([...datasetYamlChunks(scan(), OPTIONS)].join('')).toBe(text);
    const doc = plain(text);
    expect(fieldOf(doc, 'customers', 'email').piiscout.proposed_fides_meta).toEqual({ identity: 'email' });
    expect(fieldOf(doc, 'customers', 'phone').piiscout.proposed_fides_meta).toEqual({ identity: 'phone_number' });
    expect(fieldOf(doc, 'customers', 'id').piiscout.proposed_fides_meta).toBeUndefined();
    expect(fieldOf(doc, 'customers', 'email').fides_meta?.identity).toBeUndefined();
    expect(fieldOf(doc, 'orders', 'customer_id').piiscout.proposed_fides_meta).toEqual({ references: [FROM_CUSTOMERS] });
    // The declared key stays as the scan always wrote it, without a direction.
    expect(fieldOf(doc, 'orders', 'customer_id').fides_meta?.references).toEqual([{ dataset: 'shop_public', field: 'customers.id' }]);
    expect(doc.dataset[0].collections.map((c) => c.piiscout.data_subjects)).toEqual([['customer'], ['customer']]);
    expect(doc.dataset[0].meta.piiscout.data_subjects).toEqual(['customer']);
    expect(doc.dataset[0].collections.map((c) => c.piiscout.data_subjects_because)).toEqual(['table customers holds people', 'rows belong to a person: orders.customer_id → customers.id']);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'piiscout-pm-')), 'shop.yml');
    fs.writeFileSync(file, text);
    expect(fidesLoadProblems([file])).toEqual([]);
  });
});

describe('the review view of a field', () => {
  it('carries its proposed fides_meta, for the review page to say what accepting declares', () => {
    const fields = ReviewFile.parse(yamlOf(), 'shop.yml').fields();
    expect(fields.find((f) => f.ref === 'public.customers.email')?.proposedFidesMeta).toEqual({ identity: 'email' });
    expect(fields.find((f) => f.ref === 'public.orders.customer_id')?.proposedFidesMeta).toEqual({ references: [FROM_CUSTOMERS] });
    expect(fields.find((f) => f.ref === 'public.customers.id')?.proposedFidesMeta).toBeUndefined();
  });
});

describe('accepting a field', () => {
  it('moves its proposed identity and references into fides_meta; a declared key takes the direction', () => {
    const file = ReviewFile.parse(yamlOf(), 'shop.yml');
    file.accept(file.find('customers.email'));
    file.accept(file.find('orders.customer_id'));
    const doc = plain(file.toString());
    expect(fieldOf(doc, 'customers', 'email').fides_meta).toEqual({ data_type: 'string', identity: 'email' });
    expect(fieldOf(doc, 'customers', 'email').piiscout.proposed_fides_meta).toBeUndefined();
    expect(fieldOf(doc, 'orders', 'customer_id').fides_meta?.references).toEqual([FROM_CUSTOMERS]);
    // Not accepted: still a proposal.
    expect(fieldOf(doc, 'customers', 'phone').fides_meta?.identity).toBeUndefined();
    expect(fieldOf(doc, 'customers', 'phone').piiscout.proposed_fides_meta).toEqual({ identity: 'phone_number' });
  });

  it('keeps what a person wrote in fides_meta; the conflicting part stays proposed', () => {
    const text = yamlOf().replace(
      /(- name: email\n\s+data_categories: \[user\.contact\.email\]\n\s+fides_meta:\n)(\s+)data_type: string\n/,
      '$1$2data_type: string\n$2identity: customer_email\n',
    );
    expect(text).toContain('identity: customer_email');
    const file = ReviewFile.parse(text, 'shop.yml');
    file.accept(file.find('customers.email'));
    const doc = plain(file.toString());
    expect(fieldOf(doc, 'customers', 'email').fides_meta?.identity).toBe('customer_email');
    expect(fieldOf(doc, 'customers', 'email').piiscout.proposed_fides_meta).toEqual({ identity: 'email' });
  });
});

describe('a re-scan', () => {
  it('keeps accepted fides_meta, proposes nothing again for it, and records a new proposal beside a decision', () => {
    const file = ReviewFile.parse(yamlOf(), 'shop.yml');
    file.accept(file.find('customers.email'));
    file.accept(file.find('orders.customer_id'));
    // A decision made before: phone was edited by hand, its proposal removed.
    file.set(file.find('customers.phone'), ['user.contact.phone_number']);
    let text = file.toString().replace(/\n\s+proposed_fides_meta:\n\s+identity: phone_number/, '');
    expect(text).not.toContain('phone_number\n              ');
    const reviewed = ReviewFile.parse(text, 'shop.yml');
    reviewed.mergeScan(buildDatasetFile(scan(), { ...OPTIONS, existingKeys: reviewed.datasetKeys() }));
    text = reviewed.toString();
    const doc = plain(text);
    expect(fieldOf(doc, 'customers', 'email').fides_meta?.identity).toBe('email');
    expect(fieldOf(doc, 'customers', 'email').piiscout.proposed_fides_meta).toBeUndefined();
    expect(fieldOf(doc, 'customers', 'email').piiscout.status).toBe('accepted');
    expect(fieldOf(doc, 'orders', 'customer_id').fides_meta?.references).toEqual([FROM_CUSTOMERS]);
    expect(fieldOf(doc, 'orders', 'customer_id').piiscout.proposed_fides_meta).toBeUndefined();
    // The edited field keeps its decision; the scan's identity waits beside it.
    expect(fieldOf(doc, 'customers', 'phone').piiscout.status).toBe('edited');
    expect(fieldOf(doc, 'customers', 'phone').fides_meta?.identity).toBeUndefined();
    expect(fieldOf(doc, 'customers', 'phone').piiscout.proposed_fides_meta).toEqual({ identity: 'phone_number' });
  });
});

describe('undoing an accept', () => {
  it('puts fides_meta and the proposal back exactly: the file is the text it was before', () => {
    const before = yamlOf();
    const file = ReviewFile.parse(before, 'shop.yml');
    const email = file.find('customers.email');
    const customerId = file.find('orders.customer_id');
    const undoEmail = file.accept(email);
    const undoCustomerId = file.accept(customerId);
    expect(undoEmail.fidesMeta).toEqual({ meta: { data_type: 'string' }, proposed: { identity: 'email' } });
    expect(file.toString()).not.toBe(before);
    file.restore(customerId, undoCustomerId);
    file.restore(email, undoEmail);
    expect(file.toString()).toBe(before);
  });

  it('keeps what a person wrote in fides_meta and the conflicting proposal through accept and undo', () => {
    const before = yamlOf().replace(
      /(- name: email\n\s+data_categories: \[user\.contact\.email\]\n\s+fides_meta:\n)(\s+)data_type: string\n/,
      '$1$2data_type: string\n$2identity: customer_email\n',
    );
    const file = ReviewFile.parse(before, 'shop.yml');
    const email = file.find('customers.email');
    const undo = file.accept(email);
    // Nothing moved: the state to undo is status and time only.
    expect(undo.fidesMeta).toBeUndefined();
    file.restore(email, undo);
    expect(file.toString()).toBe(before);
  });

  it('an accept without a proposal records no fides_meta to put back', () => {
    const file = ReviewFile.parse(yamlOf(), 'shop.yml');
    expect(file.accept(file.find('customers.id')).fidesMeta).toBeUndefined();
  });
});
