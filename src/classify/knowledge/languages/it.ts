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
    carta: ['card'], conto: ['account'], latitudine: ['latitude'], longitudine: ['longitude'],
    codice: ['code'], fiscale: ['fiscal'], datore: ['employer'], lavoro: ['work'],
    iva: ['vat'], guida: ['driving'], nome: ['name'], nominativo: ['full', 'name'], cliente: ['customer'], fornitore: ['supplier'],
    studente: ['student'], alunno: ['student'], socio: ['member'], piva: ['vat', 'number'], anagrafica: ['registry'],
    domicilio: ['address'], residenza: ['address'], madre: ['mother'], padre: ['father'], coniuge: ['spouse'],
    titolare: ['holder'], intestatario: ['holder'], numero: ['number'],
    importo: ['amount'], prezzo: ['price'], quantita: ['quantity'], saldo: ['balance'], scadenza: ['expiry'],
    pagamento: ['payment'], emissione: ['issued'], registrazione: ['registration'], valuta: ['effective'],
    magazzino: ['warehouse'], negozio: ['store'], filiale: ['branch'],
    // The parties of an invoice or a payment: names, titles and roles.
    denominazione: ['company', 'name'], titolo: ['title'], beneficiario: ['beneficiary'], destinatario: ['recipient'],
    mittente: ['sender'], acquirente: ['buyer'], committente: ['customer'], venditore: ['seller'], debitore: ['debtor'],
    creditore: ['creditor'], rappresentante: ['representative'], cognomi: LAST, nomi: ['name'],
    sede: ['registered'], frazione: ['city'], recapito: ['address'],
  },
  ambiguous: {
    // `eta` is also an English estimated time of arrival, `data` English data; `cf` the codice fiscale; `pec` certified e-mail.
    eta: ['age'], cf: ['national', 'id'], pec: ['email'], data: ['date'],
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
    [['ragione', 'sociale'], ['company', 'name']],
    [['conto', 'corrente'], ['bank', 'account']],
  ],
  connectors: ['di', 'da', 'del', 'della', 'dello'],
  endings: [['i', 'e'], ['i', 'o'], ['i', 'a']],
};
