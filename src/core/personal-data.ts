/**
 * Personal data in Fides terms: fideslang's `user` data category and every category below it
 * (`user` itself counts). A category's ancestors are its dotted prefixes, as fideslang requires
 * (`parent_key` must be the key without its last part), so `user_defined` or `users.x` are not
 * personal; `system.*` is not either. The one definition: classification, the dataset-file model
 * (src/fides/dataset-file/personal.ts re-exports it), review, drift, evaluate and export all ask here.
 */
export const PERSONAL_DATA_ROOT = 'user';

/** Whether `key` is `ancestor` or below it in the taxonomy (dotted prefixes). */
export function isWithinCategory(key: string, ancestor: string): boolean {
  return key === ancestor || key.startsWith(`${ancestor}.`);
}

/** Whether one key is the other or below it (`user.name` and `user.name.last`): neither broader nor narrower means unrelated. */
export function areRelatedCategories(a: string, b: string): boolean {
  return isWithinCategory(a, b) || isWithinCategory(b, a);
}

export function isPersonalCategory(key: string): boolean {
  return isWithinCategory(key, PERSONAL_DATA_ROOT);
}

/** Whether any of the categories is personal. */
export function hasPersonalCategory(categories: readonly string[]): boolean {
  return categories.some(isPersonalCategory);
}
