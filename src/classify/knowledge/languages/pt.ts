/** Portuguese column- and table-name words shared by Brazil and Portugal (pt-br.ts and pt-pt.ts have the rest). */
import { LAST, DOB, POSTAL, DRIVERS, BANK_ACCOUNT } from './english.js';
import type { LanguageEntry } from './types.js';

export const pt: LanguageEntry = {
  code: 'pt',
  name: 'Portuguese',
  words: {
    privacidade: ['privacy'], aceita: ['accepts'], receber: ['receive'], novidades: ['news'],
    nome: ['name'], nomes: ['name'], primeiro: ['first'], ultimo: ['last'], completo: ['full'], mae: ['mother'], pai: ['father'],
    conjuge: ['spouse'], endereco: ['address'], rua: ['street'], numero: ['number'], cidade: ['city'], localidade: ['city'],
    municipio: ['city'], pais: ['country'], telefone: ['phone'], nascimento: ['birth'], nasc: ['birth'], naturalidade: ['birth', 'place'],
    nacionalidade: ['nationality'], religiao: ['religion'], lingua: ['language'], idioma: ['language'], sexo: ['gender'],
    genero: ['gender'], senha: ['password'], profissao: ['occupation'], ocupacao: ['occupation'], salario: ['salary'],
    funcionario: ['employee'], empregado: ['employee'], colaborador: ['employee'], pessoa: ['person'], cliente: ['customer'],
    paciente: ['patient'], aluno: ['student'], estudante: ['student'], socio: ['member'], titular: ['holder'],
    fornecedor: ['supplier'], empresa: ['company'], produto: ['product'], pedido: ['order'], fatura: ['invoice'],
    passaporte: ['passport'], conta: ['account'], bancaria: ['bank'], banco: ['bank'], cartao: ['card'], credito: ['credit'],
    idade: ['age'], carteira: ['permit'], motorista: ['driver'], conducao: ['driving'], correio: ['email'],
    eletronico: ['electronic'], electronico: ['electronic'], contato: ['contact'], contacto: ['contact'], emissor: ['issued'],
    emissao: ['issued'], expedicao: ['issued'],
    preco: ['price'], quantidade: ['quantity'], saldo: ['balance'], montante: ['amount'], vencimento: ['due'],
    pagamento: ['payment'], cadastro: ['registration'], lancamento: ['booking'], contabil: ['booking'],
    armazem: ['warehouse'], loja: ['store'], filial: ['branch'],
  },
  phrases: [
    [['nome', 'usuario'], ['username']],
    [['nome', 'utilizador'], ['username']],
    [['estado', 'civil'], ['marital', 'status']],
    [['correio', 'eletronico'], ['email']],
    [['correio', 'electronico'], ['email']],
    [['codigo', 'postal'], POSTAL],
    [['carteira', 'motorista'], DRIVERS],
    [['carta', 'conducao'], DRIVERS],
    [['data', 'nascimento'], DOB],
    [['data', 'nasc'], DOB],
    [['nome', 'completo'], ['full', 'name']],
    [['ultimo', 'nome'], LAST],
    [['conta', 'bancaria'], BANK_ACCOUNT],
    [['razao', 'social'], ['company', 'name']],
    [['nome', 'fantasia'], ['company', 'name']],
  ],
  ambiguous: {
    // `data` is a date here, data in English.
    data: ['date'],
  },
  connectors: ['de', 'da', 'do', 'dos', 'das'],
  endings: [['es', '']],
};
