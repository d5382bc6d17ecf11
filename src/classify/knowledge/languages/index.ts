/**
 * Every language piiscout reads column and table names in, besides English. Adding a language is
 * one new file beside this one and one line here. The order decides which translation wins when
 * two languages share a word with different meanings (the earlier one).
 */
import { da } from './da.js';
import { de } from './de.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { it } from './it.js';
import { ja } from './ja.js';
import { ko } from './ko.js';
import { nl } from './nl.js';
import { no } from './no.js';
import { pl } from './pl.js';
import { pt } from './pt.js';
import { ptBR } from './pt-br.js';
import { ptPT } from './pt-pt.js';
import { sv } from './sv.js';
import { tr } from './tr.js';
import { zh } from './zh.js';
import type { LanguageEntry } from './types.js';

export type { LanguageEntry, Phrase, WordMap } from './types.js';

export const LANGUAGES: readonly LanguageEntry[] = [de, fr, es, nl, pt, ptBR, ptPT, it, pl, sv, da, no, tr, ja, ko, zh];
