/**
 * Usernames and handles (j.smith, jsmith42, @handle). Almost any short token has this shape (codes,
 * slugs, first names), so a bare handle scores weakly; a column named user, login, handle, benutzername,
 * pseudo… makes it count. An @ prefix is the one shape that speaks for itself.
 */
import { CATEGORY } from '../categories.js';
import { defineRecognizer } from './recognizer.js';

const AT_HANDLE = /^@[\p{L}\p{N}_](?:[\p{L}\p{N}._-]{0,29}[\p{L}\p{N}_])?$/u;
const HANDLE = /^[\p{L}\p{N}](?:[\p{L}\p{N}._-]{0,30}[\p{L}\p{N}_])?$/u;
/** Letters followed by digits, or dotted/underscored names: the common username shapes. */
const TYPICAL = /^\p{L}[\p{L}]*\d+$|^\p{L}+[._-]\p{L}+\d*$/u;

export const usernameRecognizer = defineRecognizer({
  id: 'username',
  category: CATEGORY.username,
  noun: 'usernames or handles',
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
    const bare = value.startsWith('@') ? value.slice(1) : value;
    if (/^\d+$/.test(bare) || /^[\d._-]+$/.test(bare)) return false; // numbers and versions
    return value.startsWith('@') || TYPICAL.test(bare) ? 1 : 0.85;
  },
});
