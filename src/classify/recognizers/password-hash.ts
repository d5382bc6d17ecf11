/**
 * Password hashes in the formats password libraries write: bcrypt ($2a/$2b/$2y$), argon2, scrypt,
 * yescrypt, PBKDF2 (Django, passlib, Werkzeug), sha-crypt ($5$/$6$), md5-crypt, phpass and LDAP
 * {SSHA}. Bare hex digests (MD5/SHA-1/SHA-256/SHA-512 lengths) count only in a column named for
 * passwords, or a hash column of a table of people: an MD5 of anything looks the same.
 */
import { CATEGORY } from '../categories.js';
import { hasWord } from './column-context.js';
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
  prefilter: (value: string) => value.length >= 20 && value.length <= 512 && !value.includes(' '),
});

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
  const found = evaluateRecognizer(formats, values, options);
  return found ? [found] : [];
}

export const passwordHashRecognizer: ValueRecognizer = { ...formats, recognizeColumn: recognizeHashes };
