/** Brazilian Portuguese words (pt.ts has those shared with Portugal). */
import { LAST, MOBILE, POSTAL, DRIVERS, SSN } from './english.js';
import type { LanguageEntry } from './types.js';

export const ptBR: LanguageEntry = {
  code: 'pt-BR',
  name: 'Portuguese (Brazil)',
  words: {
    sobrenome: LAST, sobrenomes: LAST, cep: POSTAL, logradouro: ['street'], bairro: ['neighborhood'], celular: MOBILE,
    fone: ['phone'], usuario: ['user'], cnh: DRIVERS, cpf: ['national', 'id'], cnpj: ['cnpj'], pasep: SSN,
  },
  ambiguous: {
    // In Brazil `apelido` is a nickname (in Portugal a surname: pt-pt.ts).
    apelido: ['nickname'], uf: ['state'], estado: ['state'], rg: ['id', 'card'], complemento: ['address', 'line'], pis: SSN, valor: ['amount'],
  },
  endings: [['es', '']],
};
