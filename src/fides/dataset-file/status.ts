/**
 * A field's review status and whether a person decided it: the one place these rules live.
 *
 * The status is `piiscout.status`. A field without a valid one was written by a person: with
 * categories it counts as `edited` (a decision), without as `proposed` (undecided). Decided fields
 * (accepted, edited, ignored) keep their `data_categories` exactly; piiscout never changes them.
 */
export const FIELD_STATUSES = ['proposed', 'accepted', 'edited', 'ignored'] as const;

export type FieldStatus = (typeof FIELD_STATUSES)[number];

const STATUSES: ReadonlySet<string> = new Set(FIELD_STATUSES);
const DECIDED: ReadonlySet<FieldStatus> = new Set<FieldStatus>(['accepted', 'edited', 'ignored']);

export function isFieldStatus(value: unknown): value is FieldStatus {
  return typeof value === 'string' && STATUSES.has(value);
}

/** A person decided the field (accepted, edited or ignored). */
export function isDecided(status: FieldStatus): boolean {
  return DECIDED.has(status);
}

/** The status of a field from what its record says (`recorded`) and how many categories it has. */
export function fieldStatus(recorded: unknown, categoryCount: number): FieldStatus {
  if (isFieldStatus(recorded)) return recorded;
  return categoryCount > 0 ? 'edited' : 'proposed';
}
