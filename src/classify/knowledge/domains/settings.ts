/**
 * How a person set up their account: the rows of a person's settings or preferences table (a user's
 * web settings, a member's notification preferences) and such a column on a person's own row. Only
 * rows that belong to a person take it: the application's own settings tables stay its own.
 */
import type { DomainEntry } from './types.js';

export const settings: DomainEntry = {
  key: 'settings',
  label: 'account settings',
  category: 'user.account.settings',
  score: 0.55,
  covers: ['code', 'text', 'flag', 'quantity'],
  // A key-value preference row: the key, the app or section it belongs to name the setting; the value is the person's.
  entryKeyWords: ['key', 'name', 'app', 'appid', 'application', 'module', 'section', 'scope', 'namespace', 'category', 'group', 'configkey', 'setting', 'preference', 'property', 'option', 'param', 'parameter'],
  words: {
    en: ['setting', 'settings', 'preference', 'preferences', 'prefs', 'usersetting', 'usersettings', 'userpreference', 'userpreferences'],
    de: ['einstellung', 'einstellungen', 'benutzereinstellungen', 'praeferenz', 'praeferenzen'],
    fr: ['preference', 'preferences', 'reglage', 'reglages'],
    es: ['preferencia', 'preferencias', 'ajustes'],
    pt: ['preferencia', 'preferencias', 'configuracoes'],
    it: ['preferenza', 'preferenze', 'impostazioni'],
    nl: ['voorkeur', 'voorkeuren', 'instellingen'],
  },
};
