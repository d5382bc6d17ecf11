/**
 * Personal data in Fides terms: fideslang's `user` data category and every category below it
 * (`user` itself counts). A category's ancestors are its dotted prefixes, as fideslang requires
 * (`parent_key` must be the key without its last part), so `user_defined` or `users.x` are not
 * personal; `system.*` is not either.
 */
import { Taxonomy } from '../taxonomy.js';

export const PERSONAL_DATA_ROOT = 'user';

export function isPersonalCategory(key: string): boolean {
  return Taxonomy.isWithin(key, PERSONAL_DATA_ROOT);
}

/** Whether any of the categories is personal. */
export function hasPersonalCategory(categories: readonly string[]): boolean {
  return categories.some(isPersonalCategory);
}
