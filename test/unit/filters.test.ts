import { describe, expect, it } from 'vitest';
import { createTableFilter } from '../../src/scan/filters.js';

describe('createTableFilter', () => {
  it('includes everything when empty', () => {
    const f = createTableFilter();
    expect(f.includeTable('public', 'users')).toBe(true);
    expect(f.includeColumn('public', 'users', 'email')).toBe(true);
  });

  it.each([
    // include, exclude, schema, table, expected
    [['public'], [], 'public', 'users', true],
    [['public'], [], 'hr', 'users', false],
    [['public.*'], [], 'public', 'users', true],
    [['*.users'], [], 'crm', 'users', true],
    [['*.users'], [], 'crm', 'orders', false],
    [[], ['*.audit_*'], 'public', 'audit_log', false],
    [[], ['*.audit_*'], 'public', 'users', true],
    [['PUBLIC.Users'], [], 'public', 'users', true],
    [['public.a\\.b'], [], 'public', 'a.b', true],
    [['public.a\\.b'], [], 'public', 'axb', false],
    [['*.users.email'], [], 'public', 'users', true],
    [['*.users.email'], [], 'public', 'orders', false],
  ])('include %j exclude %j: %s.%s → %s', (include, exclude, schema, table, expected) => {
    expect(createTableFilter(include, exclude).includeTable(schema, table)).toBe(expected);
  });

  it('a column include selects only those columns of its table', () => {
    const f = createTableFilter(['*.users.email', 'public.orders']);
    expect(f.includeColumn('public', 'users', 'email')).toBe(true);
    expect(f.includeColumn('public', 'users', 'name')).toBe(false);
    expect(f.includeColumn('public', 'orders', 'total')).toBe(true);
  });

  it('a column exclude drops the column only', () => {
    const f = createTableFilter([], ['*.*.password*']);
    expect(f.includeTable('public', 'users')).toBe(true);
    expect(f.includeColumn('public', 'users', 'password_hash')).toBe(false);
    expect(f.includeColumn('public', 'users', 'email')).toBe(true);
  });

  it('prunes schemas early', () => {
    const f = createTableFilter(['crm.*'], ['tmp']);
    expect(f.includeSchema('crm')).toBe(true);
    expect(f.includeSchema('public')).toBe(false);
    expect(createTableFilter([], ['tmp']).includeSchema('tmp')).toBe(false);
  });

  it('handles names containing slashes', () => {
    expect(createTableFilter(['public.a/b']).includeTable('public', 'a/b')).toBe(true);
  });

  it('rejects malformed patterns with a usage error', () => {
    expect(() => createTableFilter(['a.b.c.d'])).toThrow(/Invalid pattern/);
    expect(() => createTableFilter(['a..b'])).toThrow(/Invalid pattern/);
  });
});
