/** Portuguese column- and table-name words. */
import { LAST, DOB, POSTAL, MOBILE, DRIVERS } from './english.js';
import type { LanguageEntry } from './types.js';

export const pt: LanguageEntry = {
  code: 'pt',
  name: 'Portuguese',
  words: {
    nome: ['name'], primeiro: ['first'], sobrenome: LAST, apelido: LAST, ultimo: ['last'], completo: ['full'],
    endereco: ['address'], rua: ['street'], logradouro: ['street'], bairro: ['district'], cidade: ['city'], localidade: ['city'],
    cep: POSTAL, telefone: ['phone'], fone: ['phone'], telemovel: MOBILE, nascimento: ['birth'],
    nacionalidade: ['nationality'], religiao: ['religion'], lingua: ['language'], senha: ['password'], profissao: ['occupation'],
    funcionario: ['employee'], empregado: ['employee'], colaborador: ['employee'], pessoa: ['person'], produto: ['product'],
    fatura: ['invoice'], passaporte: ['passport'], conta: ['account'], cartao: ['card'], idade: ['age'], cnh: DRIVERS,
    carteira: ['permit'], motorista: ['driver'], conducao: ['driving'], correio: ['email'], eletronico: ['electronic'],
  },
  phrases: [
    [['nome', 'usuario'], ['username']],
    [['estado', 'civil'], ['marital', 'status']],
    [['correio', 'eletronico'], ['email']],
    [['codigo', 'postal'], POSTAL],
    [['carteira', 'motorista'], DRIVERS],
    [['carta', 'conducao'], DRIVERS],
    [['data', 'nascimento'], DOB],
    [['nome', 'completo'], ['full', 'name']],
    [['ultimo', 'nome'], LAST],
  ],
  connectors: ['de', 'da', 'do'],
};
