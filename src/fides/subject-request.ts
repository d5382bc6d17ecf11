/**
 * Subject-request readiness: what the subject graph (ScanResult.subjects) proposes for Fides' DSR
 * graph, kept as proposals under piiscout's keys until a reviewer accepts them (review-file.ts
 * moves an accepted field's proposal into `fides_meta`).
 *
 * - `identity` on the identity columns of person tables: e-mail (`email`), phone (`phone_number`),
 *   user name (`username`) and external ids (`external_id`; never the table's own key or a reference);
 *   and on the e-mail and phone columns of tables out of the graph's reach (a visit log by address).
 * - `references` with a `direction`, found by walking out from the tables that have an identity, the
 *   way Fides walks: a row that points at a reached table's key gets its value `from` there (orders
 *   of a customer); a reached table's column that points at another table's key is followed `to` it
 *   (a customer's address, an order's product). Only person and person-linked tables are walked on
 *   from; no reference leads to another person's table or along a column that names who acted on a
 *   row (`created_by`), so a request never gathers other people's rows.
 * - Data subjects (fideslang keys) per table, from the person a table holds or its rows belong to.
 *
 * Pure: names and categories only, no sampled value.
 */
import { tableId, type TableMetadata } from '../core/metadata.js';
import type { TableSubjectSummary } from '../classify/subject/types.js';
import { CATEGORY } from '../classify/categories.js';
import type { ScanResult } from '../scan/scan.js';
import type { FidesReference } from './dataset-types.js';

/** A field's proposed `fides_meta` keys (fideslang FidesMeta: identity, references). */
export interface ProposedFieldMeta {
  identity?: string;
  references?: FidesReference[];
}

/** What a collection gets: its proposed data subjects and its fields' proposed fides_meta. */
export interface CollectionProposals {
  readonly dataSubjects: readonly string[];
  /** Why: the table holds people, or the path by which its rows belong to one (names only). */
  readonly subjectsBecause?: string;
  readonly fields: ReadonlyMap<string, ProposedFieldMeta>;
}

/** Fides identity types by category, in the order a table's identities are preferred. */
const IDENTITY_TYPES: readonly (readonly [string, string])[] = [
  [CATEGORY.email, 'email'],
  [CATEGORY.phone, 'phone_number'],
  [CATEGORY.username, 'username'],
  [CATEGORY.uniqueId, 'external_id'],
];

/** Outside person tables only contact details identify a person, and only when the proposal is this sure. */
const CONTACT_IDENTITY_TYPES = IDENTITY_TYPES.slice(0, 2);
const MIN_CONTACT_CONFIDENCE = 0.5;

const NONE: CollectionProposals = { dataSubjects: [], fields: new Map() };

export class SubjectRequestProposals {
  readonly #byTable = new Map<string, { dataSubjects: string[]; subjectsBecause?: string; fields: Map<string, ProposedFieldMeta> }>();
  readonly #bySchema = new Map<string, Set<string>>();

  /** `datasetKey(schema)`: the dataset key of a schema, undefined when the file has none for it. */
  constructor(result: ScanResult, datasetKey: (schema: string) => string | undefined) {
    const subjects = result.subjects;
    if (!subjects) return;
    const tables = new Map(result.tables.map((t) => [tableId(t.table), t] as const));
    for (const [id, summary] of subjects) {
      const t = tables.get(id);
      if (!t || !summary.subject || !(summary.isPerson || summary.linkedTo)) continue;
      const entry = this.#entry(id);
      entry.dataSubjects.push(summary.subject);
      entry.subjectsBecause = summary.isPerson ? `table ${t.table.name} holds people` : `rows belong to a person: ${summary.linkedTo!.path}`;
      const list = this.#bySchema.get(t.table.schema) ?? new Set();
      list.add(summary.subject);
      this.#bySchema.set(t.table.schema, list);
    }
    const sorted = [...tables].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const identities = (id: string, columns: readonly string[], types: readonly (readonly [string, string])[], minConfidence = 0): boolean => {
      const t = tables.get(id)!;
      const referencing = new Set(subjects.get(id)?.references.flatMap((r) => r.columns) ?? []);
      let found = false;
      for (const column of columns) {
        const col = t.table.columns.find((c) => c.name === column);
        const proposal = t.fields.get(column);
        if (!col || !proposal || referencing.has(column) || proposal.confidence < minConfidence) continue;
        const type = types.find(([category]) => proposal.categories.includes(category))?.[1];
        // A table's own key is no external id (the graph calls it user.unique_id on person rows).
        if (!type || (type === 'external_id' && col.isPrimaryKey)) continue;
        this.#field(id, column).identity = type;
        found = true;
      }
      return found;
    };
    const roots = sorted.filter(([id]) => subjects.get(id)?.isPerson && identities(id, subjects.get(id)!.identityColumns, IDENTITY_TYPES)).map(([id]) => id);
    const reached = this.#walk(roots, new Set(), subjects, (id) => tables.get(id)?.table, datasetKey);
    // Rows out of the graph's reach that carry a person's e-mail or phone (a visit log, a report per
    // address) are found by it, as Fides' own sample datasets do.
    const contactRoots = sorted
      .filter(([id, t]) => !reached.has(id) && identities(id, t.columns.map((c) => c.name), CONTACT_IDENTITY_TYPES, MIN_CONTACT_CONFIDENCE))
      .map(([id]) => id);
    this.#walk(contactRoots, reached, subjects, (id) => tables.get(id)?.table, datasetKey);
  }

  /** The proposals for one table (none when the graph has nothing to say about it). */
  forTable(table: Pick<TableMetadata, 'schema' | 'name'>): CollectionProposals {
    return this.#byTable.get(tableId(table)) ?? NONE;
  }

  /** The data subjects proposed for any table of a schema, sorted. */
  forSchema(schema: string): string[] {
    return [...(this.#bySchema.get(schema) ?? [])].sort();
  }

  /**
   * Breadth first from the identity tables, along references as Fides follows them (see the module
   * rules), past the tables `earlier` walks reached; returns every table reached.
   */
  #walk(
    roots: readonly string[],
    earlier: ReadonlySet<string>,
    subjects: ReadonlyMap<string, TableSubjectSummary>,
    table: (id: string) => TableMetadata | undefined,
    datasetKey: (schema: string) => string | undefined,
  ): Set<string> {
    const reached = new Set([...earlier, ...roots]);
    const walkedOn = (id: string) => Boolean(subjects.get(id)?.isPerson || subjects.get(id)?.linkedTo);
    const queue = [...roots];
    const incoming = new Map<string, { from: string; ref: TableSubjectSummary['references'][number] }[]>();
    for (const [from, s] of [...subjects].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      for (const ref of s.references) {
        const list = incoming.get(ref.target) ?? [];
        list.push({ from, ref });
        incoming.set(ref.target, list);
      }
    }
    const propose = (on: string, columns: readonly string[], target: string, targetColumns: readonly string[], direction: 'from' | 'to'): boolean => {
      const source = table(on);
      const to = table(target);
      const dataset = to && datasetKey(to.schema);
      if (!source || !to || !dataset || columns.length !== targetColumns.length) return false;
      columns.forEach((column, i) => {
        const meta = this.#field(on, column);
        const references = (meta.references ??= []);
        const field = `${to.name}.${targetColumns[i]}`;
        if (!references.some((r) => r.dataset === dataset && r.field === field)) references.push({ dataset, field, direction });
      });
      return true;
    };
    while (queue.length > 0) {
      const id = queue.shift()!;
      const here = subjects.get(id);
      if (!here || !walkedOn(id)) continue; // reached for its details; not walked on from
      // Rows that point at this table's key: theirs are the same person's when the graph links them.
      for (const { from, ref } of incoming.get(id) ?? []) {
        const other = subjects.get(from);
        if (reached.has(from) || from === id || ref.actor || !other || !(other.isPerson || other.linkedTo)) continue;
        if (propose(from, ref.columns, id, ref.targetColumns, 'from')) {
          reached.add(from);
          queue.push(from);
        }
      }
      // What this table's rows point at: details of the same rows (an address, a product), never another
      // person. A detail table reached before is pointed at again (an order's shipping address is not
      // the customer's); a walked table is not, so that the proposed graph has no cycle.
      for (const ref of here.references) {
        const other = subjects.get(ref.target);
        if ((reached.has(ref.target) && walkedOn(ref.target)) || ref.target === id || ref.actor || other?.isPerson) continue;
        if (propose(id, ref.columns, ref.target, ref.targetColumns, 'to') && !reached.has(ref.target)) {
          reached.add(ref.target);
          queue.push(ref.target);
        }
      }
    }
    return reached;
  }

  #entry(id: string) {
    let entry = this.#byTable.get(id);
    if (!entry) this.#byTable.set(id, (entry = { dataSubjects: [], fields: new Map() }));
    return entry;
  }

  #field(id: string, column: string): ProposedFieldMeta {
    const fields = this.#entry(id).fields;
    let meta = fields.get(column);
    if (!meta) fields.set(column, (meta = {}));
    return meta;
  }
}
