/**
 * Throughput of the heuristic classifier: columns per second at 200 sampled values per column,
 * over a mix of column kinds (PII and not). Run: npx tsx scripts/bench-heuristic-classifier.ts
 */
import { faker } from '@faker-js/faker';
import { createHeuristicClassifier } from '../src/classify/heuristic-classifier.js';
import type { ColumnInput } from '../src/classify/types.js';
import type { NormalizedType, TableMetadata } from '../src/core/metadata.js';

const VALUES = 200;
const COLUMNS = Number(process.argv[2] ?? 3000);

const kinds: [string, NormalizedType, () => string][] = [
  ['email', 'string', () => faker.internet.email()],
  ['c2', 'string', () => faker.phone.number()],
  ['first_name', 'string', () => faker.person.firstName()],
  ['name', 'string', () => faker.person.fullName()],
  ['dob', 'date', () => faker.date.birthdate().toISOString().slice(0, 10)],
  ['created_at', 'timestamp', () => faker.date.recent().toISOString()],
  ['id', 'integer', () => String(faker.number.int(1_000_000))],
  ['amount', 'decimal', () => faker.finance.amount()],
  ['description', 'string', () => faker.lorem.sentence()],
  ['title', 'string', () => faker.commerce.productName()],
  ['ref', 'uuid', () => faker.string.uuid()],
  ['street', 'string', () => faker.location.streetAddress()],
  ['city', 'string', () => faker.location.city()],
  ['ip', 'inet', () => faker.internet.ipv4()],
  ['status', 'string', () => faker.helpers.arrayElement(['open', 'closed', 'pending'])],
  ['order_no', 'string', () => faker.string.numeric(10)],
];

faker.seed(1);
const inputs: ColumnInput[] = [];
for (let i = 0; i < COLUMNS; i++) {
  const [name, type, make] = kinds[i % kinds.length];
  const column = { name, ordinal: 1, rawType: type, normalizedType: type, isArray: false, isNullable: true, isPrimaryKey: false };
  const table: TableMetadata = { schema: 'public', name: `t${i}`, kind: 'table', columns: [column], primaryKey: [], foreignKeys: [] };
  const values = Array.from({ length: VALUES }, make);
  inputs.push({ database: { engine: 'sqlite', database: 'bench', schemas: ['public'], tables: [table] }, table, column, sample: { values, nullCount: 0, truncatedCount: 0 }, rowsSampled: VALUES });
}

const classifier = createHeuristicClassifier();
await classifier.classify(inputs.slice(0, kinds.length * 4)); // warm-up (JIT, libphonenumber metadata)
const start = performance.now();
const results = await classifier.classify(inputs);
const seconds = (performance.now() - start) / 1000;
console.log(`${COLUMNS} columns × ${VALUES} values: ${seconds.toFixed(2)} s → ${Math.round(COLUMNS / seconds)} columns/s`);
for (let k = 0; k < kinds.length; k++) {
  const r = results[k];
  console.log(`  ${kinds[k][0].padEnd(12)} → ${r.categories.join(',')} (${r.confidence})`);
}
