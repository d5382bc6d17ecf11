/**
 * Columns numbered within a group: one value split over numbered columns (`tel1`/`tel2`/`tel3`, a phone
 * number in three parts; `zip01`/`zip02`; `name1`/`name2`, a family and a given name) or repeated
 * numbered lines (`address1`/`address2`). A value recognizer of the whole value cannot judge one part
 * of it: a phone-number part of three digits is no phone number, yet the column holds phone numbers.
 */

/** `tel01` → stem `tel`, part 1; `address_2` → `address`, 2; `md5` → `md`, 5. Undefined without a trailing number. */
export function numberedPart(columnName: string): { readonly stem: string; readonly part: number } | undefined {
  const found = /^(.*?\p{L})[_-]?(\d{1,2})$/u.exec(columnName);
  if (!found) return undefined;
  return { stem: found[1].toLowerCase(), part: Number(found[2]) };
}

/**
 * The stem of a column that is one of a numbered group in its table: another column has the same stem
 * with another number, or the stem alone (`street`, `street2`). Undefined for a column without a
 * number or without such a sibling (`md5`, `utf8`, `oauth2`).
 */
export function numberedGroupStem(columnName: string, siblingNames: readonly string[]): string | undefined {
  const own = numberedPart(columnName);
  if (!own) return undefined;
  for (const sibling of siblingNames) {
    if (sibling === columnName) continue;
    if (sibling.toLowerCase() === own.stem) return own.stem;
    const other = numberedPart(sibling);
    if (other && other.stem === own.stem && other.part !== own.part) return own.stem;
  }
  return undefined;
}
