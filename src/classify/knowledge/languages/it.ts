/** Italian column- and table-name words. */
import { LAST, DOB, POSTAL, MOBILE, DRIVERS } from './english.js';
import type { LanguageEntry } from './types.js';

export const it: LanguageEntry = {
  code: 'it',
  name: 'Italian',
  words: {
    cognome: LAST, persone: ['person'], nascita: ['birth'], luogo: ['place'], indirizzo: ['address'], civico: ['house', 'number'],
    citta: ['city'], comune: ['city'], localita: ['city'], provincia: ['province'], regione: ['region'], paese: ['country'],
    nazione: ['country'], telefono: ['phone'], cellulare: MOBILE, posta: ['mail'], elettronica: ['electronic'], sesso: ['gender'],
    genere: ['gender'], nazionalita: ['nationality'], cittadinanza: ['nationality'], religione: ['religion'], lingua: ['language'],
    utente: ['user'], utenti: ['user'], clienti: ['customer'], dipendenti: ['employee'], pazienti: ['patient'], prodotti: ['product'], stipendio: ['salary'], retribuzione: ['salary'], mansione: ['job', 'title'], qualifica: ['job', 'title'],
    professione: ['occupation'], azienda: ['company'], ditta: ['company'], dipendente: ['employee'], paziente: ['patient'],
    prodotto: ['product'], articolo: ['item'], ordine: ['order'], fattura: ['invoice'], passaporto: ['passport'],
    carta: ['card'], conto: ['account'], eta: ['age'], latitudine: ['latitude'], longitudine: ['longitude'],
    codice: ['code'], fiscale: ['fiscal'], datore: ['employer'], lavoro: ['work'],
    iva: ['vat'], guida: ['driving'],
  },
  phrases: [
    [['nome', 'utente'], ['username']],
    [['stato', 'civile'], ['marital', 'status']],
    [['posta', 'elettronica'], ['email']],
    [['codice', 'postale'], POSTAL],
    [['codice', 'fiscale'], ['national', 'id']],
    [['partita', 'iva'], ['vat', 'number']],
    [['patente', 'guida'], DRIVERS],
    [['datore', 'lavoro'], ['employer']],
    [['data', 'nascita'], DOB],
    [['luogo', 'nascita'], ['birth', 'place']],
  ],
  connectors: ['di', 'da', 'del', 'della', 'dello'],
};
