/**
 * A small database whose personal data is only recognisable through its relations (the subject graph,
 * issue 15 class 1): people, their diagnoses (referenced by `member_ref`, a name that names no table:
 * only the values say whose rows they are), their purchases (a declared key) and purchased items (two
 * hops) with the products bought, their searches with a topic, and code tables. `masked` renames every table and column to a meaningless name
 * (t1, c1, ...), so that only keys and values are left. Values are synthetic and deterministic.
 */
import type { FixtureTable } from './fixtures.js';

const GIVEN = ['Anna', 'Bruno', 'Clara', 'David', 'Elena', 'Felix', 'Greta', 'Hugo', 'Ines', 'Jonas', 'Karla', 'Lukas', 'Marta', 'Nils', 'Olga', 'Paul', 'Rosa', 'Simon', 'Tina', 'Uwe'];
const FAMILY = ['Keller', 'Brandt', 'Vogel', 'Hartmann', 'Lorenz', 'Seidel', 'Krause', 'Frank', 'Berger', 'Winter', 'Roth', 'Haas', 'Fuchs', 'Jung', 'Lang', 'Huber', 'Graf', 'Sommer', 'Peters', 'Kraus'];
const CONDITIONS: readonly (readonly [string, string])[] = [
  ['E11.9', 'Type 2 diabetes mellitus without complications'],
  ['I10', 'Essential (primary) hypertension'],
  ['J45.909', 'Unspecified asthma, uncomplicated'],
  ['M54.5', 'Low back pain'],
  ['F41.1', 'Generalized anxiety disorder'],
];
const SEARCHES = ['running shoes size 42', 'cheap flights to lisbon', 'blood pressure monitor', 'gluten free bread recipe', 'second hand bikes nearby'];
const TOPICS = ['sports', 'travel', 'health', 'food'];
const PRODUCTS = ['Trail running shoe', 'Rain jacket', 'Water bottle', 'Head torch'];
const PEOPLE = 20;

/** Table and column names: the real ones, or meaningless ones (`t1.c2`). */
export interface SubjectFixtureNames {
  readonly table: (name: string) => string;
  readonly column: (table: string, name: string) => string;
}

const PLAIN: SubjectFixtureNames = { table: (n) => n, column: (_t, n) => n };

function maskedNames(tables: readonly { name: string; columns: readonly string[] }[]): SubjectFixtureNames {
  const tableNames = new Map(tables.map((t, i) => [t.name, `t${i + 1}`]));
  const columnNames = new Map(tables.flatMap((t) => t.columns.map((c, i) => [`${t.name}.${c}`, `c${i + 1}`] as const)));
  return { table: (n) => tableNames.get(n)!, column: (t, n) => columnNames.get(`${t}.${n}`)! };
}

interface Spec {
  readonly name: string;
  readonly columns: readonly { readonly name: string; readonly type: FixtureTable['columns'][number]['type']; readonly pk?: boolean; readonly references?: string }[];
  readonly rows: FixtureTable['rows'];
}

function specs(): Spec[] {
  const people = Array.from({ length: PEOPLE }, (_, i) => [
    1001 + i * 7,
    GIVEN[i],
    FAMILY[i],
    `19${60 + ((i * 3) % 40)}-0${1 + (i % 9)}-1${i % 10}`,
    `${GIVEN[i].toLowerCase()}.${FAMILY[i].toLowerCase()}@example.org`,
  ]);
  const personId = (i: number) => people[i % PEOPLE][0] as number;
  return [
    {
      name: 'countries',
      columns: [
        { name: 'id', type: 'int', pk: true },
        { name: 'label', type: 'text' },
      ],
      rows: ['Germany', 'Austria', 'Switzerland'].map((c, i) => [i + 1, c]),
    },
    {
      name: 'persons',
      columns: [
        { name: 'person_id', type: 'int', pk: true },
        { name: 'given_name', type: 'text' },
        { name: 'family_name', type: 'text' },
        { name: 'birth_date', type: 'date' },
        { name: 'email', type: 'text' },
        { name: 'country_id', type: 'int', references: 'countries.id' },
      ],
      rows: people.map((p, i) => [...p, 1 + (i % 3)]),
    },
    {
      name: 'diagnoses',
      columns: [
        { name: 'diagnosis_id', type: 'int', pk: true },
        { name: 'member_ref', type: 'int' },
        { name: 'icd_code', type: 'text' },
        { name: 'description', type: 'text' },
      ],
      rows: Array.from({ length: 40 }, (_, i) => [i + 1, personId(i * 3), CONDITIONS[i % CONDITIONS.length][0], CONDITIONS[i % CONDITIONS.length][1]]),
    },
    {
      name: 'products',
      columns: [
        { name: 'product_id', type: 'int', pk: true },
        { name: 'title', type: 'text' },
        { name: 'price', type: 'decimal' },
      ],
      rows: PRODUCTS.map((p, i) => [i + 1, p, 5 + i * 3 + 0.99]),
    },
    {
      name: 'purchases',
      columns: [
        { name: 'purchase_id', type: 'int', pk: true },
        { name: 'person_id', type: 'int', references: 'persons.person_id' },
        { name: 'total_amount', type: 'decimal' },
        { name: 'purchased_on', type: 'date' },
      ],
      rows: Array.from({ length: 30 }, (_, i) => [5000 + i, personId(i * 7), 10 + ((i * 37) % 500) + 0.99, `2024-0${1 + (i % 9)}-2${i % 8}`]),
    },
    {
      name: 'purchase_items',
      columns: [
        { name: 'item_id', type: 'int', pk: true },
        { name: 'purchase_id', type: 'int', references: 'purchases.purchase_id' },
        { name: 'product_id', type: 'int', references: 'products.product_id' },
        { name: 'quantity', type: 'int' },
      ],
      rows: Array.from({ length: 60 }, (_, i) => [i + 1, 5000 + (i % 30), 1 + (i % PRODUCTS.length), 1 + (i % 4)]),
    },
    {
      name: 'topics',
      columns: [
        { name: 'topic_id', type: 'int', pk: true },
        { name: 'label', type: 'text' },
      ],
      rows: TOPICS.map((t, i) => [i + 1, t]),
    },
    {
      name: 'searches',
      columns: [
        { name: 'search_id', type: 'int', pk: true },
        { name: 'person_id', type: 'int', references: 'persons.person_id' },
        { name: 'query_text', type: 'text' },
        { name: 'topic_id', type: 'int', references: 'topics.topic_id' },
      ],
      rows: Array.from({ length: 50 }, (_, i) => [i + 1, personId(i * 11), SEARCHES[i % SEARCHES.length], 1 + (i % TOPICS.length)]),
    },
  ];
}

export interface SubjectFixture {
  readonly tables: FixtureTable[];
  readonly names: SubjectFixtureNames;
}

/** The fixture, with its real names or masked. */
export function subjectFixture(options: { masked?: boolean } = {}): SubjectFixture {
  const all = specs();
  const names = options.masked ? maskedNames(all.map((t) => ({ name: t.name, columns: t.columns.map((c) => c.name) }))) : PLAIN;
  const tables = all.map(
    (t): FixtureTable => ({
      name: names.table(t.name),
      columns: t.columns.map((c) => {
        const [refTable, refColumn] = c.references?.split('.') ?? [];
        return {
          name: names.column(t.name, c.name),
          type: c.type,
          ...(c.pk ? { pk: true } : {}),
          ...(c.references ? { references: `${names.table(refTable)}.${names.column(refTable, refColumn)}` } : {}),
        };
      }),
      rows: t.rows,
    }),
  );
  return { tables, names };
}
