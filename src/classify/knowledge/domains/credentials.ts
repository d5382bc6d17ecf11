/**
 * A person's means of signing in: second factors, passkeys, tokens, recovery codes. The secrets in
 * such rows (hashes, salts, keys, nonces, passcodes) are credentials even when their names are plain.
 */
import type { DomainEntry } from './types.js';

export const credentials: DomainEntry = {
  key: 'credentials',
  label: 'authentication',
  category: 'user.authorization.credentials',
  score: 0.7,
  covers: ['secret'],
  words: {
    en: ['twofactor', '2fa', 'mfa', 'otp', 'totp', 'webauthn', 'passkey', 'credential', 'token', 'authtoken', 'recovery', 'backupcode', 'grant', 'authorization', 'authentication', 'password', 'apikey', 'u2f', 'fido'],
    de: ['anmeldung', 'zugangsdaten', 'kennwort'],
    fr: ['jeton', 'authentification', 'identifiant'],
    es: ['autenticacion', 'credencial'],
    pt: ['autenticacao', 'credencial'],
  },
  sharedWords: { en: ['session', 'key', 'secret', 'login', 'auth'] },
};
