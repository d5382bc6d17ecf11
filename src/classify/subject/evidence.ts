/**
 * The graph's evidence for one column (factor `subject`), from its table's graph context and the
 * column's role in the row (column-roles.ts). Rules:
 * - A reference to a person table → user.unique_id (declared 0.85; inferred weaker). This replaces the
 *   identifier rules' reading of declared foreign keys (identifier-rules.ts) where a graph exists.
 * - On a person's own row (its table holds people, or a person's attributes), a reference to a code
 *   table or an unresolved key (`gender_concept_id`, `country_id`, `fk_pays`) is a coded attribute of the
 *   person: the column's words without the key words are read by the name rules (`gender`, `country`).
 * - On a row that belongs to a person, a descriptive column the table's domain covers (a code, a date,
 *   a quantity, free text of a clinical row; a product reference of an order) takes the domain's
 *   category, with the path in the reason. So do references to code tables and other entities (which
 *   drug, which care site), unless the domain does not cover `lookup`.
 * - Not domain data: the row's own key, references to other records (another row of the person:
 *   `visit_occurrence_id`) or to the same table, unresolved keys, record keeping (`date_created`,
 *   `voided`, `uuid`, a bare `status`), and on a person's own row every column whose own words do not
 *   name a domain (`death_date` of a patient is clinical; `date_created` is not).
 * - Free text (`notes`, `comments`) on a person's own row or a row that belongs to one, where no
 *   domain covers it → user.content: people wrote it about people.
 * - A column empty in every sampled row (at least EMPTY_COLUMN_MIN_ROWS) takes no domain or free-text
 *   category from its row: it holds nothing about anyone yet; its name is read as before. A secret there (a key, a token, a
 *   salt) → user.authorization.credentials: it lets someone act as that person.
 * The combination policy gets the row's nature (personRows, notPerson; see combine.ts).
 */
import type { ColumnMetadata, TableMetadata } from '../../core/metadata.js';
import type { CombineContext, Evidence } from '../types.js';
import { CATEGORY } from '../categories.js';
import { isPersonalCategory, PERSONAL_DATA_ROOT } from '../../core/personal-data.js';
import { nameEvidence, NAME_RULES, type NameRule } from '../name/name-rules.js';
import { splitIdentifier } from '../name/tokenize.js';
import { tableSubject } from '../name/table-context.js';
import type { ColumnKind } from '../knowledge/domains/index.js';
import { columnRole, type ColumnRole } from './column-roles.js';
import { domainWords } from './domain.js';
import { KEY_WORDS } from './references.js';
import { WORKER_SUBJECTS } from '../knowledge/subjects.js';
import type { ColumnReference, TableDomain, TableGraphContext } from './types.js';

export const SUBJECT_SOURCE = 'subject-graph';
export const DOMAIN_SOURCE = 'subject-domain';
/** Weight of a coded attribute's name-rule reading against the same reading of a plain column name. */
const CODED_ATTRIBUTE_FACTOR = 0.85;
/** Score of a person reference per unit of edge strength (declared keys have strength 1). */
const PERSON_REFERENCE_SCORE = 0.85;
const FREE_TEXT_SCORE = 0.6;
/** The key of a person table identifies a person. */
const OWN_KEY_SCORE = 0.8;
/** Categories of secrets, which a reference to another row's key never holds. */
const SECRET_CATEGORIES = [CATEGORY.credentials, CATEGORY.password];
const FREE_TEXT_CATEGORY = 'user.content';
/** A secret on a person's row is that person's credential. */
const SECRET_SCORE = 0.6;

export interface SubjectEvidenceInput {
  readonly context: TableGraphContext;
  readonly table: TableMetadata;
  readonly column: ColumnMetadata;
  /** The column's name, tokenized in the table's languages. */
  readonly tokens: readonly string[];
  readonly languages: readonly string[];
  readonly nameRules?: readonly NameRule[];
  /** The table's own words (`order` of `orders`): `order_number` is the row's own identifier. */
  readonly ownWords?: readonly string[];
  /**
   * Whether the sampled values read as free text (sentences); undefined without values. Asked only
   * for a string column whose role its name and keys leave open (see `columnRole`).
   */
  readonly freeTextValues?: () => boolean | undefined;
  /** Rows were sampled and this column held nothing in any of them (see EMPTY_COLUMN_MIN_ROWS). */
  readonly emptyInSample?: boolean;
  /**
   * The table gave no values (empty, names only): the row's domain then reaches only the columns that
   * describe the person's row (see `namesOnlyRestraint`).
   */
  readonly namesOnly?: boolean;
}

/**
 * Sampled rows without a single value in a column: the column holds nothing about the people the
 * rows belong to (an unused slot, `memo07`, `custom_field_9`), so the row's domain gives it nothing.
 * Fewer rows say too little; an empty table (names only) is judged by names as before.
 */
export const EMPTY_COLUMN_MIN_ROWS = 20;

export interface SubjectFindings {
  readonly evidence: readonly Evidence[];
  readonly combine: CombineContext;
  /** The graph resolved the column as a reference: it speaks for it instead of the identifier rules. */
  readonly reference?: ColumnReference;
  readonly role: ColumnRole;
}

const ORIGIN_TEXT: Record<ColumnReference['origin'], string> = {
  declared: 'a declared foreign key',
  name: 'inferred from its name',
  values: 'inferred from its values',
};

function evidence(category: string, score: number, reason: string, source = SUBJECT_SOURCE): Evidence {
  return { factor: 'subject', category, score: Math.round(score * 100) / 100, source, reason };
}

/** Why the row is a person's own, or whose it is, for reasons. */
function rowOwner(ctx: TableGraphContext, tableName: string): string | undefined {
  if (ctx.person) return `table ${tableName} holds people`;
  if (ctx.attributeOf) return `rows of ${tableName} are a person's (${ctx.attributeOf.path})`;
  if (ctx.linked) return `rows of ${tableName} belong to a person: ${ctx.linked.path}`;
  return undefined;
}

function referenceEvidence(ref: ColumnReference, column: string): Evidence | undefined {
  if (ref.targetKind !== 'person') return undefined;
  const target = `${ref.targetName}.${ref.targetColumns.join(', ')}`;
  const who = ref.actor ? `who acted on the row: '${column}' ` : '';
  return evidence(CATEGORY.uniqueId, PERSON_REFERENCE_SCORE * ref.strength, `${who}references ${target}, a table of people (${ORIGIN_TEXT[ref.origin]}${ref.because ? `: ${ref.because}` : ''})`);
}

/** A coded attribute of a person's own row: the name rules read the column without its key words. */
function codedAttributeEvidence(input: SubjectEvidenceInput, ref: ColumnReference | undefined): Evidence[] {
  const stripped = input.tokens.filter((t) => !KEY_WORDS.has(t) && t !== 'concept' && !/^\d+$/.test(t));
  if (stripped.length === 0 || stripped.length === input.tokens.length) return [];
  const found = nameEvidence(
    { columnName: input.column.name, tokens: stripped, tableName: input.table.name, tableSubject: 'person', languages: input.languages },
    input.nameRules ?? NAME_RULES,
  ).filter((e) => !e.veto && e.score > 0 && isPersonalCategory(e.category) && e.category !== PERSONAL_DATA_ROOT && e.category !== CATEGORY.uniqueId);
  const what = ref ? `references ${ref.targetName}, a code table` : 'holds a code';
  return found.map((e) => ({
    ...evidence(e.category, e.score * CODED_ATTRIBUTE_FACTOR, `a coded attribute of the person: '${input.column.name}' ${what} for '${stripped.join(' ')}' (${e.reason})`),
    coded: true,
  }));
}

/**
 * Words of a column that say what kind of record it is or how it is stored (`visit_type_concept_id`,
 * `encoding_concept_id`, `note_event_field_concept_id`), not what happened to the person.
 */
const RECORD_KIND_WORDS = new Set([
  'type', 'kind', 'field', 'encoding', 'format', 'charset', 'mime', 'language', 'locale', 'currency', 'version', 'template', 'model',
  'pdf', 'doc', 'document', 'file', 'site', 'url', 'status', 'state', 'approved', 'authorized', 'authorised',
  // How a secret is made (`password_hash_algo`, `kdf_iterations`), not the secret.
  'algo', 'algorithm', 'iterations',
]);

/**
 * Words of the business's accounting on a person's rows (a clinic's billing of a visit: `bill_date`,
 * `invoice_refno`, `last_stmt_date`): the business's records of what it charged, as order amounts are,
 * not what the rows say about the person, unless the rows' domain is money matters itself.
 */
const ACCOUNTING_WORDS = new Set(['bill', 'billed', 'billing', 'invoice', 'invoiced', 'invoicing', 'statement', 'stmt', 'voucher', 'revenue', 'price', 'pricing', 'pricelevel']);
const MONEY_DOMAINS = new Set(['financial', 'purchase']);

/** The kind of domain data a column is, or undefined when it is not domain data (see the module rules). */
function domainKind(role: ColumnRole, words: readonly string[]): ColumnKind | undefined {
  if (words.some((w) => RECORD_KIND_WORDS.has(w))) return undefined;
  if (role.kind === 'descriptive') return role.as;
  if (role.kind === 'reference' && (role.reference.targetKind === 'lookup' || role.reference.targetKind === 'entity') && !role.reference.actor) return 'lookup';
  return undefined;
}

export function subjectEvidence(input: SubjectEvidenceInput): SubjectFindings {
  const { context: ctx, table, column } = input;
  const role = columnRole(table, column, input.tokens, ctx.references, input.ownWords ?? [], input.freeTextValues);
  const owner = rowOwner(ctx, table.name);
  const combine: CombineContext = {
    ...(owner ? { personRows: owner } : {}),
    ...(ctx.person || ctx.attributeOf || ctx.carriesPersonDetails ? { ownRow: true } : {}),
    ...(ctx.notPerson ? { notPerson: ctx.notPerson } : {}),
    ...recordKeeping(role, column, table, ctx),
  };
  const out: Evidence[] = [];
  // The key of a row named for a thing (an invoice that carries its buyer's details) is the thing's; the
  // key of a history or audit copy of a person's row numbers a version of it, not the person.
  if (role.kind === 'own-key' && ctx.person && table.primaryKey.length === 1 && tableSubject(table.name) !== 'thing' && !isVersionTable(table.name)) {
    out.push(evidence(CATEGORY.uniqueId, OWN_KEY_SCORE, `primary key of table ${table.name}, which holds people (${ctx.person.because})`));
  }
  const reference = role.kind === 'reference' ? role.reference : undefined;
  if (reference) {
    const e = referenceEvidence(reference, column.name);
    if (e) out.push(e);
    // Another row's key: however random its values look, they identify that row, they are no secret.
    const because = `'${column.name}' references ${reference.targetName}: its values are that table's keys, not secrets`;
    for (const category of SECRET_CATEGORIES) out.push({ ...evidence(category, 0, because), veto: true });
  }
  const ownRow = Boolean(ctx.person || ctx.attributeOf);
  // Codes only: a reference to a table of things (an address row) is that row's key, its data is there.
  if ((ownRow || ctx.carriesPersonDetails) && (role.kind === 'structural' || reference?.targetKind === 'lookup')) {
    out.push(...codedAttributeEvidence(input, reference));
  }
  const words = [...input.tokens, ...splitIdentifier(column.name)];
  const kind = domainKind(role, words);
  // What a person's rows are about reaches only columns that hold something (see EMPTY_COLUMN_MIN_ROWS).
  if (kind && owner && !input.emptyInSample) {
    const domain = ownRow ? columnDomain(input) : ctx.domain;
    const namesEntry = !ownRow && domain?.entryKeyWords?.some((w) => words.includes(w));
    const restraint = !ownRow && input.namesOnly ? namesOnlyRestraint(input, role, kind) : undefined;
    if (namesEntry || restraint) {
      // The application's name for an entry of the person's rows (a setting's key), or (names only)
      // a column that files, schedules or defines the row rather than describes the person's: not their data.
    } else if (domain && !MONEY_DOMAINS.has(domain.key) && words.some((w) => ACCOUNTING_WORDS.has(w))) {
      // The business's accounting (see ACCOUNTING_WORDS): left to the other evidence.
    } else if (domain && (!ownRow && input.namesOnly ? (domain.namesOnlyCovers ?? domain.covers) : domain.covers).includes(kind)) {
      const category = specificCategory(domain, words, input.ownWords ?? []);
      out.push(evidence(category, domain.score, `${domain.label} data: ${owner}; ${domain.because}`, DOMAIN_SOURCE));
    } else if (kind === 'text') {
      out.push(evidence(FREE_TEXT_CATEGORY, FREE_TEXT_SCORE, `free text in rows about people: ${owner}`, DOMAIN_SOURCE));
    } else if (kind === 'secret') {
      out.push(evidence(CATEGORY.credentials, SECRET_SCORE, `a secret (a key, token, hash or salt) in rows about people: ${owner}`, DOMAIN_SOURCE));
    }
  }
  return { evidence: out, combine, ...(reference ? { reference } : {}), role };
}

/**
 * Why, from names alone, a column of a row that belongs to a person takes no domain, or undefined.
 * Evidence from names is weaker than evidence values confirm, so the row's domain reaches only columns
 * that describe the person's row; not those that file, schedule or define it, nor rows that are a
 * worker's work in a domain about other people (a teacher's gradebook assignments are no education
 * record of the teacher; a clinician's orders no health data of the clinician):
 * - a reference to another thing (a school, a course, a fund) whose table's name names no domain:
 *   which of the organisation's things the row is filed under (a reference to a code table, or to a
 *   table a domain's own word names — a grade, a diagnosis — still describes the row);
 * - a reference or a whole number whose name recurs across many tables of the database (a school
 *   year, a tenant, a marking period): a dimension the application files every row by;
 * - a term the row copies from a definition it references (a loan's interest method from its loan
 *   product): the product's, the same for everyone who has it.
 * Dates are left to the domain entry's `namesOnlyCovers` (a loan's dates are its schedule; a clinical
 * row's dates are when something happened to the patient).
 */
function namesOnlyRestraint(input: SubjectEvidenceInput, role: ColumnRole, kind: ColumnKind): string | undefined {
  const { context: ctx, column } = input;
  const worker = ctx.linked && WORKER_SUBJECTS.has(ctx.linked.subject) ? ctx.linked.subject : undefined;
  if (worker && ctx.domain?.subjects && !ctx.domain.subjects.includes(worker)) return `the rows are a ${worker}'s work, not ${ctx.domain.label} data about them`;
  if (role.kind === 'reference' && role.reference.targetKind === 'entity' && !role.reference.targetDomain) {
    return `references ${role.reference.targetName}, one of the organisation's things`;
  }
  const dimension = kind === 'lookup' || (kind === 'quantity' && (column.normalizedType === 'integer' || /\(\s*\d+\s*,\s*0\s*\)/.test(column.rawType)));
  if (dimension && ctx.recurringColumns?.includes(column.name)) return `'${column.name}' recurs across the database's tables: a dimension rows are filed by`;
  const term = ctx.copiedTerms?.find((t) => t.column === column.name);
  return term ? `a term copied from ${term.definition}` : undefined;
}

/** The record-keeping context of a column (combine.ts step 4): a row's own key, a bookkeeping column. */
function recordKeeping(role: ColumnRole, column: ColumnMetadata, table: TableMetadata, ctx: TableGraphContext): Pick<CombineContext, 'recordKeeping'> {
  if (role.kind === 'bookkeeping') return { recordKeeping: { because: `'${column.name}' keeps the record ('${role.word}')`, strict: false } };
  if (role.kind !== 'own-key' || ctx.person) return {};
  const surrogate = column.isPrimaryKey && table.primaryKey.length === 1 && (column.normalizedType === 'integer' || column.normalizedType === 'uuid');
  return { recordKeeping: { because: surrogate ? `'${column.name}' is the key of a row of ${table.name}` : `'${column.name}' identifies a row of ${table.name}`, strict: surrogate } };
}

/** Words of a table name that make its rows versions or an audit trail of another table's rows (`account_history`). */
const VERSION_TABLE_WORDS = new Set(['history', 'hist', 'audit', 'archive', 'snapshot', 'revision', 'versions', 'changelog']);
const isVersionTable = (name: string) => splitIdentifier(name).some((w) => VERSION_TABLE_WORDS.has(w));

/** The domain's narrower category the column's words, else the table's, name; else the domain's. */
function specificCategory(domain: Omit<TableDomain, 'key'>, columnWords: readonly string[], tableWords: readonly string[]): string {
  for (const words of [columnWords, tableWords]) {
    const found = domain.specific?.find((s) => s.words.some((w) => words.includes(w)));
    if (found) return found.category;
  }
  return domain.category;
}

/** A domain the column's own words name (on a person's own row: `death_date`, `allergy_status`). */
function columnDomain(input: SubjectEvidenceInput): TableDomain | undefined {
  const found = domainWords([...input.tokens, ...splitIdentifier(input.column.name)]).strong[0];
  if (!found) return undefined;
  const { key, label, category, score, covers, ownRowCovers, specific } = found.domain;
  return { key, label, category, score, covers: ownRowCovers ?? covers, ...(specific ? { specific } : {}), because: `'${found.word}' in the column's name says ${label} data` };
}
