/** European Portuguese words (pt.ts has those shared with Brazil). */
import { LAST, MOBILE, SSN } from './english.js';
import type { LanguageEntry } from './types.js';

export const ptPT: LanguageEntry = {
  code: 'pt-PT',
  name: 'Portuguese (Portugal)',
  words: {
    apelido: LAST, apelidos: LAST, telemovel: MOBILE, morada: ['address'], concelho: ['city'], freguesia: ['neighborhood'],
    distrito: ['district'], utilizador: ['user'], contribuinte: ['tax', 'id'], niss: SSN,
  },
  phrases: [
    [['palavra', 'passe'], ['password']],
    [['cartao', 'cidadao'], ['id', 'card']],
  ],
  endings: [['es', '']],
};
