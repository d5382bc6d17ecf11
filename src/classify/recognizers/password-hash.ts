/**
 * Password hashes in the formats password libraries write: bcrypt ($2a/$2b/$2y$), argon2, scrypt,
 * yescrypt, PBKDF2 (Django, passlib, Werkzeug), sha-crypt ($5$/$6$), md5-crypt, phpass and LDAP
 * {SSHA}. Bare hex digests (MD5/SHA-1/SHA-256/SHA-512 lengths) count only in a column named for
 * passwords, or a hash column of a table of people: an MD5 of anything looks the same.
 * A column whose name ends in a password word but holds no hashes holds plain-text passwords
 * (worse, not better): short text without spaces counts there, at a reduced score.
 */
import { CATEGORY } from '../categories.js';
import type { Evidence } from '../types.js';
import { tokenizeName } from '../name/tokenize.js';
import { hasWord, percent, round3 } from './column-context.js';
import { defineRecognizer, evaluateRecognizer, type EvaluateOptions, type PreparedValues, type ValueRecognizer } from './recognizer.js';

const B64 = '[./A-Za-z0-9+]';
const FORMATS: readonly { name: string; regex: RegExp }[] = [
  { name: 'bcrypt', regex: /^\$2[abxy]?\$\d{2}\$[./A-Za-z0-9]{53}$/ },
  { name: 'argon2', regex: /^\$argon2(?:id|i|d)\$(?:v=\d+\$)?m=\d+,t=\d+,p=\d+\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/ },
  { name: 'scrypt or yescrypt', regex: new RegExp(`^\\$(?:scrypt|7|y|gy)\\$[^\\s$]+(?:\\$[^\\s$]+){1,3}$`) },
  { name: 'sha-crypt', regex: new RegExp(`^\\$[56]\\$(?:rounds=\\d+\\$)?${B64}{1,16}\\$${B64}{43,86}$`) },
  { name: 'md5-crypt', regex: new RegExp(`^\\$(?:1|apr1)\\$${B64}{1,8}\\$${B64}{22}$`) },
  { name: 'phpass', regex: new RegExp(`^\\$[PH]\\$${B64}{31}$`) },
  { name: 'PBKDF2 (Django, passlib, Werkzeug)', regex: /^(?:pbkdf2_sha(?:1|256|512)\$\d+\$[^\s$]+\$[A-Za-z0-9+/=]+|\$pbkdf2(?:-sha(?:256|512))?\$\d+\$[./A-Za-z0-9+]+\$[./A-Za-z0-9+]+|pbkdf2:sha(?:1|256|512):\d+\$[^\s$]+\$[0-9a-f]+)$/ },
  { name: 'Django argon2/bcrypt wrapper', regex: /^(?:argon2\$argon2(?:id|i|d)|bcrypt(?:_sha256)?\$\$2[aby])\$\S+$/ },
  { name: 'LDAP scheme', regex: /^\{(?:SSHA|SHA|SSHA256|SSHA512|SHA256|SHA512|MD5|SMD5|CRYPT|PBKDF2[-\w]*)\}\S{8,}$/i },
];
const HEX_DIGEST = /^(?:[0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{64}|[0-9a-f]{128})$/i;
const PASSWORD_WORDS: ReadonlySet<string> = new Set([
  'password', 'passwd', 'passcode', 'pass', 'passwort', 'kennwort', 'mdp', 'motdepasse', 'contrasena', 'contraseña',
  'senha', 'wachtwoord', 'parola', 'pin',
]);
const HASH_WORDS: ReadonlySet<string> = new Set(['hash', 'hashed', 'digest', 'crypt', 'encrypted']);

const formats = defineRecognizer({
  id: 'password-hash',
  category: CATEGORY.password,
  noun: 'password hashes',
  patterns: [
    ...FORMATS.map((f) => ({ name: f.name, regex: f.regex, score: 1 })),
    { name: 'hex digest (needs a password column name)', regex: HEX_DIGEST, score: 0, contextScore: 0.9 },
  ],
  context: [...PASSWORD_WORDS],
  // Every format has a '$' or opens with '{'; a digest is hex digits only.
  prefilter: (value: string) => value.length >= 20 && value.length <= 512 && !value.includes(' ') && (value.includes('$') || value.charCodeAt(0) === 123 || isHex(value)),
});

function isHex(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (!((code >= 48 && code <= 57) || (code >= 97 && code <= 102) || (code >= 65 && code <= 70))) return false;
  }
  return true;
}

/** Words that end a name of a column holding passwords themselves (not `pin`, `pass`: PIN codes and passes are other things too). */
const PLAIN_PASSWORD_WORDS: ReadonlySet<string> = new Set([
  'password', 'passwd', 'passcode', 'passphrase', 'passwort', 'kennwort', 'mdp', 'motdepasse', 'contrasena', 'contraseña', 'senha', 'wachtwoord',
]);
/** What a typed password looks like: one token of 3-128 printable characters. */
const PLAIN_PASSWORD = /^[^\s]{3,128}$/;
const PLAIN_SCORE = 0.6;
const FULL_TRUST_DISTINCT = 5;

/**
 * Plain-text passwords: a column named for passwords (the last word: `password`, `user_pwd`, not
 * `password_hint`) whose values are not hashes but short tokens. Undefined when the name does not say
 * password or the values do not look typed.
 */
function plainTextPasswords(values: PreparedValues, options: EvaluateOptions) {
  const rawName = options.column?.input.column.name;
  const tokens = rawName ? tokenizeName(rawName) : (options.nameTokens ?? []);
  const last = tokens[tokens.length - 1];
  if (!last || !PLAIN_PASSWORD_WORDS.has(last)) return undefined;
  let plain = 0;
  let distinct = 0;
  for (let i = 0; i < values.distinct.length; i++) {
    const value = values.distinct[i];
    if (!PLAIN_PASSWORD.test(value) || HEX_DIGEST.test(value) || FORMATS.some((f) => f.regex.test(value))) continue;
    plain += values.counts[i];
    distinct++;
  }
  if (distinct === 0) return undefined;
  const trust = distinct >= FULL_TRUST_DISTINCT ? 1 : 0.6 + (0.4 * distinct) / FULL_TRUST_DISTINCT;
  const share = plain / values.total;
  return {
    factor: 'values' as const,
    category: CATEGORY.password,
    source: 'password-hash',
    score: round3(PLAIN_SCORE * share * trust),
    reason: `${percent(share)} of ${values.total} sampled values are not hashes but short text in a column named for passwords: plain-text passwords${distinct < FULL_TRUST_DISTINCT ? `; only ${distinct} distinct` : ''}`,
  };
}

/** The hash evidence, or plain-text evidence when it is stronger. */
function withPlainText(found: Evidence | undefined, values: PreparedValues, options: EvaluateOptions): Evidence[] {
  const plain = !found || found.score < PLAIN_SCORE ? plainTextPasswords(values, options) : undefined;
  if (plain && (!found || plain.score > found.score)) return [plain];
  return found ? [found] : [];
}

/** Hex digests in a `hash` column of a table of people are password hashes too (a `file_hash` of products is not). */
function recognizeHashes(values: PreparedValues, options: EvaluateOptions) {
  const tokens = options.nameTokens ?? [];
  const hashWord = hasWord(tokens, HASH_WORDS);
  const personTable = options.column?.tableSubject === 'person';
  if (hashWord && personTable && !hasWord(tokens, PASSWORD_WORDS)) {
    const found = evaluateRecognizer(formats, values, { ...options, nameTokens: [...tokens, 'password'] });
    if (!found || found.score === 0) return found ? [found] : [];
    return [{ ...found, reason: `${found.reason}; a '${hashWord}' column of table '${options.column!.input.table.name}', which holds people` }];
  }
  return withPlainText(evaluateRecognizer(formats, values, options), values, options);
}

export const passwordHashRecognizer: ValueRecognizer = { ...formats, recognizeColumn: recognizeHashes };
