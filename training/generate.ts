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

function columnName(kind: ColumnKind, r: Rng): string {
  if (r.chance(0.15)) return r.pick(CRYPTIC).replace('#', String(r.int(1, 40)));
  return styleName(r.pick(kind.names), r);
}

function tableName(family: TableFamily, r: Rng): string {
  const table = family === 'person' ? r.pick(PERSON_TABLES) : family === 'ops' ? r.pick(OPS_TABLES) : r.pick(r.chance(0.5) ? PERSON_TABLES : OPS_TABLES);
  return r.chance(0.3) ? styleName(table, r) : table;
}

/** The column's values: raw from the kind, then pooled, padded, re-cased and dirtied like real data. */
function columnValues(kind: ColumnKind, f: Faker, r: Rng, count: number): string[] {
  if (kind.primaryKey) {
    const start = r.int(1, 5000);
    const step = r.chance(0.8) ? 1 : r.int(2, 10);
    return Array.from({ length: count }, (_, i) => String(start + i * step));
  }
  const poolSize = kind.smallPool ? r.int(2, 12) : r.chance(0.25) ? r.int(3, Math.max(3, count)) : 0;
  const pool = poolSize > 0 ? Array.from({ length: poolSize }, () => kind.value(f, r)) : [];
  const junkRate = r.chance(0.3) ? r.next() * 0.08 : 0;
  const padded = r.chance(0.08);
  const recase = r.chance(0.06) ? (r.chance(0.5) ? 'upper' : 'lower') : undefined;
  const values: string[] = [];
  for (let i = 0; i < count; i++) {
    let v = pool.length > 0 ? pool[r.int(0, pool.length - 1)] : kind.value(f, r);
    if (junkRate > 0 && r.chance(junkRate)) v = r.pick(JUNK);
    if (recase === 'upper') v = v.toUpperCase();
    else if (recase === 'lower') v = v.toLowerCase();
    if (padded) v = `${v}   `;
    values.push(v);
  }
  return values;
}

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
    const locale = r.pick(LOCALE_NAMES);
    const f = LOCALES[locale];
    f.seed((seed * 1_000_003 + i) >>> 0);
    // Relative dates (recent(), birthdate(), jwt()) count from this, not from the clock.
    f.setDefaultRefDate(REFERENCE_DATE);
    // 5% unsampled (name and type only), else 5–100 values with a share of nulls.
    const sampled = r.chance(0.05) ? 0 : r.chance(0.6) ? 100 : r.int(5, 100);
    const nullCount = r.chance(0.5) ? 0 : Math.round(sampled * r.next() * 0.6);
    const values = columnValues(kind, f, r, sampled - nullCount);
    out.push({
      label: kind.label,
      kind: kind.id,
      locale,
      name: columnName(kind, r),
      table: tableName(kind.tables, r),
      type: r.pick(kind.types),
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
