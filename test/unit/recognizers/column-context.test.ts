import { describe, expect, it } from 'vitest';
import { hasWord, nullShare, percent, personIdentifierReason, personTableReason, thingTableReason } from '../../../src/classify/recognizers/column-context.js';
import { prepareValues } from '../../../src/classify/recognizers/recognizer.js';
import { tokenizeName } from '../../../src/classify/name/tokenize.js';
import { optionsFor } from './column-options.js';

const unique = prepareValues(Array.from({ length: 50 }, (_, i) => `v${i}`));
const repeated = prepareValues(Array.from({ length: 50 }, (_, i) => `v${i % 3}`));

describe('column context for recognizers', () => {
  it.each([
    ['customers', 'id', true, unique, "primary key of table 'customers'"],
    ['orders', 'customer_uuid', false, unique, 'customer'],
    ['users', 'external_ref', false, unique, "unique in table 'users'"],
    ['users', 'plan_ref', false, repeated, undefined],
    ['products', 'id', true, unique, undefined],
    ['t1', 'c1', false, unique, undefined],
  ] as const)('%s.%s → %s', (table, column, primaryKey, values, expected) => {
    const options = optionsFor(table, { name: column, primaryKey });
    const reason = personIdentifierReason(options.column, tokenizeName(column), values);
    if (expected === undefined) expect(reason).toBeUndefined();
    else expect(reason).toContain(expected);
  });

  it('describes the table subject', () => {
    expect(personTableReason(optionsFor('customers', { name: 'x' }).column)).toBe("table 'customers' holds people");
    expect(personTableReason(optionsFor('products', { name: 'x' }).column)).toBeUndefined();
    expect(thingTableReason(optionsFor('products', { name: 'x' }).column)).toBe("table 'products' holds things, not people");
    expect(hasWord(['home', 'page'], new Set(['page']))).toBe('page');
  });

  it('computes statistics and percentages', () => {
    const options = optionsFor('t', { name: 'x', values: ['a', 'b'] });
    expect(nullShare(options.column)).toBe(0);
    expect(percent(0.184)).toBe('18%');
    expect(percent(0.001)).toBe('<1%');
  });
});
