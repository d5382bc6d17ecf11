/** Norwegian (bokmål) column- and table-name words (`æ` folds to `ae`, `ø` to `o`, `å` to `a`). */
import { FIRST, LAST, DOB, POSTAL, MOBILE, DRIVERS, BANK_ACCOUNT } from './english.js';
import type { LanguageEntry } from './types.js';

export const no: LanguageEntry = {
  code: 'no',
  name: 'Norwegian',
  words: {
    fornavn: FIRST, etternavn: LAST, mellomnavn: ['middle', 'name'], navn: ['name'], fodselsnummer: ['national', 'id'],
    personnummer: ['personnummer'], fodselsdato: DOB, fodselsdag: ['birthday'], telefon: ['phone'], telefonnummer: ['phone', 'number'],
    mobil: ['mobile'], mobilnummer: ['mobile', 'number'], mobiltelefon: MOBILE, adresse: ['address'], gateadresse: ['street', 'address'],
    gatenavn: ['street', 'name'], husnummer: ['house', 'number'], postnummer: POSTAL, postnr: POSTAL, poststed: ['city'],
    sted: ['city'], kommune: ['city'], fylke: ['province'], kjonn: ['gender'], epost: ['email'], epostadresse: ['email', 'address'],
    passord: ['password'], brukernavn: ['username'], bruker: ['user'], brukere: ['user'], kunde: ['customer'], kunder: ['customer'],
    ansatt: ['employee'], ansatte: ['employee'], pasient: ['patient'], pasienter: ['patient'], medlem: ['member'],
    medlemmer: ['member'], elever: ['student'], stilling: ['job', 'title'], yrke: ['occupation'], bedrift: ['company'],
    firma: ['company'], leverandor: ['supplier'], produkt: ['product'], faktura: ['invoice'], kontonummer: BANK_ACCOUNT,
    lonn: ['salary'], statsborgerskap: ['nationality'], sprak: ['language'], sivilstand: ['marital', 'status'],
    passnummer: ['passport', 'number'], forerkort: DRIVERS,
    // Who did something to a record (`opprettet_av`, created by).
    opprettet: ['created'], endret: ['changed'], oppdatert: ['updated'], godkjent: ['approved'], signert: ['signed'],
    behandlet: ['handled'], slettet: ['deleted'],
  },
  ambiguous: {
    // `av` (by) after an action word: `opprettet_av`.
    av: ['by'],
    // `gate` (street), `land`, `elev` are English words too.
    gate: ['street'], alder: ['age'], land: ['country'], elev: ['student'],
  },
  letters: { æ: 'ae', ø: 'o' },
  endings: [['ene', ''], ['er', ''], ['e', ''], ['r', '']],
};
