/**
 * The scoring rules for one field (shared/labels/README.md): a truth label is a list of acceptable
 * fideslang keys; a proposal is right when it equals one of them or lies below one. `user` alone
 * therefore accepts any personal category.
 */
import { isPersonalCategory } from '../fides/dataset-file/personal.js';
import { Taxonomy } from '../fides/taxonomy.js';

/** Acceptable keys for one field: one key, an `{any: [...]}` list, or `user`. */
export type TruthLabel = readonly string[];

/**
 * personal: every acceptable key is user.*; non-personal: none is; either: the list mixes both, so
 * a personal and a non-personal answer are both right and only a wrong personal category is an error.
 */
export type FieldKind = 'personal' | 'non-personal' | 'either';


export function fieldKind(label: TruthLabel): FieldKind {
  const personal = label.filter(isPersonalCategory).length;
  if (personal === label.length) return 'personal';
  return personal === 0 ? 'non-personal' : 'either';
}

export function isAcceptable(proposed: string, label: TruthLabel): boolean {
  return label.some((key) => Taxonomy.isWithin(proposed, key));
}

/** The category a personal field is reported under: its first personal acceptable key. */
export function reportingCategory(label: TruthLabel): string {
  return label.find(isPersonalCategory) ?? label[0];
}

/** How a label reads in confusion lists: the key, or `a|b` for an any-list. */
export function describeLabel(label: TruthLabel): string {
  return label.join('|');
}
