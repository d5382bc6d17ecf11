/**
 * What the fields of a collection are and what state each is in, for a file held either way (see
 * tree-access.ts).
 *
 * - A field is addressed `fides_key.collection.field`, a nested one `…field.sub`.
 * - A container a person wrote for nested fields (sub-fields, no categories, no piiscout record) is
 *   no field of its own: it has no proposal and needs no review.
 */
import { fieldStatus, isDecided, type FieldStatus } from './status.js';
import type { TreeAccess } from './tree-access.js';

/** A field's categories (`data_categories` items as text). */
export function categoriesOf<M>(field: M, a: TreeAccess<M>): string[] {
  return (a.list(a.get(field, 'data_categories')) ?? []).map((item) => a.str(item) ?? String(a.plain(item)));
}

/** A field's status as stored, or as implied for fields a person wrote without a piiscout record. */
export function statusOf<M>(field: M, a: TreeAccess<M>): FieldStatus {
  const record = a.get(field, 'piiscout');
  const recorded = a.isMap(record) ? a.str(a.get(record, 'status')) : undefined;
  return fieldStatus(recorded, (a.list(a.get(field, 'data_categories')) ?? []).length);
}

/** Whether a person decided the field. */
export function isDecidedField<M>(field: M, a: TreeAccess<M>): boolean {
  return isDecided(statusOf(field, a));
}

/** A container a person wrote for nested fields: sub-fields, and neither categories nor a piiscout record. */
export function isFieldContainer<M>(field: M, a: TreeAccess<M>): boolean {
  const sub = a.list(a.get(field, 'fields'));
  return sub !== undefined && sub.length > 0 && a.get(field, 'data_categories') === undefined && !a.isMap(a.get(field, 'piiscout'));
}

/**
 * A collection's fields in file order, with their paths (`a.b` when nested); containers are passed
 * over, and so is what is no field (no map, no name) with all below it.
 */
export function walkCollection<M>(collection: M, a: TreeAccess<M>, visit: (path: string, field: M, fieldList: unknown[]) => void): void {
  const visitList = (fieldList: unknown[], parent: string): void => {
    for (const field of fieldList) {
      if (!a.isMap(field)) continue;
      const own = a.str(a.get(field, 'name'));
      if (own === undefined) continue;
      const path = parent ? `${parent}.${own}` : own;
      if (!isFieldContainer(field, a)) visit(path, field, fieldList);
      const sub = a.list(a.get(field, 'fields'));
      if (sub) visitList(sub, path);
    }
  };
  visitList(a.list(a.get(collection, 'fields')) ?? [], '');
}

/** One string per field address, for maps and sets. */
export function addressId(dataset: string, collection: string, field: string): string {
  return `${dataset}\u0000${collection}\u0000${field}`;
}
