/** How review names a field's place: a map key, and the text people see in messages. */

export interface FieldAddress {
  readonly dataset: string /* fides_key */;
  readonly collection: string;
  readonly field: string /* nested: a.b */;
}

export function addressKey(a: FieldAddress): string {
  return `${a.dataset}\u0000${a.collection}\u0000${a.field}`;
}

export function formatAddress(a: FieldAddress): string {
  return `${a.dataset}.${a.collection}.${a.field}`;
}
