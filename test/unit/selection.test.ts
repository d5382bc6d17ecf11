import { describe, expect, it } from 'vitest';
import type { TableMetadata } from '../../src/core/metadata.js';
import { compilePattern } from '../../src/scan/filters.js';
import { patternLevel, selectionProblems, suggestPatterns } from '../../src/scan/selection.js';

const table = (schema: string, name: string, columns: string[] = ['id']): TableMetadata => ({
  schema,
  name,
  kind: 'table',
  columns: columns.map((c, i) => ({ name: c, ordinal: i + 1, rawType: 'text', normalizedType: 'string', isArray: false, isNullable: true, isPrimaryKey: false })),
  primaryKey: [],
  foreignKeys: [],
});

const SCHEMAS = ['public', 'hr', 'a.b'];
const TABLES = [table('public', 'customers', ['id', 'email']), table('public', 'orders'), table('hr', 'employees'), table('a.b', 'x*y')];
const rules = (include: string[], exclude: string[] = []) => ({ include, exclude, includeViews: false });

describe('selection problems', () => {
  it('none without filters (an empty database is no mistake) or when every include matches', () => {
    expect(selectionProblems(rules([]), SCHEMAS, [])).toBeUndefined();
    expect(selectionProblems(rules(['public', '*.orders', 'public.customers.email']), SCHEMAS, TABLES)).toBeUndefined();
  });

  it('names each include that matches nothing at its level', () => {
    const p = selectionProblems(rules(['public.*', 'pubilc.*', 'public.customers.emial', 'nope']), SCHEMAS, TABLES)!;
    expect(p.unmatched.map((u) => u.source)).toEqual(['pubilc.*', 'public.customers.emial', 'nope']);
    expect(p.nothingLeft).toBe(false);
  });

  it('include and exclude that leave nothing', () => {
    expect(selectionProblems(rules(['public.orders'], ['*.ord*']), SCHEMAS, TABLES)).toEqual({ unmatched: [], nothingLeft: true, included: 1 });
    expect(selectionProblems(rules([], ['*']), SCHEMAS, TABLES)?.nothingLeft).toBe(true);
    // An empty database with only --exclude is fine; an --include on it is not.
    expect(selectionProblems(rules([], ['tmp_*']), ['public'], [])).toBeUndefined();
    expect(selectionProblems(rules(['public']), ['public'], [])).toEqual({ unmatched: [], nothingLeft: true, included: 0 });
  });

  it('outside the scope (a MySQL URL that names a database) counts as nothing', () => {
    expect(selectionProblems({ ...rules(['hr.*']), inScope: (s) => s === 'public' }, SCHEMAS, TABLES)?.unmatched).toHaveLength(1);
  });
});

describe('suggestions', () => {
  const suggest = (pattern: string) => suggestPatterns(compilePattern(pattern), SCHEMAS, TABLES);
  it.each([
    ['pubilc', ['public']],
    ['pubilc.*', ['public.*']],
    ['public.custmers', ['public.customers']],
    ['pubilc.custmers', ['public.customers']],
    ['*.ordrs', ['*.orders']],
    ['public.customers.emial', ['public.customers.email']],
    ['customers', ['public.customers']],
    ['a\\.c.*', ['a\\.b.*']],
    ['zzzzzz.*', []],
    ['pub*.zzzzzz', []],
  ])('%s → %j', (pattern, expected) => {
    expect(suggest(pattern)).toEqual(expected);
  });

  it('writes names as pattern levels', () => {
    expect(patternLevel('a.b*[c]')).toBe('a\\.b\\*\\[c\\]');
  });
});
