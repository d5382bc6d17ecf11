/**
 * Deterministic benchmark databases, generated inside the server (Postgres generate_series,
 * MariaDB's Sequence engine seq_1_to_N) so 10,000 tables build in minutes on 2 cores.
 * Four table templates with mixed categories (contact data, orders, HR, web events), 8 columns
 * each, cycled over the tables. Rows per table: 100,000 for every 100th table, 10,000 for every
 * 10th, else 1,000 (mean 2,800; 10,000 tables = 28 million rows).
 */
export type BenchEngine = 'postgres' | 'mysql';

export function rowsForTable(i: number): number {
  return i % 100 === 0 ? 100_000 : i % 10 === 0 ? 10_000 : 1_000;
}

const FIRST = ['Anna', 'Bruno', 'Chloe', 'Dmitri', 'Emma', 'Farid', 'Greta', 'Hiro', 'Ines', 'Jonas', 'Kofi', 'Lena'];
const LAST = ['Smith', 'Mueller', 'Dubois', 'Rossi', 'Tanaka', 'Kowalski', 'Jansen', 'Silva', 'Garcia', 'Novak', 'Okafor'];
const CITIES = ['Berlin', 'Lyon', 'Osaka', 'Porto', 'Leeds', 'Gdansk', 'Utrecht', 'Turin', 'Austin', 'Quebec'];
const PRODUCTS = ['Desk Lamp', 'Coffee Grinder', 'Rain Jacket', 'Yoga Mat', 'Headphones', 'Backpack', 'Kettle'];
const STATUS = ['open', 'paid', 'shipped', 'cancelled'];

interface Template {
  readonly prefix: string;
  readonly columns: readonly [name: string, pgType: string, myType: string][];
  /** Select-list expressions over the sequence value `g`, per dialect. */
  readonly pg: readonly string[];
  readonly my: readonly string[];
}

const pgPick = (list: readonly string[], expr: string): string => `(ARRAY[${list.map((s) => `'${s}'`).join(',')}])[1 + (${expr}) % ${list.length}]`;
const myPick = (list: readonly string[], expr: string): string => `ELT(1 + (${expr}) % ${list.length}, ${list.map((s) => `'${s}'`).join(',')})`;

const TEMPLATES: readonly Template[] = [
  {
    prefix: 'customers',
    columns: [['id', 'integer PRIMARY KEY', 'int PRIMARY KEY'], ['email', 'text', 'varchar(120)'], ['full_name', 'text', 'varchar(120)'], ['phone', 'text', 'varchar(40)'], ['city', 'text', 'varchar(60)'], ['birth_date', 'date', 'date'], ['balance', 'numeric(12,2)', 'decimal(12,2)'], ['created_at', 'timestamp', 'datetime']],
    pg: ['g', `'user' || g || '@example.com'`, `${pgPick(FIRST, 'g')} || ' ' || ${pgPick(LAST, 'g / 7')}`, `'+1 415 555 ' || lpad((g % 10000)::text, 4, '0')`, pgPick(CITIES, 'g'), `date '1950-01-01' + (g * 37) % 20000`, `(g % 100000) / 100.0`, `timestamp '2024-01-01' + (g % 100000) * interval '1 minute'`],
    my: ['seq', `CONCAT('user', seq, '@example.com')`, `CONCAT(${myPick(FIRST, 'seq')}, ' ', ${myPick(LAST, 'seq DIV 7')})`, `CONCAT('+1 415 555 ', LPAD(seq % 10000, 4, '0'))`, myPick(CITIES, 'seq'), `DATE_ADD('1950-01-01', INTERVAL (seq * 37) % 20000 DAY)`, `(seq % 100000) / 100.0`, `DATE_ADD('2024-01-01', INTERVAL seq % 100000 MINUTE)`],
  },
  {
    prefix: 'orders',
    columns: [['id', 'integer PRIMARY KEY', 'int PRIMARY KEY'], ['order_no', 'text', 'varchar(20)'], ['product', 'text', 'varchar(60)'], ['quantity', 'integer', 'int'], ['amount', 'numeric(12,2)', 'decimal(12,2)'], ['status', 'text', 'varchar(20)'], ['ip_address', 'text', 'varchar(40)'], ['ordered_at', 'timestamp', 'datetime']],
    pg: ['g', `'ORD-' || lpad(g::text, 8, '0')`, pgPick(PRODUCTS, 'g'), `1 + g % 5`, `(g % 5000) / 10.0`, pgPick(STATUS, 'g'), `'10.' || (g / 65536) % 256 || '.' || (g / 256) % 256 || '.' || g % 256`, `timestamp '2024-01-01' + (g % 100000) * interval '1 minute'`],
    my: ['seq', `CONCAT('ORD-', LPAD(seq, 8, '0'))`, myPick(PRODUCTS, 'seq'), `1 + seq % 5`, `(seq % 5000) / 10.0`, myPick(STATUS, 'seq'), `CONCAT('10.', (seq DIV 65536) % 256, '.', (seq DIV 256) % 256, '.', seq % 256)`, `DATE_ADD('2024-01-01', INTERVAL seq % 100000 MINUTE)`],
  },
  {
    prefix: 'employees',
    columns: [['id', 'integer PRIMARY KEY', 'int PRIMARY KEY'], ['first_name', 'text', 'varchar(40)'], ['last_name', 'text', 'varchar(40)'], ['ssn', 'text', 'varchar(20)'], ['salary', 'integer', 'int'], ['street', 'text', 'varchar(80)'], ['hired_on', 'date', 'date'], ['manager_id', 'integer', 'int']],
    pg: ['g', pgPick(FIRST, 'g'), pgPick(LAST, 'g / 3'), `lpad((100 + g % 600)::text, 3, '0') || '-' || lpad((10 + g % 89)::text, 2, '0') || '-' || lpad((1000 + g % 8999)::text, 4, '0')`, `30000 + (g * 13) % 90000`, `(1 + g % 300) || ' ' || ${pgPick(['Main St', 'Oak Ave', 'High Street', 'Elm Road'], 'g')}`, `date '2000-01-01' + g % 8000`, `g / 10`],
    my: ['seq', myPick(FIRST, 'seq'), myPick(LAST, 'seq DIV 3'), `CONCAT(LPAD(100 + seq % 600, 3, '0'), '-', LPAD(10 + seq % 89, 2, '0'), '-', LPAD(1000 + seq % 8999, 4, '0'))`, `30000 + (seq * 13) % 90000`, `CONCAT(1 + seq % 300, ' ', ${myPick(['Main St', 'Oak Ave', 'High Street', 'Elm Road'], 'seq')})`, `DATE_ADD('2000-01-01', INTERVAL seq % 8000 DAY)`, `seq DIV 10`],
  },
  {
    prefix: 'events',
    columns: [['id', 'integer PRIMARY KEY', 'int PRIMARY KEY'], ['session_id', 'text', 'varchar(40)'], ['url', 'text', 'varchar(120)'], ['user_agent', 'text', 'varchar(120)'], ['duration_ms', 'integer', 'int'], ['country', 'text', 'varchar(2)'], ['referrer', 'text', 'varchar(120)'], ['occurred_at', 'timestamp', 'datetime']],
    pg: ['g', `md5(g::text)`, `'https://shop.example.com/p/' || g % 997`, `'Mozilla/5.0 (X11; Linux x86_64) Firefox/' || (100 + g % 30)`, `g % 60000`, pgPick(['DE', 'FR', 'JP', 'PT', 'GB', 'PL', 'NL', 'IT', 'US', 'CA'], 'g'), `'https://search.example.org/?q=' || g % 101`, `timestamp '2024-01-01' + (g % 100000) * interval '1 second'`],
    my: ['seq', `MD5(seq)`, `CONCAT('https://shop.example.com/p/', seq % 997)`, `CONCAT('Mozilla/5.0 (X11; Linux x86_64) Firefox/', 100 + seq % 30)`, `seq % 60000`, myPick(['DE', 'FR', 'JP', 'PT', 'GB', 'PL', 'NL', 'IT', 'US', 'CA'], 'seq'), `CONCAT('https://search.example.org/?q=', seq % 101)`, `DATE_ADD('2024-01-01', INTERVAL seq % 100000 SECOND)`],
  },
];

export function tableName(i: number): string {
  return `${TEMPLATES[i % TEMPLATES.length].prefix}_${String(i).padStart(5, '0')}`;
}

/**
 * SQL statements that create and fill table i (rows given, default by rowsForTable), with the first
 * `columnCount` of its template's 8 columns (the key first, then personal data).
 */
export function tableStatements(engine: BenchEngine, i: number, rows = rowsForTable(i), name = tableName(i), columnCount = 8): string[] {
  const t = TEMPLATES[i % TEMPLATES.length];
  const columns = t.columns.slice(0, columnCount);
  if (engine === 'postgres') {
    const cols = columns.map(([n, pg]) => `${n} ${pg}`).join(', ');
    return [`CREATE TABLE ${name} (${cols})`, `INSERT INTO ${name} SELECT ${t.pg.slice(0, columnCount).join(', ')} FROM generate_series(1, ${rows}) AS g`];
  }
  const cols = columns.map(([n, , my]) => `${n} ${my}`).join(', ');
  return [`CREATE TABLE ${name} (${cols}) ENGINE=InnoDB`, `INSERT INTO ${name} SELECT ${t.my.slice(0, columnCount).join(', ')} FROM seq_1_to_${rows}`];
}
