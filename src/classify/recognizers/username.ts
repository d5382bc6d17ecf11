/**
 * Usernames and handles (j.smith, jsmith42, @handle). Almost any short token has this shape (codes,
 * slugs, first names), so a bare handle scores weakly; a column named user, login, handle, benutzername,
 * pseudo… makes it count. An @ prefix is the one shape that speaks for itself.
 */
import { CATEGORY } from '../categories.js';
import { defineRecognizer } from './recognizer.js';
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

export const usernameRecognizer = defineRecognizer({
  id: 'username',
  category: CATEGORY.username,
  noun: 'usernames or handles',
  // Necessary for a valid handle: a letter or a non-ASCII digit (values of digits, dots, dashes and underscores fail validation).
  gate: { any: TRAIT.letter | TRAIT.nonAscii },
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
    if (isNumberOrVersion(bare)) return false;
    return handle || TYPICAL.test(bare) ? 1 : 0.85;
  },
});
