import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { UserError } from '../../src/core/errors.js';
import { Taxonomy } from '../../src/fides/taxonomy.js';
import { ConflictError, hashText, ReviewFile, type FieldAddress } from '../../src/review/review-file.js';
import { validateFidesDatasetFile } from '../helpers/fideslang-validator.js';
import { scanFile, scanYaml } from '../helpers/review-scan.js';

const TABLES = [
  {
    name: 'customers',
    columns: [
      { name: 'email', categories: ['user.contact.email'], confidence: 0.95 },
      { name: 'id', pk: true, type: 'integer' as const, confidence: 0.9 },
      { name: 'notes', confidence: 0.3 },
    ],
  },
  { name: 'orders', columns: [{ name: 'customer_id', references: 'customers.id', type: 'integer' as const }] },
];

const tmpFile = (text: string, name = 'shop.yml'): string => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'piiscout-review-')), name);
  fs.writeFileSync(file, text);
  return file;
};

const errorOf = (fn: () => unknown): UserError => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return error as UserError;
  }
  throw new Error('expected a UserError');
};

const email: FieldAddress = { dataset: 'shop_public', collection: 'customers', field: 'email' };

/** A file a person has worked on: comments, a description, identity, a field without piiscout record, nested fields. */
const HAND_EDITED = `# our PII inventory
dataset:
  - fides_key: shop_public # do not rename
    name: public
    fides_meta:
      namespace: {database_name: shop, schema: public}
    collections:
      - name: customers
        fields:
          - name: email
            description: Login e-mail, verified # added by Ana
            data_categories: [user.contact.email] # confirmed with legal
            fides_meta:
              identity: email
            piiscout:
              status: proposed
              confidence: 0.95
          - name: legacy_blob
            data_categories: [user.unique_id]
          - name: prefs
            fields:
              - name: newsletter
                data_categories: [user.privacy_preferences]
              - name: theme
      - name: v1.users
        fields:
          - name: e.mail
            data_categories: [system.operations]
            piiscout: {status: proposed, confidence: 0.2}
`;

describe('ReviewFile: reading', () => {
  it('round-trips a scan file byte for byte', () => {
    const text = scanYaml(TABLES);
    expect(ReviewFile.parse(text).toString()).toBe(text);
  });

  it('lists every field with status, markers and the machine record', () => {
    const fields = ReviewFile.parse(scanYaml(TABLES)).fields();
    expect(fields.map((f) => `${f.address.collection}.${f.address.field}`)).toEqual(['customers.email', 'customers.id', 'customers.notes', 'orders.customer_id']);
    const e = fields[0];
    expect(e).toMatchObject({ schema: 'public', categories: ['user.contact.email'], status: 'proposed', isNew: false, isRemoved: false, confidence: 0.95, dataType: 'string' });
    expect(e.evidence?.[0]).toMatchObject({ factor: 'name', category: 'user.contact.email', source: 'name-rules' });
    expect(e.machineProposal).toBeUndefined();
  });

  it('derives statuses of fields a person wrote and addresses nested fields, skipping bare containers', () => {
    const fields = ReviewFile.parse(HAND_EDITED).fields();
    const byField = new Map(fields.map((f) => [`${f.address.collection}.${f.address.field}`, f]));
    expect([...byField.keys()]).toEqual(['customers.email', 'customers.legacy_blob', 'customers.prefs.newsletter', 'customers.prefs.theme', 'v1.users.e.mail']);
    expect(byField.get('customers.legacy_blob')?.status).toBe('edited'); // categories without a piiscout record: a person's
    expect(byField.get('customers.prefs.theme')?.status).toBe('proposed'); // nothing decided yet
    expect(byField.get('customers.email')?.description).toBe('Login e-mail, verified');
  });

  it('gives one-line errors with a hint for malformed YAML and unexpected shapes', () => {
    const bad = errorOf(() => ReviewFile.parse('dataset:\n  - fides_key: a\n   collections: [\n', 'x.yml'));
    expect(bad.message).toMatch(/^x\.yml: invalid YAML at line \d+, column \d+: /);
    expect(bad.message).not.toContain('\n');
    expect(bad.hint).toContain('nothing was changed');
    expect(errorOf(() => ReviewFile.parse('- a\n- b\n', 'x.yml')).message).toBe('x.yml: not a Fides dataset file (no top-level `dataset:` list)');
    expect(errorOf(() => ReviewFile.parse('dataset:\n  - name: x\n', 'x.yml')).message).toBe('x.yml: dataset[0].fides_key: is required');
    const status = errorOf(() => ReviewFile.parse(HAND_EDITED.replace('status: proposed\n', 'status: acepted\n'), 'x.yml'));
    expect(status.message).toContain("collections[0].fields[0].piiscout.status: unknown status 'acepted' (did you mean 'accepted'?)");
    expect(errorOf(() => ReviewFile.parse(HAND_EDITED.replace('[user.unique_id]', 'user.unique_id'), 'x.yml')).message).toContain(
      'fields[1].data_categories: must be a list of category keys',
    );
    expect(errorOf(() => ReviewFile.load('/nonexistent/shop.yml')).message).toBe('Cannot read /nonexistent/shop.yml: no such file');
  });
});

describe('ReviewFile.find', () => {
  const file = ReviewFile.parse(HAND_EDITED, 'x.yml');

  it('resolves schema.table.column, fides_key.table.column, unique table.column and nested paths', () => {
    expect(file.find('public.customers.email')).toEqual(email);
    expect(file.find('shop_public.customers.email')).toEqual(email);
    expect(file.find('customers.email')).toEqual(email);
    expect(file.find('public.customers.prefs.newsletter')).toEqual({ ...email, field: 'prefs.newsletter' });
    expect(file.find('PUBLIC.Customers.EMAIL')).toEqual(email);
  });

  it('tries every split, so table and column names may contain dots', () => {
    expect(file.find('public.v1.users.e.mail')).toEqual({ dataset: 'shop_public', collection: 'v1.users', field: 'e.mail' });
  });

  it('names the candidates of an ambiguous reference', () => {
    const two = scanFile([{ name: 'users', columns: [{ name: 'email' }] }, { schema: 'crm', name: 'users', columns: [{ name: 'email' }] }]);
    const f = ReviewFile.parse(YAML.stringify(two), 'x.yml');
    const e = errorOf(() => f.find('users.email'));
    expect(e.message).toBe('x.yml: users.email is ambiguous: crm.users.email, public.users.email'); // names as review --list shows them
    expect(f.find('crm.users.email').dataset).toBe('shop_crm');
  });

  it('suggests near misses for unknown references', () => {
    const e = errorOf(() => file.find('public.custmers.emial'));
    expect(e.message).toBe("x.yml: no field public.custmers.emial (did you mean 'public.customers.email'?)");
    expect(e.hint).toContain('--list');
    expect(errorOf(() => file.find('nothing.like.this.at.all')).message).toBe('x.yml: no field nothing.like.this.at.all');
  });
});

describe('ReviewFile: review actions', () => {
  it('accept confirms the categories as they are and records when', () => {
    const file = ReviewFile.parse(scanYaml(TABLES));
    const previous = file.accept(email);
    expect(previous).toEqual({ categories: ['user.contact.email'], status: 'proposed' });
    const f = file.fields()[0];
    expect(f.status).toBe('accepted');
    expect(f.categories).toEqual(['user.contact.email']);
    expect(Date.parse(f.reviewedAt!)).toBeGreaterThan(Date.parse('2025-01-01'));
    expect(file.toString()).toMatch(/status: accepted\n\s+reviewed_at: /);
  });

  it('accept refuses a field without categories', () => {
    const file = ReviewFile.parse(HAND_EDITED);
    expect(errorOf(() => file.accept(file.find('customers.prefs.theme'))).message).toContain('has no categories to accept');
  });

  it('set replaces the categories (checked, de-duplicated) and marks the field edited', () => {
    const file = ReviewFile.parse(scanYaml(TABLES));
    const previous = file.set(email, ['user.contact.email', 'user.name', 'user.name']);
    expect(previous.status).toBe('proposed');
    expect(file.fields()[0]).toMatchObject({ status: 'edited', categories: ['user.contact.email', 'user.name'] });
    expect(file.toString()).toContain('data_categories: [user.contact.email, user.name]');
  });

  it('set rejects unknown keys with a did-you-mean, and an empty list', () => {
    const file = ReviewFile.parse(scanYaml(TABLES));
    const before = file.toString();
    const e = errorOf(() => file.set(email, ['user.contact.emial']));
    expect(e.message).toBe("Unknown data category 'user.contact.emial' (did you mean 'user.contact.email'?)");
    expect(e.hint).toContain('classification.categories');
    expect(errorOf(() => file.set(email, [' '])).message).toBe('No categories given');
    expect(file.toString()).toBe(before);
  });

  it('set accepts custom categories of an extended taxonomy', () => {
    const taxonomy = Taxonomy.default().extend([{ key: 'user.employee_badge', name: 'Badge', description: '', parent: 'user' }]);
    const file = ReviewFile.parse(scanYaml(TABLES), 'x.yml', { taxonomy });
    file.set(email, ['user.employee_badge']);
    expect(file.fields()[0].categories).toEqual(['user.employee_badge']);
  });

  it('ignore keeps the categories and marks the field ignored', () => {
    const file = ReviewFile.parse(scanYaml(TABLES));
    file.ignore(email);
    expect(file.fields()[0]).toMatchObject({ status: 'ignored', categories: ['user.contact.email'] });
  });

  it('restore undoes accept, set and ignore back to the same text', () => {
    const text = scanYaml(TABLES);
    const file = ReviewFile.parse(text);
    for (const act of [(a: FieldAddress) => file.accept(a), (a: FieldAddress) => file.set(a, ['user.name']), (a: FieldAddress) => file.ignore(a)]) {
      const previous = act(email);
      expect(file.toString()).not.toBe(text);
      file.restore(email, previous);
      expect(file.toString()).toBe(text);
    }
  });

  it('restore puts back an earlier decision with its time', () => {
    const file = ReviewFile.parse(scanYaml(TABLES));
    file.set(email, ['user.name']);
    const decided = file.fields()[0];
    const previous = file.accept(email);
    expect(previous).toEqual({ categories: ['user.name'], status: 'edited', reviewedAt: decided.reviewedAt });
    file.restore(email, previous);
    expect(file.fields()[0]).toMatchObject({ status: 'edited', categories: ['user.name'], reviewedAt: decided.reviewedAt });
  });

  it('keeps every comment and hand-written key through review actions', () => {
    const file = ReviewFile.parse(HAND_EDITED);
    file.set(email, ['user.contact.email', 'user.name']);
    file.accept(file.find('customers.legacy_blob'));
    file.ignore(file.find('customers.prefs.theme'));
    const out = file.toString();
    for (const kept of ['# our PII inventory', '# do not rename', '# added by Ana', '# confirmed with legal', 'identity: email', 'namespace: {database_name: shop, schema: public}']) {
      expect(out).toContain(kept);
    }
    expect(out).toContain('data_categories: [user.contact.email, user.name] # confirmed with legal');
    expect(validateFidesDatasetFile(YAML.parse(out), undefined, { requireSorted: false })).toEqual([]);
  });

  it('remove deletes only fields marked removed, and their removed table once empty', () => {
    const file = ReviewFile.parse(scanYaml(TABLES));
    expect(errorOf(() => file.remove(email)).message).toContain('is not marked removed');
    file.mergeScan(scanFile([TABLES[0]])); // orders is gone
    const gone = file.find('orders.customer_id');
    expect(file.fields().find((f) => f.address.field === 'customer_id')?.isRemoved).toBe(true);
    file.remove(gone);
    expect(file.fields().map((f) => f.address.collection)).not.toContain('orders');
    expect(file.toString()).not.toContain('name: orders');
  });
});

describe('ReviewFile.save', () => {
  it('writes atomically and returns the version of what it wrote', () => {
    const path_ = tmpFile(scanYaml(TABLES));
    const file = ReviewFile.load(path_);
    expect(file.version).toBe(hashText(fs.readFileSync(path_, 'utf8')));
    file.accept(email);
    const version = file.save();
    const disk = fs.readFileSync(path_, 'utf8');
    expect(version).toBe(hashText(disk));
    expect(file.version).toBe(version);
    expect(ReviewFile.load(path_).fields()[0].status).toBe('accepted');
    expect(fs.readdirSync(path.dirname(path_))).toEqual(['shop.yml']); // no temp file left
  });

  it('refuses to overwrite a file that changed on disk, and writes nothing', () => {
    const path_ = tmpFile(scanYaml(TABLES));
    const file = ReviewFile.load(path_);
    const other = ReviewFile.load(path_);
    other.ignore(email);
    other.save();
    const afterOther = fs.readFileSync(path_, 'utf8');
    file.accept(email);
    expect(() => file.save()).toThrow(ConflictError);
    expect(errorOf(() => file.save()).message).toContain('changed on disk since it was read');
    expect(fs.readFileSync(path_, 'utf8')).toBe(afterOther);
  });

  it('checks against an explicit expected version', () => {
    const path_ = tmpFile(scanYaml(TABLES));
    const file = ReviewFile.load(path_);
    file.accept(email);
    expect(() => file.save({ expectedVersion: 'stale' })).toThrow(ConflictError);
    expect(file.save({ expectedVersion: file.version })).toMatch(/^[0-9a-f]{16}$/);
  });
});
