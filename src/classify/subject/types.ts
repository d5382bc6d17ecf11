/**
 * Types of the subject graph (see graph.ts for the model and its rules). Everything here is plain
 * data: a table's graph context travels to classification workers with its columns, and a table's
 * facts are kept for the whole scan, so both stay small (no sampled value in either, but for the key
 * sketch of a person table, which lives in memory only).
 */

/** `schema.table`, as core/metadata.ts `tableId` makes it. */
export type TableId = string;

/** Where a reference comes from: a declared foreign key, the column's name, or its sampled values. */
export type EdgeOrigin = 'declared' | 'name' | 'values';

/** A reference from columns of one table to the key of another (or the same) table. */
export interface ReferenceEdge {
  readonly from: TableId;
  readonly columns: readonly string[];
  readonly to: TableId;
  readonly toColumns: readonly string[];
  readonly origin: EdgeOrigin;
  /** 1 for a declared key; lower for inferred ones. */
  readonly strength: number;
  /** Why an inferred edge was drawn, for evidence ("column name 'fk_soc' abbreviates table llx_societe"). */
  readonly because?: string;
  /**
   * True when the column names who did something to the row (`created_by`, `creator`, `voided_by`):
   * such a row is not the person's own (see references.ts).
   */
  readonly actor?: boolean;
}

/** How sure the graph is that a table holds people, from names, columns and (once sampled) values. */
export interface PersonJudgement {
  /** 0..1; `isPerson` from PERSON_THRESHOLD up. */
  readonly score: number;
  readonly isPerson: boolean;
  /** Fideslang data subject key of the people in it (`patient`, `customer`, `employee`). */
  readonly subject?: string;
  /** True when the table's name says the subject (`patients`); false when it came from the database's domains. */
  readonly subjectNamed?: boolean;
  /** Plain-language reasons, never a value. */
  readonly reasons: readonly string[];
}

/** What classification and sampling of a finished table told the graph. Small: kept for the whole scan. */
export interface TableFacts {
  /** Rows read (0: empty, or not sampled). */
  readonly rowsSampled: number;
  /** Columns whose proposal is a person-only category (first or last name, birth date, gender, national id, ...). */
  readonly personOnlyColumns: readonly string[];
  /** Columns whose proposal is contact data (email, phone, address parts). */
  readonly contactColumns: readonly string[];
  /** Columns proposed as identities of a person: e-mail, phone, user name, external ids. */
  readonly identityColumns: readonly string[];
  /** The table's own key values, sampled, when it holds people (value-inferred references); memory only. */
  readonly keySketch?: KeySketch;
  /**
   * Sketches of a person table's other integer columns whose sampled values are all distinct and
   * whose names recur in other tables (OpenEMR-style `pid` beside the key `id`): alternate keys that
   * other tables may reference by the same name; memory only.
   */
  readonly alternateSketches?: readonly KeySketch[];
}

/**
 * The tables whose facts a table's context may use (order.ts), in the order they were listed: a Set,
 * or a plan's answer that does not list a barrier table's predecessors.
 */
export interface VisibleTables extends Iterable<TableId> {
  readonly size: number;
  has(id: TableId): boolean;
  /** A visible table's place in the iteration order (undefined when not visible), where known without iterating. */
  rank?(id: TableId): number | undefined;
}

/** A set of key values: how many, and whether it holds one. */
export interface KeyValues {
  readonly size: number;
  has(value: string): boolean;
}

/** Sampled values of a person table's single-column key, capped (see facts.ts). */
export interface KeySketch {
  readonly column: string;
  /** The distinct trimmed key values (a Set, or a compact set of integer keys: see facts.ts). */
  readonly values: KeyValues;
  /** Smallest and largest integer key, when every sampled key is an integer. */
  readonly min?: number;
  readonly max?: number;
  /** The table's rows (estimate or rows read), to know what share of keys the sketch holds. */
  readonly rows: number;
}

/** What the graph says about one reference column of a table. */
export interface ColumnReference {
  readonly columns: readonly string[];
  readonly target: TableId;
  /** The target's table name, for reasons. */
  readonly targetName: string;
  readonly targetColumns: readonly string[];
  readonly origin: EdgeOrigin;
  readonly strength: number;
  /**
   * `person`: the target holds people; `linked`: the target's rows belong to a person (another record
   * of one); `lookup`: a code table or vocabulary; `entity`: any other thing; `self`: the same table.
   */
  readonly targetKind: 'person' | 'linked' | 'lookup' | 'entity' | 'self';
  readonly actor: boolean;
  readonly because?: string;
  /** The domain the target table's own name names (`grades`: education), if any (see evidence.ts, names only). */
  readonly targetDomain?: string;
}

/** The domain of a table's rows (knowledge/domains), as resolved for that table. */
export interface TableDomain {
  readonly key: string;
  readonly label: string;
  readonly category: string;
  /** The entry's score, lowered for distance and for a domain taken from the data subject. */
  readonly score: number;
  readonly covers: readonly string[];
  /** Data subjects whose rows the domain is about (the domain entry's `subjects`: a patient's, a trainee's). */
  readonly subjects?: readonly string[];
  /** What names alone cover (the domain entry's `namesOnlyCovers`), when not `covers`. */
  readonly namesOnlyCovers?: readonly string[];
  readonly because: string;
  /** Narrower categories by words (the domain entry's `specific`). */
  readonly specific?: readonly { readonly words: readonly string[]; readonly category: string }[];
  /** Words of columns that name an entry of such rows rather than hold data (the domain entry's `entryKeyWords`). */
  readonly entryKeyWords?: readonly string[];
}

/**
 * The graph's facts about one table, as a classifier needs them (plain data, no graph). Built once per
 * table, when the tables it depends on are finished (see order.ts).
 */
export interface TableGraphContext {
  readonly table: TableId;
  /** The table holds people. */
  readonly person?: { readonly score: number; readonly subject: string; readonly because: string };
  /** The table's rows belong to a person, through `path` (evidence text), `hops` references away. */
  readonly linked?: {
    readonly person: TableId;
    readonly subject: string;
    readonly hops: number;
    readonly path: string;
    /** The table's own columns that lead to the person. */
    readonly via: readonly string[];
    readonly strength: number;
  };
  /**
   * The rows belong to a person and carry that person's details (an order's buyer name, phone and
   * address): their names read as the person's, as on the person's own row.
   */
  readonly carriesPersonDetails?: boolean;
  /** A person table references this one many-to-one: its rows are that person's (addresses, ...). */
  readonly attributeOf?: { readonly person: TableId; readonly subject: string; readonly path: string };
  /** The table holds no people with confidence `score` (a place, settings, a vocabulary), and why. */
  readonly notPerson?: { readonly score: number; readonly because: string };
  readonly domain?: TableDomain;
  /** References out of this table with what is at the other end. */
  readonly references: readonly ColumnReference[];
  /**
   * Columns whose name recurs in many tables of the database (`school_id`, `syear`, `tenant_id`): the
   * dimensions the application files its rows by, not what one row says about its person.
   */
  readonly recurringColumns?: readonly string[];
  /**
   * Columns this row shares by name with a table of things it references (a loan's
   * `annual_nominal_interest_rate` and its loan product's): terms copied from the definition (a
   * product, a type, a template), the organisation's, with the definition's name.
   */
  readonly copiedTerms?: readonly { readonly column: string; readonly definition: string }[];
}

/** Graph facts a dataset writer needs per table (fides_meta identity/references, data subjects). */
export interface TableSubjectSummary {
  readonly isPerson: boolean;
  readonly subject?: string;
  /** Person-linked: through which table, how far. */
  readonly linkedTo?: { readonly table: TableId; readonly hops: number; readonly path: string };
  readonly domain?: string;
  readonly identityColumns: readonly string[];
  readonly references: readonly {
    readonly columns: readonly string[];
    readonly target: TableId;
    readonly targetColumns: readonly string[];
    /** `to`: this table's column points at the target's key (fideslang `direction: to`). */
    readonly direction: 'to';
    readonly origin: EdgeOrigin;
    /** The column names who acted on the row (`created_by`): the row is not that person's own. */
    readonly actor?: boolean;
  }[];
}
