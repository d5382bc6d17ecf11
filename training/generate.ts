/**
 * Labelled synthetic columns for training and evaluating the column model. Seeded and reproducible:
 * the same (seed, count) gives the same columns on any machine (one mulberry32 stream for structure,
 * faker re-seeded per column for values). Each column: a kind (personal or not), a locale, a table
 * name, a messy column name (casing styles, prefixes, abbreviations, other languages, or meaningless),
 * a type, 0–100 values with nulls, duplicates, padding and dirty entries.
 */
import {
  fakerDE, fakerEN, fakerEN_GB, fakerEN_IN, fakerES, fakerFR, fakerIT, fakerJA, fakerNL, fakerPT_BR, type Faker,
} from '@faker-js/faker';
import type { ModelColumn } from '../src/model/features.js';
import type { ModelLabel } from '../src/model/labels.js';
import { PERSONAL_KINDS, type ColumnKind, type TableFamily } from './kinds-personal.js';
import { OPERATION_KINDS } from './kinds-operations.js';
import { Rng } from './rng.js';

export const LOCALES: Readonly<Record<string, Faker>> = {
  en: fakerEN, en_GB: fakerEN_GB, en_IN: fakerEN_IN, de: fakerDE, fr: fakerFR, es: fakerES, it: fakerIT, nl: fakerNL, pt_BR: fakerPT_BR, ja: fakerJA,
};
const LOCALE_NAMES = Object.keys(LOCALES);
/** Fixed "now" of the generated data, so that a run next year generates the same columns. */
export const REFERENCE_DATE = '2026-11-27T12:00:00.000Z';

export interface LabelledColumn extends ModelColumn {
  readonly label: ModelLabel;
  readonly kind: string;
  readonly locale: string;
}

const PERSON_TABLES = [
  'customers', 'users', 'employees', 'members', 'patients', 'contacts', 'accounts', 'clients', 'students', 'kunden', 'benutzer',
  'clientes', 'utilisateurs', 'utenti', 'klanten', 'usuarios', 'staff', 'subscribers', 'profiles', 'tbl_customer', 'cust', 't_users',
  'people', 'persons', 'mitarbeiter', 'employes', 'dipendenti', 'medewerkers', 'funcionarios', 'kokyaku', 'customer', 'user_account',
  'guests', 'applicants', 'drivers', 'tenants', 'voters', 'donors', 'CustomerMaster', 'dbo_Employee', 'tab1', 'x_data',
];
const OPS_TABLES = [
  'orders', 'products', 'invoices', 'order_items', 'inventory', 'shipments', 'categories', 'logs', 'events', 'audit_log', 'tracks',
  'albums', 'films', 'genres', 'warehouses', 'suppliers', 'bestellungen', 'produits', 'pedidos', 'ordini', 'artikelen', 'produtos',
  'jobs', 'settings', 'config', 'transactions', 'line_items', 'InvoiceLine', 'tbl_orders', 'payments', 'bookings', 'tickets',
  'cust_hist', 'membership', 'sales', 'stock_moves', 'files', 'releases', 'tab2', 'data_2023',
];
const CRYPTIC = ['col_#', 'c#', 'field_#', 'attr#', 'f#', 'x#', 'data', 'value', 'val_#', 'column#', 'a', 'b#', 'misc', 'info', 'extra', 'raw', 'fld00#', 'txt#', 'var#', 'colonne_#'];
/** Meaningless table names (generated schemas, ETL staging, obfuscated exports). */
const CRYPTIC_TABLES = ['t#', 'tab#', 'table_#', 'tbl_#', 'data#', 'tmp_#', 'obj#', 'e#', 'rel_#', 'stage_#', 'import_#', 'x_#', 'entity#', 'ds#'];
/** Share of columns with a meaningless name, and of tables: the case where the model must read the values alone. */
const CRYPTIC_COLUMN_SHARE = 0.25;
const CRYPTIC_TABLE_SHARE = 0.15;
/** Share of columns whose values come from several locales (a customer table of an international shop). */
const MIXED_LOCALE_SHARE = 0.25;
const PREFIXES = ['cust_', 'usr_', 'c_', 'p_', 'tbl_', 'u_', 'emp_', 'contact_', 'primary_', 'main_', 'o_', 'd_'];
const SUFFIXES = ['_1', '_2', '_txt', '_val', '_str', '_nr', '_raw', '_old'];
const JUNK = ['N/A', 'null', '-', '?', 'unknown', 'test', '0', 'n.a.', 'TBD', 'xxx'];

/** Writes snake tokens in one of the casing styles found in real schemas. */
function styleName(base: string, r: Rng): string {
  let tokens = base.split('_').filter((t) => t !== '');
  if (r.chance(0.12)) tokens = [...PREFIXES[r.int(0, PREFIXES.length - 1)].split('_').filter(Boolean), ...tokens];
  if (r.chance(0.06)) tokens = [...tokens, ...SUFFIXES[r.int(0, SUFFIXES.length - 1)].split('_').filter(Boolean)];
  const cap = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);
  switch (r.int(0, 9)) {
    case 0: return tokens.map((t, i) => (i === 0 ? t : cap(t))).join('');
    case 1: case 2: return tokens.map(cap).join('');
    case 3: return tokens.join('_').toUpperCase();
    case 4: return tokens.join('');
    case 5: return tokens.join('').toUpperCase();
    default: return tokens.join('_');
  }
}

/** A meaningless name: from a list of common ones, or random letters and digits (`qx_7`, `B12`). */
function crypticName(list: readonly string[], r: Rng): string {
  if (r.chance(0.5)) return r.pick(list).replace('#', String(r.int(1, 40)));
  const letters = Array.from({ length: r.int(1, 4) }, () => String.fromCharCode(97 + r.int(0, 25))).join('');
  const name = `${letters}${r.chance(0.5) ? '_' : ''}${r.int(0, r.pick([9, 99, 999]))}`;
  return r.chance(0.2) ? name.toUpperCase() : name;
}

function columnName(kind: ColumnKind, r: Rng): string {
  if (r.chance(CRYPTIC_COLUMN_SHARE)) return crypticName(CRYPTIC, r);
  return styleName(r.pick(kind.names), r);
}


function tableName(family: TableFamily, r: Rng): string {
  if (r.chance(CRYPTIC_TABLE_SHARE)) return crypticName(CRYPTIC_TABLES, r);
  const table = family === 'person' ? r.pick(PERSON_TABLES) : family === 'ops' ? r.pick(OPS_TABLES) : r.pick(r.chance(0.5) ? PERSON_TABLES : OPS_TABLES);
  return r.chance(0.3) ? styleName(table, r) : table;
}

/**
 * The column's values: raw from the kind, then pooled, padded, re-cased and dirtied like real data. `f` gives the
 * faker of each value (one locale, or several).
 */
function columnValues(kind: ColumnKind, f: () => Faker, r: Rng, count: number, lookup: boolean): string[] {
  if (kind.primaryKey) {
    const start = r.int(1, 5000);
    const step = r.chance(0.8) ? 1 : r.int(2, 10);
    return Array.from({ length: count }, (_, i) => String(start + i * step));
  }
  const style = r.int(0, 999_999);
  if (lookup) return lookupValues(kind, f, r, style, count);
  // A few columns hold one or two values only (every employee in the same country).
  const poolSize = kind.smallPool ? r.int(1, 12) : r.chance(0.25) ? r.int(r.chance(0.15) ? 1 : 3, Math.max(3, count)) : 0;
  const pool = poolSize > 0 ? Array.from({ length: poolSize }, () => kind.value(f(), r, style)) : [];
  const junkRate = r.chance(0.3) ? r.next() * 0.08 : 0;
  // Optional text fields often hold '' rather than NULL.
  const blankRate = r.chance(0.1) ? r.next() * 0.9 : 0;
  const padded = r.chance(0.08);
  // Legacy systems often store text upper-cased (names, titles, cities alike).
  const recase = r.chance(0.14) ? (r.chance(0.7) ? 'upper' : 'lower') : undefined;
  const values: string[] = [];
  for (let i = 0; i < count; i++) {
    let v = pool.length > 0 ? pool[r.int(0, pool.length - 1)] : kind.value(f(), r, style);
    if (junkRate > 0 && r.chance(junkRate)) v = r.pick(JUNK);
    if (blankRate > 0 && r.chance(blankRate)) v = '';
    if (recase === 'upper') v = v.toUpperCase();
    else if (recase === 'lower') v = v.toLowerCase();
    if (padded) v = `${v}   `;
    values.push(v);
  }
  return values;
}

/**
 * A lookup table's column: every row a different value of the kind (film categories, languages,
 * regions), few rows, no junk. Capitalised words one per row look like names; the model must see
 * such tables as what they are.
 */
function lookupValues(kind: ColumnKind, f: () => Faker, r: Rng, style: number, count: number): string[] {
  const seen = new Set<string>();
  for (let attempt = 0; attempt < count * 4 && seen.size < count; attempt++) seen.add(kind.value(f(), r, style));
  return [...seen];
}

/** Share of non-personal columns of small-pool kinds generated as a lookup table. */
const LOOKUP_SHARE = 0.3;

const DIGITS_WHEN_INTEGER: ReadonlySet<string> = new Set(['user.contact.phone_number', 'user.contact.address.postal_code', 'user.financial.credit_card']);

const ALL_KINDS: readonly ColumnKind[] = [...PERSONAL_KINDS, ...OPERATION_KINDS];
const cumulative = (kinds: readonly ColumnKind[]) => {
  let sum = 0;
  return kinds.map((k) => (sum += k.weight ?? 1));
};
const PERSONAL_CUM = cumulative(PERSONAL_KINDS);
const OPS_CUM = cumulative(OPERATION_KINDS);

function pickKind(r: Rng): ColumnKind {
  const personal = r.chance(0.5);
  const kinds = personal ? PERSONAL_KINDS : OPERATION_KINDS;
  const cum = personal ? PERSONAL_CUM : OPS_CUM;
  const x = r.next() * cum[cum.length - 1];
  return kinds[cum.findIndex((c) => x < c)];
}

export interface GenerateOptions {
  readonly seed: number;
  readonly count: number;
}

/** `count` labelled columns from `seed`. */
export function generateColumns({ seed, count }: GenerateOptions): LabelledColumn[] {
  const r = new Rng(seed);
  const out: LabelledColumn[] = [];
  for (let i = 0; i < count; i++) {
    const kind = pickKind(r);
    const mixed = r.chance(MIXED_LOCALE_SHARE);
    const locale = mixed ? 'mixed' : r.pick(LOCALE_NAMES);
    const used = mixed ? LOCALE_NAMES : [locale];
    used.forEach((name, k) => {
      LOCALES[name].seed((seed * 1_000_003 + i + k * 7_919) >>> 0);
      // Relative dates (recent(), birthdate(), jwt()) count from this, not from the clock.
      LOCALES[name].setDefaultRefDate(REFERENCE_DATE);
    });
    // A mixed column leans on a few locales, as real customer bases do.
    const weights = used.map(() => (mixed ? r.next() ** 2 : 1));
    const total = weights.reduce((a, b) => a + b, 0);
    const fakerFor = (): Faker => {
      if (!mixed) return LOCALES[locale];
      let x = r.next() * total;
      for (let k = 0; k < used.length; k++) if ((x -= weights[k]) < 0) return LOCALES[used[k]];
      return LOCALES[used[used.length - 1]];
    };
    // 5% unsampled (name and type only), some small tables (3–12 rows), else 5–100 values with a share of nulls.
    const lookup = kind.label === 'system.operations' && Boolean(kind.smallPool) && r.chance(LOOKUP_SHARE);
    const sampled = lookup ? r.int(3, 40) : r.chance(0.05) ? 0 : r.chance(0.55) ? 100 : r.chance(0.1) ? r.int(3, 12) : r.int(5, 100);
    const nullCount = lookup || r.chance(0.5) ? 0 : Math.round(sampled * r.next() * 0.6);
    const type = r.pick(kind.types);
    let values = columnValues(kind, fakerFor, r, sampled - nullCount, lookup);
    // An integer column stores the digits only (a phone or postal code loses its separators and leading zeros).
    if (type === 'integer' && DIGITS_WHEN_INTEGER.has(kind.label)) values = values.map((v) => v.replace(/\D/g, '').replace(/^0+(?=\d)/, '') || '0');
    const name = columnName(kind, r);
    out.push({
      label: kind.label,
      kind: kind.id,
      locale,
      name,
      table: tableName(kind.tables, r),
      type,
      isPrimaryKey: Boolean(kind.primaryKey) && r.chance(0.9),
      isForeignKey: Boolean(kind.foreignKey) && r.chance(0.7),
      isArray: false,
      values,
      nullCount,
    });
  }
  return out;
}

export const KIND_COUNT = ALL_KINDS.length;
