/**
 * API tokens and secrets: vendor prefixes that identify a token on their own (GitHub ghp_/gho_…,
 * Slack xox?-, Stripe sk_live_, AWS AKIA/ASIA, Google AIza, GitLab glpat-, npm_, SendGrid SG.) and
 * JSON Web Tokens; any long high-entropy base64 or hex string only in a column named for tokens,
 * secrets or API keys (random ids look the same).
 */
import { CATEGORY } from '../categories.js';
import { defineRecognizer } from './recognizer.js';
import { looksRandom } from './uuid.js';
import { TRAIT } from './value-traits.js';

const PREFIXED = new RegExp(
  [
    'gh[pousr]_[A-Za-z0-9]{36,255}',
    'github_pat_[A-Za-z0-9_]{60,255}',
    'xox[abposr]-[A-Za-z0-9-]{10,250}',
    '(?:sk|pk|rk)_(?:live|test)_[A-Za-z0-9]{16,255}',
    '(?:AKIA|ASIA|AGPA|AIDA|AROA)[A-Z0-9]{16}',
    'AIza[0-9A-Za-z_-]{35}',
    'glpat-[A-Za-z0-9_-]{20,}',
    'npm_[A-Za-z0-9]{36}',
    'SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}',
    'sk-(?:proj-|ant-)?[A-Za-z0-9_-]{20,}',
  ].map((p) => `(?:${p})`).join('|').replace(/^/, '^(?:').concat(')$'),
);
// The signature may be cut off: samples keep at most 512 characters of a value.
const JWT = /^eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}(?:\.[A-Za-z0-9_-]*)?$/;
const HIGH_ENTROPY = /^(?:Bearer\s+)?[A-Za-z0-9+/_.=-]{20,512}$/;
/** Bits per character: random base64 has ~5.5-6, hex ~4, English-like identifiers ~3. */
const MIN_ENTROPY = 3.5;

export const apiTokenRecognizer = defineRecognizer({
  id: 'api-token',
  category: CATEGORY.credentials,
  noun: 'API tokens or secrets',
  // No pattern allows an @, a colon or a comma.
  gate: { none: TRAIT.at | TRAIT.colon | TRAIT.comma },
  patterns: [
    { name: 'vendor token prefix', regex: PREFIXED, score: 1 },
    { name: 'JSON Web Token', regex: JWT, score: 1 },
    { name: 'high-entropy string (needs a token/secret column name)', regex: HIGH_ENTROPY, score: 0, contextScore: 0.9 },
  ],
  context: ['token', 'secret', 'apikey', 'api', 'bearer', 'credential', 'credentials', 'auth', 'oauth', 'jwt', 'session', 'access', 'refresh', 'private'],
  prefilter: (value: string) => value.length >= 20 && value.length <= 4096 && !/\s/.test(value.replace(/^Bearer\s+/, '')),
  validate: (value: string) => {
    if (PREFIXED.test(value) || JWT.test(value)) return true;
    const bare = value.replace(/^Bearer\s+/, '');
    return looksRandom(bare, MIN_ENTROPY);
  },
});
