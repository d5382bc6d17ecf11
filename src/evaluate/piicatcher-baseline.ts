/**
 * A baseline for the evaluation only: PIICatcher's column-name detector (ColumnNameRegexDetector,
 * see shared/docs/landscape.md §2.1). Its 13 case-insensitive regexes are tried in order and the
 * first match wins; its PII types are mapped to the closest fideslang keys. A column no regex
 * matches is not PII for PIICatcher, written here as system.operations like our own "not personal".
 * Only the column name is used (PIICatcher's metadata scan), never the table name or values.
 */

interface PiiCatcherRule {
  /** PIICatcher's PiiType name. */
  readonly type: string;
  readonly pattern: RegExp;
  readonly category: string;
}

// Order and patterns exactly as published; `^.*(...).*$` means "contains" for one-line names.
const RULES: readonly PiiCatcherRule[] = [
  { type: 'Person', pattern: /^.*(firstname|fname|lastname|lname|fullname|maidenname|_name|nickname|name_suffix|name|person).*$/i, category: 'user.name' },
  { type: 'Email', pattern: /^.*(email|e-mail|mail).*$/i, category: 'user.contact.email' },
  { type: 'BirthDate', pattern: /^.*(date_of_birth|dateofbirth|dob|birthday|date_of_death|dateofdeath|birthdate).*$/i, category: 'user.demographic.date_of_birth' },
  { type: 'Gender', pattern: /^.*(gender).*$/i, category: 'user.demographic.gender' },
  // fideslang has no nationality key; the parent is the most specific honest choice.
  { type: 'Nationality', pattern: /^.*(nationality).*$/i, category: 'user.demographic' },
  { type: 'Address', pattern: /^.*(address|city|state|county|country|zone|borough).*$/i, category: 'user.contact.address' },
  { type: 'ZipCode', pattern: /^.*(zipcode|zip_code|postal|postal_code|zip).*$/i, category: 'user.contact.address.postal_code' },
  { type: 'UserName', pattern: /^.*user(id|name|).*$/i, category: 'user.account.username' },
  { type: 'Password', pattern: /^.*pass.*$/i, category: 'user.authorization.password' },
  { type: 'SSN', pattern: /^.*(ssn|social_number|social_security|social_security_number|social_security_no).*$/i, category: 'user.government_id.national_identification_number' },
  { type: 'PoBox', pattern: /^.*(po_box|pobox).*$/i, category: 'user.contact.address' },
  { type: 'CreditCard', pattern: /^.*(credit_card|cc_number|cc_num|creditcard|credit_card_num|creditcardnumber).*$/i, category: 'user.financial.credit_card' },
  { type: 'Phone', pattern: /^.*(phone|phone_number|phone_no|phone_num|telephone|telephone_num|telephone_no).*$/i, category: 'user.contact.phone_number' },
];

export const PIICATCHER_NOT_PII = 'system.operations';

/** PIICatcher's PII type for a column name, or undefined when no regex matches. */
export function piicatcherType(columnName: string): string | undefined {
  return RULES.find((rule) => rule.pattern.test(columnName))?.type;
}

/** The fideslang categories PIICatcher's column-name detector would assign. */
export function piicatcherCategories(columnName: string): string[] {
  const rule = RULES.find((r) => r.pattern.test(columnName));
  return [rule ? rule.category : PIICATCHER_NOT_PII];
}
