/**
 * Usernames and handles (j.smith, jsmith42, @handle). Almost any short token has this shape (codes,
 * slugs, first names), so a bare handle scores weakly; a column named user, login, handle, benutzername,
 * pseudo… makes it count. An @ prefix is the one shape that speaks for itself.
 */
import { CATEGORY } from '../categories.js';
import { defineRecognizer, type ColumnAdjustment } from './recognizer.js';
import { TRAIT } from './value-traits.js';

const AT_HANDLE = /^@[\p{L}\p{N}_](?:[\p{L}\p{N}._-]{0,29}[\p{L}\p{N}_])?$/u;
const HANDLE = /^[\p{L}\p{N}](?:[\p{L}\p{N}._-]{0,30}[\p{L}\p{N}_])?$/u;
/** Letters followed by digits, or dotted/underscored names: the common username shapes. */
const TYPICAL = /^\p{L}[\p{L}]*\d+$|^\p{L}+[._-]\p{L}+\d*$/u;

/** `/^[\d._-]+$/` (numbers and versions), by character codes. */
function isNumberOrVersion(value: string): boolean {
  if (value.length === 0) return false;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (!((code >= 48 && code <= 57) || code === 46 || code === 95 || code === 45)) return false;
  }
  return true;
}

/** A file name: a name with a common file extension (`report.pdf`, `photo_12.jpg`). */
const FILE_NAME = /\.(?:pdf|docx?|xlsx?|pptx?|odt|ods|csv|txt|rtf|zip|gz|tgz|rar|7z|tar|jpe?g|png|gif|webp|svg|bmp|tiff?|mp[34]|wav|mov|avi|json|xml|html?|log|bin|exe|dmg|apk|iso)$/i;
/** A short code in capitals (`BQ`, `USD`, `EUR1`): a code of a list, not someone's handle. */
const SHORT_CODE = /^[A-Z]{1,4}\d?$/;

/**
 * A series of codes rather than handles: most values have the same length and start the same way
 * (`CL000123`, `CL000124`; `acct_8fK2…`), as generated account codes and API object ids do. People's
 * handles vary in length and beginning.
 */
const SERIES_SHARE = 0.8;
const SERIES_MIN_DISTINCT = 5;
const SERIES_PREFIX = 2;
const SERIES_FACTOR = 0.2;

function codeSeries(matched: readonly string[]): ColumnAdjustment | undefined {
  if (matched.length < SERIES_MIN_DISTINCT) return undefined;
  const most = (keys: readonly string[]) => {
    const counts = new Map<string, number>();
    let best = 0;
    for (const k of keys) best = Math.max(best, (counts.set(k, (counts.get(k) ?? 0) + 1), counts.get(k)!));
    return best / keys.length;
  };
  const sameLength = most(matched.map((v) => String(v.length)));
  const samePrefix = most(matched.map((v) => v.slice(0, SERIES_PREFIX).toLowerCase()));
  if (sameLength < SERIES_SHARE || samePrefix < SERIES_SHARE) return undefined;
  return { factor: SERIES_FACTOR, note: 'most values have one length and one beginning: a series of codes, not people\'s handles' };
}

export const usernameRecognizer = defineRecognizer({
  id: 'username',
  category: CATEGORY.username,
  noun: 'usernames or handles',
  // Necessary for a valid handle: a letter or a non-ASCII digit (values of digits, dots, dashes and underscores fail validation);
  // both patterns allow letters, digits, . _ - and a leading @ only, so never a space, comma, colon or slash.
  gate: { any: TRAIT.letter | TRAIT.nonAscii, none: TRAIT.space | TRAIT.comma | TRAIT.colon | TRAIT.slash },
  patterns: [
    { name: '@handle', regex: AT_HANDLE, score: 0.7, contextScore: 1 },
    { name: 'handle shape (needs a user/login column name)', regex: HANDLE, score: 0.15, contextScore: 0.9 },
  ],
  context: [
    'user', 'username', 'login', 'handle', 'nick', 'nickname', 'screen', 'alias', 'account', 'benutzer', 'benutzername',
    'nutzer', 'nutzername', 'anmeldename', 'pseudo', 'pseudonyme', 'identifiant', 'utilisateur', 'usuario', 'utente',
    'gebruiker', 'gebruikersnaam', 'utilizador', 'usuário', 'twitter', 'github', 'instagram', 'slack', 'author', 'owner',
  ],
  prefilter: (value: string) => value.length >= 2 && value.length <= 33,
  validate: (value: string) => {
    const handle = value.startsWith('@');
    const bare = handle ? value.slice(1) : value;
    if (isNumberOrVersion(bare) || FILE_NAME.test(bare) || (!handle && SHORT_CODE.test(bare))) return false;
    return handle || TYPICAL.test(bare) ? 1 : 0.85;
  },
  adjustColumn: codeSeries,
});
