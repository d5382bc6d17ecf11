/**
 * Every language piiscout reads column and table names in, besides English. Adding a language is
 * one new file beside this one and one line here. The order decides which translation wins when
 * two languages share a word with different meanings (the earlier one).
 */
import { de } from './de.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { it } from './it.js';
import { nl } from './nl.js';
import { pt } from './pt.js';
import type { LanguageEntry } from './types.js';

export type { LanguageEntry, Phrase, WordMap } from './types.js';

export const LANGUAGES: readonly LanguageEntry[] = [de, fr, es, nl, pt, it];
