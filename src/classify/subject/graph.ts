/**
 * The subject graph of one database: which tables hold people (person-tables.ts), how tables reference
 * each other (references.ts: declared keys, names, values), which tables' rows belong to a person and
 * through which path, which tables are a person's attributes, which certainly hold no people, and the
 * domain of each table's rows (domain.ts). Pure: built from metadata, fed with each finished table's
 * facts (facts.ts), asked for one table's context at a time (what its columns' classification needs).
 *
 * Rules:
 * - A row belongs to a person when a reference of its table leads to a person table, directly or
 *   through tables whose rows belong to one, at most MAX_HOPS references away, each hop weaker
 *   (HOP_DECAY). References that name who acted on a row (`created_by`, `creator`) do not count: every
 *   row of some applications has a creator. Of several persons, a patient or customer is preferred
 *   to a worker (the doctor who ordered a drug is not whose drug it is), then the strongest path.
 * - A person table that references another table many-to-one makes that table its attribute table
 *   (`person.location_id → location`: the location rows are people's addresses), unless the target is
 *   a code table (`gender_concept_id → concept`).
 * - A code table (lookup): its name says a type, status, country, concept, ...; or many tables
 *   reference it and it has few columns, none of them contact details.
 * - References in a table's context say what is at the other end: a person, another person's record
 *   (`linked`), a code table, any other entity, or the same table.
 */
import type { TableMetadata } from '../../core/metadata.js';
import type { DomainEntry } from '../knowledge/domains/index.js';
import { GENERIC_PLACE_WORDS } from '../knowledge/non-person-tables.js';
import { WORKER_SUBJECTS } from '../knowledge/subjects.js';
import { tableId } from '../../core/metadata.js';
import { domainWords, DomainProfile, isAdministrativeWord, namedDomain, subjectDomain, SHARED_WORD_FACTOR, SUBJECT_DOMAIN_FACTOR, type DomainWords } from './domain.js';
import { judgeNotPerson, judgePerson, PERSON_THRESHOLD, switchboard, tableShape, type TableShape } from './person-tables.js';
import { declaredReferences, headWordIndex, isActorColumn, KEY_WORDS, keyNameIndex, meaningless, nameReference, namedAsKey, namesOtherThing, namesPerson, referenceKey, valuesEdge, valuesReference, type NameReferenceContext } from './references.js';
import { commonPrefixes, tableName, TableNameIndex, type TableName } from './table-words.js';
import { splitIdentifier } from '../name/tokenize.js';
import type { ColumnMetadata } from '../../core/metadata.js';
import type { ColumnReference, KeySketch, PersonJudgement, ReferenceEdge, TableDomain, TableFacts, TableGraphContext, TableId, TableSubjectSummary, VisibleTables } from './types.js';
import { SketchIndex } from './sketch-index.js';
import { components } from '../../util/components.js';

export const MAX_HOPS = 3;
export const HOP_DECAY = 0.85;
/** A table many tables reference, with at most this many columns and no contact details, is a code table. */
const LOOKUP_MIN_REFERRERS = 3;
const LOOKUP_MAX_COLUMNS = 6;
const LOOKUP_SMALL_COLUMNS = 4;
/** A person's row that has this many columns of person details carries the person's details. */
const PERSON_DETAILS = 2;
/** Person words of a role in something (a project's members, an issue's watchers): such rows are a person's. */
const ROLE_WORDS = new Set(['member', 'participant', 'attendee', 'watcher', 'follower', 'subscriber', 'assignee', 'collaborator']);
/** A reference this strong to a person table makes a table without a person name that person's rows. */
const OWNER_EDGE_STRENGTH = 0.9;
/** Words of a count, a time or a place in an order: such integers are no alternate key (`created_unix`, `sort_order`). */
const NOT_A_KEY_WORDS = new Set(['created', 'updated', 'modified', 'deleted', 'unix', 'time', 'date', 'timestamp', 'at', 'count', 'total', 'version', 'sort', 'order', 'position', 'size', 'year', 'age']);
/** An alternate key's name ends as an identifier's does (`pid`, `patient_no`, `memberNr`). */
const IDENTIFIER_ENDING = /(?:id|no|nr|num|key|ref|code)$/i;
const NOBODY: PersonJudgement = { score: 0, isPerson: false, reasons: [] };
const NO_EDGES: readonly ReferenceEdge[] = Object.freeze([]);
/** A context that sees more tables than this finds value references through the sketch index rather than among what it sees. */
const INDEX_FROM_VISIBLE = 256;
/** A word leading this share of the table names (and at least MODULE_MIN_TABLES) names a module of the application. */
const MODULE_SHARE = 0.1;
const MODULE_MIN_TABLES = 5;
/**
 * Person words that also name what a person holds (a savings account, a social profile): a table so
 * named that references a person table as its owner, and names no sign-in (a login account's user name
 * and password make it a person's identity), is that person's record, not a second kind of person.
 */
const HELD_PERSON_WORDS = new Set(['account', 'profile', 'login']);
/**
 * A column name in this share of a database's tables (and in at least RECURRING_MIN_TABLES) is one of
 * the dimensions the application files its rows by (a school year, a tenant, a branch).
 */
const RECURRING_SHARE = 0.1;
const RECURRING_MIN_TABLES = 5;
/**
 * A column name shared with a referenced table counts as a copied term from this many words (`name`,
 * `status` are everyone's), and only when the row shares at least DEFINITION_MIN_TERMS such names with
 * that table: a definition the row copies (a product's terms), not two things that happen to have an
 * `account_no` each.
 */
const TERM_MIN_WORDS = 2;
const DEFINITION_MIN_TERMS = 3;
/** Last words of a name that identifies its own row (`account_no`, `short_name`): each row has its own. */
const OWN_IDENTIFIER_WORDS = new Set(['no', 'nr', 'num', 'number', 'code', 'id', 'key', 'ref', 'uuid', 'name']);

interface Node {
  readonly table: TableMetadata;
  readonly name: TableName;
  readonly shape: TableShape;
  readonly words: DomainWords;
  /** Declared and name-inferred references out of the table. */
  readonly out: ReferenceEdge[];
}

interface Link {
  readonly person: TableId;
  readonly subject: string;
  /** The person table's name says the subject (only then do its rows take the subject's domain). */
  readonly subjectNamed: boolean;
  readonly hops: number;
  readonly path: string;
  readonly via: readonly string[];
  readonly strength: number;
}

/** What a sample gives the graph for value-inferred references: distinct values per column. */
export type DistinctValues = (column: string) => readonly string[] | undefined;

export class SubjectGraph {
  readonly #nodes = new Map<TableId, Node>();
  readonly #in = new Map<TableId, ReferenceEdge[]>();
  readonly #facts = new Map<TableId, TableFacts>();
  /** Key sketches of person tables, by table id (few: only person tables have one). */
  readonly #sketches = new Map<TableId, KeySketch>();
  readonly #sketchIndex = new SketchIndex();
  /** Alternate-key sketches of person tables (see TableFacts.alternateSketches), by table id. */
  readonly #alternateSketches = new Map<TableId, readonly KeySketch[]>();
  /** The same, by the lowercased column name of the sketch, then by table. */
  readonly #alternatesByName = new Map<string, Map<TableId, KeySketch[]>>();
  /**
   * Tables whose person judgement can depend on the order of judgements in a context (see #ownerCycles),
   * with a key sketch or alternate sketches, in the order they first got one.
   */
  readonly #cyclicSketchHolders: TableId[] = [];
  readonly #cyclicAlternateHolders: TableId[] = [];
  #cyclic: ReadonlySet<TableId> | undefined;
  /** How many tables have a column of each (lowercased) name. */
  readonly #columnNameCounts = new Map<string, number>();
  #alternateKeyNames: ReadonlyMap<string, ReadonlySet<TableId>> | undefined;
  readonly #valueEdges = new Map<TableId, readonly ReferenceEdge[]>();
  readonly #persons = new Map<TableId, PersonJudgement>();
  readonly #personsByName = new Map<TableId, PersonJudgement>();
  /**
   * judgePerson's answer per table for the facts it was given, kept across contexts (which forget the
   * judgements above, as what a context may see differs): it depends on the table and those facts
   * only, and many contexts ask it of the same person table (those referencing it, those comparing its sketch).
   */
  readonly #shapeJudgements = new Map<TableId, { readonly facts: TableFacts; readonly judgement: PersonJudgement }>();
  readonly #profile: DomainProfile;
  /** Tables whose facts the current context may use (see order.ts), besides its own table (#self); undefined: all. */
  #visible: VisibleTables | undefined;
  #self: TableId | undefined;
  readonly #judging = new Set<TableId>();
  /** Every word of every table's name (for columns whose names name another thing). */
  readonly #tableWords: ReadonlySet<string>;
  /** Column names (lowercase) that recur in many tables (see RECURRING_SHARE). */
  readonly #recurring: ReadonlySet<string>;

  /** `tables`: every table of the database that was introspected, also those not scanned (metadata only). */
  constructor(tables: readonly TableMetadata[]) {
    const prefixes = commonPrefixes(tables.map((t) => t.name));
    const names = new Map<TableId, TableName>();
    const byId = new Map<TableId, TableMetadata>();
    for (const t of tables) {
      const id = tableId(t);
      byId.set(id, t);
      names.set(id, tableName(id, t.schema, t.name, prefixes));
    }
    const ctx: NameReferenceContext = {
      index: new TableNameIndex(names.values()),
      names,
      tables: byId,
      keyNames: keyNameIndex(byId.values()),
      heads: headWordIndex(names.values()),
    };
    const modules = moduleWords([...names.values()]);
    this.#tableWords = new Set([...names.values()].flatMap((n) => [...n.core, ...n.raw]));
    for (const t of tables) {
      for (const name of new Set(t.columns.map((c) => c.name.toLowerCase()))) this.#columnNameCounts.set(name, (this.#columnNameCounts.get(name) ?? 0) + 1);
    }
    for (const [id, table] of byId) {
      const name = names.get(id)!;
      const out = declaredReferences(table).filter((e) => e.to !== id || e.columns.length > 0);
      const declared = new Set(table.foreignKeys.flatMap((fk) => fk.columns));
      for (const column of table.columns) {
        if (declared.has(column.name)) continue;
        const edge = nameReference(table, column, ctx);
        if (edge) out.push(edge);
      }
      this.#nodes.set(id, { table, name, shape: tableShape(table, name.core, name.raw, modules), words: domainWords([...name.core, ...name.raw]), out });
      for (const e of out) {
        const list = this.#in.get(e.to) ?? [];
        list.push(e);
        this.#in.set(e.to, list);
      }
    }
    this.#profile = new DomainProfile([...this.#nodes.values()].map((n) => n.words));
    const needed = Math.max(RECURRING_MIN_TABLES, Math.ceil(tables.length * RECURRING_SHARE));
    this.#recurring = new Set([...this.#columnNameCounts].filter(([, n]) => n >= needed).map(([name]) => name));
  }

  get profile(): DomainProfile {
    return this.#profile;
  }

  has(id: TableId): boolean {
    return this.#nodes.has(id);
  }

  /** Tables this one references by declared keys or names (not itself): they are classified first. */
  dependencies(id: TableId): TableId[] {
    const node = this.#nodes.get(id);
    if (!node) return [];
    return [...new Set(node.out.map((e) => e.to).filter((to) => to !== id && this.#nodes.has(to)))].sort();
  }

  /**
   * True when the table has columns that may reference another table without a declared key or a
   * name that says which: its value-inferred references need the person tables finished before it.
   */
  hasUnresolvedKeyColumns(id: TableId): boolean {
    const node = this.#nodes.get(id);
    if (!node) return false;
    const resolved = new Set(node.out.flatMap((e) => e.columns));
    const alternate = this.#alternateKeyNamesOfPersons();
    // Another person table's alternate key (not the table's own column of that name).
    const ownKey = referenceKey(node.table)?.name;
    const othersAlternate = (c: { name: string }) => c.name !== ownKey && [...(alternate.get(c.name.toLowerCase()) ?? [])].some((owner) => owner !== id);
    return node.table.columns.some(
      (c) =>
        !resolved.has(c.name) &&
        !(c.isPrimaryKey && node.table.primaryKey.length === 1) &&
        (namedAsKey(c) || namesPerson(c) || meaningless(c) || othersAlternate(c)),
    );
  }

  /**
   * Columns of a table that may be an alternate key other tables reference by the same name (OpenEMR's
   * `patient_data.pid` beside its key `id`, referenced as `pid` everywhere): integer columns, not the
   * key, not who acted on the row, whose name recurs in another table. Whether they are keys is for
   * the values to say (facts.ts keeps a sketch only of distinct values, and only for a person table).
   */
  alternateKeyColumns(id: TableId): string[] {
    const node = this.#nodes.get(id);
    if (!node) return [];
    const key = referenceKey(node.table)?.name;
    return node.table.columns
      .filter(
        (c) =>
          c.name !== key &&
          c.normalizedType === 'integer' &&
          !isActorColumn(c.name) &&
          !splitIdentifier(c.name).some((w) => NOT_A_KEY_WORDS.has(w)) &&
          // Named as an identifier (`pid`, `emp_no`), but not a bare key word (`id`, `uid`: every table's own key).
          IDENTIFIER_ENDING.test(c.name) &&
          !splitIdentifier(c.name).every((w) => KEY_WORDS.has(w)) &&
          (this.#columnNameCounts.get(c.name.toLowerCase()) ?? 0) >= 2,
      )
      .map((c) => c.name);
  }

  /** Names of alternate-key candidates of tables whose names or columns say people, by table (for the order). */
  #alternateKeyNamesOfPersons(): ReadonlyMap<string, ReadonlySet<TableId>> {
    if (!this.#alternateKeyNames) {
      const names = new Map<string, Set<TableId>>();
      for (const id of this.#nodes.keys()) {
        if (!this.person(id).isPerson) continue;
        for (const n of this.alternateKeyColumns(id)) names.set(n.toLowerCase(), (names.get(n.toLowerCase()) ?? new Set()).add(id));
      }
      this.#alternateKeyNames = names;
    }
    return this.#alternateKeyNames;
  }

  /** Records what a finished table's classification and sample said. */
  addFacts(id: TableId, facts: TableFacts): void {
    this.#facts.set(id, facts);
    this.#persons.delete(id);
    if (facts.keySketch) {
      if (!this.#sketches.has(id) && this.#ownerCycles().has(id)) this.#cyclicSketchHolders.push(id);
      this.#sketches.set(id, facts.keySketch);
      this.#sketchIndex.set(id, facts.keySketch);
    }
    if (facts.alternateSketches) {
      if (!this.#alternateSketches.has(id) && this.#ownerCycles().has(id)) this.#cyclicAlternateHolders.push(id);
      for (const byTable of this.#alternatesByName.values()) byTable.delete(id);
      this.#alternateSketches.set(id, facts.alternateSketches);
      for (const sketch of facts.alternateSketches) {
        const name = sketch.column.toLowerCase();
        const byTable = this.#alternatesByName.get(name) ?? new Map<TableId, KeySketch[]>();
        this.#alternatesByName.set(name, byTable);
        byTable.set(id, [...(byTable.get(id) ?? []), sketch]);
      }
    }
  }

  /**
   * Tables whose person judgement (person()) may reach a cycle of owner references (a person table that
   * belongs to another person table, see person()): there the answer depends on which table of the cycle
   * a context judged first. Every other table's judgement depends only on what the context sees, so it
   * may be asked lazily, in any order (#inferFromValues does, for the sketches it compares).
   */
  #ownerCycles(): ReadonlySet<TableId> {
    if (this.#cyclic) return this.#cyclic;
    const ids = [...this.#nodes.keys()];
    const at = new Map(ids.map((id, i) => [id, i]));
    const edges = ids.map((id) =>
      this.#nodes.get(id)!.out.filter((e) => !e.actor && e.to !== id && e.strength >= OWNER_EDGE_STRENGTH && at.has(e.to)).map((e) => at.get(e.to)!),
    );
    const cyclic = new Set<TableId>();
    // Components come after those they reach, so a component reaching a cycle is seen after it.
    for (const members of components(ids.length, edges)) {
      if (members.length > 1 || members.some((m) => edges[m].some((to) => cyclic.has(ids[to])))) for (const m of members) cyclic.add(ids[m]);
    }
    return (this.#cyclic = cyclic);
  }

  #forgetJudgements(): void {
    this.#persons.clear();
    this.#personsByName.clear();
  }

  facts(id: TableId): TableFacts | undefined {
    return this.#facts.get(id);
  }

  /** Whether a table would hold people with these facts (for whether its key sketch is worth keeping). */
  wouldHoldPeople(id: TableId, facts: TableFacts): boolean {
    const node = this.#nodes.get(id);
    return node !== undefined && judgePerson(node.table.name, node.shape, facts, this.#profile.defaultSubject()).isPerson;
  }

  /** The facts of a table, if the current context may use them. */
  #visibleFacts(id: TableId): TableFacts | undefined {
    return this.#sees(id) ? this.#facts.get(id) : undefined;
  }

  /**
   * Whether a table holds people, from what the current context may see of it. A table whose name does
   * not say people and that references a person table (not as who acted on it) holds that person's
   * rows (`person_name`, `customer_address`), not people of its own.
   */
  person(id: TableId): PersonJudgement {
    const facts = this.#visibleFacts(id);
    const memo = facts ? this.#persons : this.#personsByName;
    let judged = memo.get(id);
    if (judged) return judged;
    const node = this.#nodes.get(id);
    if (!node || this.#judging.has(id)) return NOBODY;
    this.#judging.add(id);
    try {
      judged = this.#judgePerson(id, node, facts);
      if (judged.isPerson) {
        // Without a person name, with a key made of references (a join table: `send_customer`; a
        // one-to-one extension keyed by the person's key: `user_profiles.user_id`), as a membership
        // (`members`, `watchers`), or named as its target (`list_accounts` → `accounts`).
        const head = node.shape.headPerson;
        const partOf = (e: ReferenceEdge) =>
          !head ||
          (HELD_PERSON_WORDS.has(head) && node.shape.loginColumns.length === 0) ||
          e.columns.every((c) => node.table.primaryKey.includes(c)) ||
          ROLE_WORDS.has(head) ||
          this.#nodes.get(e.to)?.shape.headPerson === head;
        const owner = node.out.find(
          (e) => !e.actor && e.to !== id && e.strength >= OWNER_EDGE_STRENGTH && partOf(e) && this.#nodes.has(e.to) && this.person(e.to).isPerson,
        );
        if (owner) judged = { score: Math.min(judged.score, PERSON_THRESHOLD - 0.01), isPerson: false, reasons: [] };
      }
    } finally {
      this.#judging.delete(id);
    }
    memo.set(id, judged);
    return judged;
  }

  #judgePerson(id: TableId, node: Node, facts: TableFacts | undefined): PersonJudgement {
    // By name alone: not kept across contexts (every table's own context asks it once, and kept it was
    // a judgement per table until the scan ended).
    if (!facts) return judgePerson(node.table.name, node.shape, undefined, this.#profile.defaultSubject());
    const known = this.#shapeJudgements.get(id);
    if (known?.facts === facts) return known.judgement;
    const judgement = judgePerson(node.table.name, node.shape, facts, this.#profile.defaultSubject());
    this.#shapeJudgements.set(id, { facts, judgement });
    return judgement;
  }

  /** A table's references; those inferred from its values only once its context may see them (see #visibleFacts). */
  #edgesOut(id: TableId): readonly ReferenceEdge[] {
    const node = this.#nodes.get(id);
    const values = this.#seesValueEdgesOf(id) ? this.#valueEdges.get(id) : undefined;
    return values ? [...(node?.out ?? []), ...values] : (node?.out ?? []);
  }

  /** References into a table, with the same rule for references inferred from values. */
  #edgesIn(id: TableId): readonly ReferenceEdge[] {
    const list = this.#in.get(id) ?? [];
    return list.some((e) => e.origin === 'values' && !this.#seesValueEdgesOf(e.from)) ? list.filter((e) => e.origin !== 'values' || this.#seesValueEdgesOf(e.from)) : list;
  }

  /**
   * Value-inferred references are found when their table's context is built, which in a concurrent scan
   * may be before or after another table's context: a context uses only those of tables it may see, so
   * that it is the same whatever the timing.
   */
  #seesValueEdgesOf(id: TableId): boolean {
    return this.#sees(id);
  }

  #sees(id: TableId): boolean {
    return this.#visible === undefined || id === this.#self || this.#visible.has(id);
  }

  #isLookup(id: TableId): boolean {
    const node = this.#nodes.get(id);
    if (!node || this.person(id).isPerson) return false;
    if (node.shape.vocabulary) return true;
    const referrers = new Set(this.#edgesIn(id).filter((e) => !e.actor).map((e) => e.from));
    const contact = node.shape.contactColumns.length + (this.#visibleFacts(id)?.contactColumns.length ?? 0);
    if (contact > 0 || referrers.size === 0) return false;
    // A code table points at nothing but who edited it.
    if (this.#edgesOut(id).some((e) => !e.actor && e.to !== id)) return Boolean(node.shape.vocabulary);
    // A small table others point at (`id, name, rank`), or a wider one many point at.
    return node.table.columns.length <= LOOKUP_SMALL_COLUMNS || (referrers.size >= LOOKUP_MIN_REFERRERS && node.table.columns.length <= LOOKUP_MAX_COLUMNS);
  }

  /** The person a table's rows belong to, by the best path (see the module rules), or undefined. */
  #link(id: TableId, depth: number, visiting: Set<TableId>): Link | undefined {
    if (depth > MAX_HOPS || visiting.has(id)) return undefined;
    visiting.add(id);
    let best: Link | undefined;
    const tableName = this.#nodes.get(id)?.table.name ?? id;
    for (const edge of this.#edgesOut(id)) {
      // Who acted on a row, and which code a row has, say nothing about whose row it is.
      if (edge.actor || edge.to === id || !this.#nodes.has(edge.to) || this.#isLookup(edge.to)) continue;
      const target = this.#nodes.get(edge.to)!.table.name;
      const step = `${tableName}.${edge.columns.join(', ')} → ${target}.${edge.toColumns.join(', ')}`;
      let found: Link | undefined;
      const person = this.person(edge.to);
      if (person.isPerson) {
        found = {
          person: edge.to,
          subject: person.subject!,
          subjectNamed: Boolean(person.subjectNamed),
          hops: 1,
          path: step,
          via: edge.columns,
          strength: edge.strength,
        };
      } else if (edge.strength >= OWNER_EDGE_STRENGTH) {
        // Through another table only along a reference that names it whole (`order_id` → `orders`, not
        // `default_issue_query_id` → `queries`): a setting that points at a row is no ownership.
        const further = this.#link(edge.to, depth + 1, visiting);
        if (further) {
          found = { ...further, hops: further.hops + 1, path: `${step}; ${further.path}`, via: edge.columns, strength: Math.min(edge.strength, further.strength) * HOP_DECAY };
        }
      }
      if (found && (!best || better(found, best))) best = found;
    }
    visiting.delete(id);
    return best;
  }

  /** How many columns of a table hold a person's details (only people's, or contact details). */
  #personDetails(id: TableId): number {
    const node = this.#nodes.get(id)!;
    const facts = this.#visibleFacts(id);
    return new Set([...node.shape.personOnlyColumns, ...node.shape.contactColumns, ...(facts?.personOnlyColumns ?? []), ...(facts?.contactColumns ?? [])]).size;
  }

  #attributeOf(id: TableId): TableGraphContext['attributeOf'] {
    if (this.person(id).isPerson || this.#isLookup(id)) return undefined;
    // What a person's row points at is theirs when it holds contact details (an address); a job or a
    // status it points at is a code.
    const node = this.#nodes.get(id)!;
    if (node.shape.contactColumns.length + (this.#visibleFacts(id)?.contactColumns.length ?? 0) === 0) return undefined;
    // Settings a person's row points at (`users.auth_source_id` → an LDAP source) are the application's;
    // so is a facility (the warehouse or clinic a person works at or is seen in): its address is its own.
    if (node.shape.settings || node.shape.vocabulary) return undefined;
    if (switchboard(node.shape, node.shape.personOnlyColumns.length, this.#visibleFacts(id)?.rowsSampled)) return undefined;
    if (node.shape.place && !GENERIC_PLACE_WORDS.has(node.shape.place)) return undefined;
    for (const edge of this.#edgesIn(id)) {
      if (edge.actor || edge.from === id) continue;
      const from = this.#nodes.get(edge.from);
      // Many-to-one from the person's row; a reference in a join table's key is no attribute.
      if (!from || edge.strength < OWNER_EDGE_STRENGTH || edge.columns.some((c) => from.table.primaryKey.includes(c))) continue;
      const person = this.person(edge.from);
      if (!person.isPerson) continue;
      const to = this.#nodes.get(id)!.table.name;
      return { person: edge.from, subject: person.subject!, path: `${from.table.name}.${edge.columns.join(', ')} → ${to}.${edge.toColumns.join(', ')}` };
    }
    return undefined;
  }

  #targetKind(edge: ReferenceEdge): ColumnReference['targetKind'] {
    if (edge.to === edge.from) return 'self';
    // A table named for a thing (an invoice that carries its buyer's details) is referenced as that
    // thing: its rows belong to a person, its key identifies the document.
    if (this.person(edge.to).isPerson) return this.#nodes.get(edge.to)?.shape.thingHead ? 'linked' : 'person';
    if (this.#isLookup(edge.to)) return 'lookup';
    if (this.#link(edge.to, 1, new Set())) return 'linked';
    return 'entity';
  }

  #domain(node: Node, link: Link | undefined): TableDomain | undefined {
    const named = namedDomain(node.words, this.#profile);
    const hops = link?.hops ?? 1;
    const decay = HOP_DECAY ** Math.max(0, hops - 1);
    // A table named for the domain's administration (an enrolment) holds no one's record of it.
    if (named && isAdministrativeWord(named.domain, named.word)) return undefined;
    if (named) {
      const score = named.domain.score * decay * (named.shared ? SHARED_WORD_FACTOR : 1);
      return { ...entryFields(named.domain), score: round2(score), because: `'${named.word}' in its name says ${named.domain.label} rows` };
    }
    const bySubject = link?.subjectNamed ? subjectDomain(link.subject, this.#profile, [...node.name.core, ...node.name.raw]) : undefined;
    if (!bySubject) return undefined;
    return { ...entryFields(bySubject), score: round2(bySubject.score * decay * SUBJECT_DOMAIN_FACTOR), because: `rows of a ${link!.subject} in a ${bySubject.label} database` };
  }

  /**
   * The context one table's classification needs. `distinct` gives the table's sampled distinct values
   * per column, for references inferred from values (into finished person tables with a key sketch);
   * those references are kept for the tables that reference this one.
   */
  contextFor(table: TableMetadata, distinct?: DistinctValues, visible?: VisibleTables, rowsSampled?: number): TableGraphContext {
    // Not copied with the own table added: a table that waits for every table before it sees a set of
    // tens of thousands in a large estate.
    this.#visible = visible;
    this.#self = tableId(table);
    // Judgements depend on what the context may see (a person table's facts, the tables it points at).
    this.#forgetJudgements();
    try {
      return this.#contextFor(table, distinct, rowsSampled);
    } finally {
      this.#visible = undefined;
      this.#self = undefined;
      this.#forgetJudgements();
    }
  }

  #contextFor(table: TableMetadata, distinct: DistinctValues | undefined, rowsSampled: number | undefined): TableGraphContext {
    const id = tableId(table);
    const node = this.#nodes.get(id);
    if (!node) return { table: id, references: [] };
    if (distinct) this.#inferFromValues(node, distinct);
    let person = this.person(id);
    // A single sampled row whose name does not say people is the organisation's own record (its name,
    // tax id and contact details), not a party that may be a person: its own facts, which would say
    // so, are not there yet while it is classified.
    if (person.isPerson && rowsSampled === 1 && !node.shape.headPerson) person = NOBODY;
    const link = person.isPerson ? undefined : this.#link(id, 1, new Set());
    const attributeOf = person.isPerson || link ? undefined : this.#attributeOf(id);
    const referencedAsLookup = this.#isLookup(id);
    const notPerson =
      person.isPerson || link || attributeOf
        ? undefined
        : judgeNotPerson(table.name, node.shape, this.#visibleFacts(id), referencedAsLookup, rowsSampled);
    const domain = this.#domain(node, link);
    const references = this.#edgesOut(id).map(
      (e): ColumnReference => ({
        columns: e.columns,
        target: e.to,
        targetName: this.#nodes.get(e.to)?.table.name ?? e.to,
        targetColumns: e.toColumns,
        origin: e.origin,
        strength: e.strength,
        targetKind: this.#nodes.has(e.to) ? this.#targetKind(e) : 'entity',
        actor: Boolean(e.actor),
        ...(e.because ? { because: e.because } : {}),
        ...this.#targetDomain(e.to),
      }),
    );
    const recurringColumns = table.columns.filter((c) => this.#recurring.has(c.name.toLowerCase())).map((c) => c.name);
    const copiedTerms = this.#copiedTerms(node, references);
    return {
      table: id,
      ...(person.isPerson
        ? {
            person: {
              score: person.score,
              subject: person.subject!,
              because: `table ${table.name} holds people: ${person.reasons.join('; ')}`,
            },
          }
        : {}),
      ...(link
        ? {
            linked: {
              person: link.person,
              subject: link.subject,
              hops: link.hops,
              path: link.path,
              via: link.via,
              strength: round2(link.strength),
            },
          }
        : {}),
      ...(link && this.#personDetails(id) >= PERSON_DETAILS ? { carriesPersonDetails: true } : {}),
      ...(attributeOf ? { attributeOf } : {}),
      ...(notPerson ? { notPerson } : {}),
      ...(domain && (link || person.isPerson || attributeOf) ? { domain } : {}),
      references,
      ...(recurringColumns.length > 0 ? { recurringColumns } : {}),
      ...(copiedTerms.length > 0 ? { copiedTerms } : {}),
    };
  }

  /** The domain a referenced table's own name names, for ColumnReference.targetDomain. */
  #targetDomain(id: TableId): Pick<ColumnReference, 'targetDomain'> {
    const target = this.#nodes.get(id);
    // Only a domain's own word counts (`grades`, `diagnoses`): a shared word (`course`) names the organisation's offering as often.
    const named = target && namedDomain(target.words, this.#profile);
    return named && !named.shared ? { targetDomain: named.domain.key } : {};
  }

  /**
   * Columns a table shares by name (of TERM_MIN_WORDS words or more) with a table of things it
   * references (not a person, nor another person's record): the terms its rows copy from that
   * definition (see TableGraphContext.copiedTerms).
   */
  #copiedTerms(node: Node, references: readonly ColumnReference[]): { column: string; definition: string }[] {
    const out: { column: string; definition: string }[] = [];
    const referencing = new Set(references.flatMap((r) => r.columns));
    for (const ref of references) {
      if (ref.actor || (ref.targetKind !== 'entity' && ref.targetKind !== 'lookup')) continue;
      const target = this.#nodes.get(ref.target);
      if (!target) continue;
      const theirs = new Set(target.table.columns.filter((c) => !c.isPrimaryKey).map((c) => c.name.toLowerCase()));
      const shared = node.table.columns.filter((column) => {
        if (column.isPrimaryKey || referencing.has(column.name) || !theirs.has(column.name.toLowerCase())) return false;
        const words = splitIdentifier(column.name);
        return words.length >= TERM_MIN_WORDS && !OWN_IDENTIFIER_WORDS.has(words[words.length - 1]) && words[0] !== 'external';
      });
      if (shared.length < DEFINITION_MIN_TERMS) continue;
      for (const column of shared) if (!out.some((t) => t.column === column.name)) out.push({ column: column.name, definition: target.table.name });
    }
    return out;
  }

  /** References from values: columns with no other reference whose values are keys of a finished person table. */
  #inferFromValues(node: Node, distinct: DistinctValues): void {
    const id = tableId(node.table);
    if (this.#valueEdges.has(id)) return;
    const resolved = new Set(node.out.flatMap((e) => e.columns));
    this.#judgeCyclicHolders(id);
    const visible = this.#visible;
    // A table that waits for a few tables compares its columns with the few sketches it sees; one that
    // sees thousands (a barrier table, order.ts) with those the index says its values may fit.
    const among = visible && visible.size <= INDEX_FROM_VISIBLE ? this.#visibleSketches(id, visible) : undefined;
    const keyCandidates = (column: ColumnMetadata, values: readonly string[], named: boolean, personish: boolean) =>
      among ?? this.#sketchIndex.candidates(column, values, named, personish);
    const found: ReferenceEdge[] = [];
    if (this.#sketches.size > 0 || this.#alternateSketches.size > 0) {
      for (const column of node.table.columns) {
        if (resolved.has(column.name) || (column.isPrimaryKey && node.table.primaryKey.length === 1)) continue;
        const values = distinct(column.name);
        if (!values) continue;
        // A column named as a person table's alternate key, whose values are among that key's values.
        const alternate = this.#alternatesNamed(id, column.name).find(([, sketch]) => valuesReference(column, values, sketch, true, true));
        if (alternate) {
          found.push(valuesEdge(node.table, column, this.#nodes.get(alternate[0])!.table, alternate[1]));
          continue;
        }
        if (namesOtherThing(column, this.#tableWords)) continue;
        const named = namedAsKey(column);
        const personish = namesPerson(column) || isActorColumn(column.name) || meaningless(column);
        const match = keyCandidates(column, values, named, personish).find(
          ([other, sketch]) => this.#personSketch(id, other) && valuesReference(column, values, sketch, named, personish),
        );
        if (match) found.push(valuesEdge(node.table, column, this.#nodes.get(match[0])!.table, match[1]));
      }
    }
    // Most tables find none: one shared empty list rather than one per table, kept until the scan ends.
    this.#valueEdges.set(id, found.length > 0 ? found : NO_EDGES);
    for (const e of found) {
      const list = this.#in.get(e.to) ?? [];
      list.push(e);
      this.#in.set(e.to, list);
    }
  }

  /** Whether another table's sketch may be compared in this context: it is visible and holds people. */
  #personSketch(id: TableId, other: TableId): boolean {
    return other !== id && this.#visibleFacts(other) !== undefined && this.person(other).isPerson;
  }

  /** The visible tables' key sketches, in table-id order (see #inferFromValues). */
  #visibleSketches(id: TableId, visible: VisibleTables): (readonly [TableId, KeySketch])[] {
    const list: (readonly [TableId, KeySketch])[] = [];
    for (const other of visible) {
      const sketch = this.#sketches.get(other);
      if (sketch) list.push([other, sketch]);
    }
    return list.filter(([other]) => this.#personSketch(id, other)).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  }

  /** Visible person tables' alternate-key sketches of a column name, by table id, then as listed. */
  #alternatesNamed(id: TableId, column: string): (readonly [TableId, KeySketch])[] {
    const byTable = this.#alternatesByName.get(column.toLowerCase());
    if (!byTable) return [];
    return [...byTable.keys()]
      .filter((other) => this.#personSketch(id, other))
      .sort()
      .flatMap((other) => byTable.get(other)!.map((sketch) => [other, sketch] as const));
  }

  /**
   * Judges the visible sketch holders whose judgement depends on the order of judgements (#ownerCycles)
   * in the order the graph always judged them (every visible holder before any column was compared, in
   * the visible tables' order when they were fewer than the sketches, else in the sketches' order; then
   * the alternate holders), so that a context's judgements stay what they were.
   */
  #judgeCyclicHolders(id: TableId): void {
    const judge = (other: TableId) => other !== id && this.#visibleFacts(other) && this.person(other);
    const visible = this.#visible;
    if (this.#cyclicSketchHolders.length > 0) {
      if (!visible || visible.size >= this.#sketches.size) this.#cyclicSketchHolders.forEach(judge);
      else if (visible.rank) {
        const rank = visible.rank.bind(visible);
        this.#cyclicSketchHolders.filter((other) => rank(other) !== undefined).sort((a, b) => rank(a)! - rank(b)!).forEach(judge);
      } else for (const other of visible) if (this.#sketches.has(other) && this.#ownerCycles().has(other)) judge(other);
    }
    this.#cyclicAlternateHolders.forEach(judge);
  }

  /** The graph facts a dataset writer needs for one table (see TableSubjectSummary). */
  summary(table: TableMetadata): TableSubjectSummary {
    const id = tableId(table);
    const person = this.person(id);
    const link = person.isPerson ? undefined : this.#link(id, 1, new Set());
    const node = this.#nodes.get(id);
    const domain = node && this.#domain(node, link);
    return {
      isPerson: person.isPerson,
      ...(person.isPerson ? { subject: person.subject } : link ? { subject: link.subject } : {}),
      ...(link ? { linkedTo: { table: link.person, hops: link.hops, path: link.path } } : {}),
      ...(domain && (link || person.isPerson) ? { domain: domain.key } : {}),
      identityColumns: person.isPerson ? (this.#facts.get(id)?.identityColumns ?? []) : [],
      references: this.#edgesOut(id).map((e) => ({ columns: e.columns, target: e.to, targetColumns: e.toColumns, direction: 'to' as const, origin: e.origin, ...(e.actor ? { actor: true } : {}) })),
    };
  }

  /** The single-column key a person table's sketch is made of (see facts.ts), or undefined. */
  keyColumn(table: TableMetadata): string | undefined {
    return referenceKey(table)?.name;
  }
}

/**
 * Words that lead the names of many tables after the application's prefix (`shop` of `g5_shop_order`,
 * `g5_shop_cart`): the application's modules (see tableShape).
 */
function moduleWords(names: readonly TableName[]): ReadonlySet<string> {
  const counts = new Map<string, number>();
  for (const n of names) if (n.core.length >= 2) counts.set(n.core[0], (counts.get(n.core[0]) ?? 0) + 1);
  const needed = Math.max(MODULE_MIN_TABLES, Math.ceil(names.length * MODULE_SHARE));
  return new Set([...counts].filter(([, n]) => n >= needed).map(([w]) => w));
}

function better(a: Link, b: Link): boolean {
  const aWorker = WORKER_SUBJECTS.has(a.subject);
  const bWorker = WORKER_SUBJECTS.has(b.subject);
  if (aWorker !== bWorker) return bWorker;
  if (a.hops !== b.hops) return a.hops < b.hops;
  return a.strength > b.strength;
}

function entryFields(entry: DomainEntry) {
  return {
    key: entry.key,
    label: entry.label,
    category: entry.category,
    covers: entry.covers,
    ...(entry.subjects ? { subjects: entry.subjects } : {}),
    ...(entry.namesOnlyCovers ? { namesOnlyCovers: entry.namesOnlyCovers } : {}),
    ...(entry.specific ? { specific: entry.specific } : {}),
    ...(entry.entryKeyWords ? { entryKeyWords: entry.entryKeyWords } : {}),
  };
}

const round2 = (x: number) => Math.round(x * 100) / 100;
