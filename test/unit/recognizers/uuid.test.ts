import { describe, expect, it } from 'vitest';
import { faker } from '@faker-js/faker';
import { CATEGORY } from '../../../src/classify/categories.js';
import { uuidRecognizer } from '../../../src/classify/recognizers/uuid.js';
import { scoreValue } from '../../../src/classify/recognizers/recognizer.js';
import { reasonsFreeOf, run } from './column-options.js';

faker.seed(21);
const uuids = Array.from({ length: 200 }, () => faker.string.uuid());

describe('UUID and opaque id recognizer', () => {
  it.each([
    ['123e4567-e89b-12d3-a456-426614174000', 1],
    ['{123E4567-E89B-12D3-A456-426614174000}', 1],
    ['01ARZ3NDEKTSV4RRFFQ69G5FAV', 0.9], // ULID
    ['507f1f77bcf86cd799439011', 0.8], // ObjectId
    ['123e4567e89b12d3a456426614174000', 0.7],
    ['V1StGXR8_Z5jdHi6B-myT', 0.6], // nanoid
    // look-alikes
    ['00000000-0000-0000-0000-000000000000', 0],
    ['ORD-2024-000123-0001', 0],
    ['customer_service_team', 0],
    ['1234567890123456', 0],
    ['abc-123-abc-123-abc', 0], // repetitive, not random
  ])('%s → %d', (value, expected) => {
    expect(scoreValue(uuidRecognizer, value)).toBe(expected);
  });

  it('is a user.unique_id only with person context', () => {
    const pk = run(uuidRecognizer, 'customers', { name: 'id', type: 'uuid', primaryKey: true, values: uuids });
    expect(pk).toMatchObject([{ category: CATEGORY.uniqueId, score: 1 }]);
    expect(pk[0].reason).toContain('customers');
    const fk = run(uuidRecognizer, 'orders', { name: 'buyer', values: uuids }, [
      { name: 'fk', columns: ['buyer'], referencedSchema: 'public', referencedTable: 'users', referencedColumns: ['id'] },
    ]);
    expect(fk[0].category).toBe(CATEGORY.uniqueId);
    expect(run(uuidRecognizer, 'events', { name: 'customer_ref', values: uuids })[0].category).toBe(CATEGORY.uniqueId);
    expect(run(uuidRecognizer, 'users', { name: 'external_ref', values: uuids })[0].category).toBe(CATEGORY.uniqueId);
    expect(reasonsFreeOf(pk, uuids)).toBe(true);
  });

  it('is evidence for system.operations without person context', () => {
    for (const [table, column] of [['products', 'id'], ['t1', 'c3'], ['orders', 'tracking_ref']]) {
      const [evidence] = run(uuidRecognizer, table, { name: column, values: uuids });
      expect(evidence).toMatchObject({ category: CATEGORY.operations, score: 0.8 });
    }
    // A foreign key to something other than people is that thing's id, even in a table of people.
    const fk = run(uuidRecognizer, 'users', { name: 'ref', values: uuids }, [
      { name: 'fk', columns: ['ref'], referencedSchema: 'public', referencedTable: 'plans', referencedColumns: ['id'] },
    ]);
    expect(fk[0].category).toBe(CATEGORY.operations);
  });

  it('calls device ids device ids, and leaves secrets to other recognizers', () => {
    expect(run(uuidRecognizer, 'sessions', { name: 'device_id', values: uuids })[0].category).toBe(CATEGORY.deviceId);
    expect(run(uuidRecognizer, 'integrations', { name: 'api_key', values: uuids })).toEqual([]);
    expect(run(uuidRecognizer, 'users', { name: 'password_hash', values: uuids })).toEqual([]);
  });

  it('says nothing about integer keys (identifier rules decide those)', () => {
    const values = Array.from({ length: 100 }, (_, i) => String(i + 1));
    expect(run(uuidRecognizer, 'customers', { name: 'id', primaryKey: true, values })).toEqual([]);
  });
});
