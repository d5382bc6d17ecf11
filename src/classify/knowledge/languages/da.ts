/** Danish column- and table-name words (`æ` folds to `ae`, `ø` to `o`, `å` to `a`). */
import { FIRST, LAST, DOB, POSTAL, MOBILE, DRIVERS, BANK_ACCOUNT } from './english.js';
import type { LanguageEntry } from './types.js';

export const da: LanguageEntry = {
  code: 'da',
  name: 'Danish',
  words: {
    fornavn: FIRST, efternavn: LAST, mellemnavn: ['middle', 'name'], navn: ['name'], cprnr: ['national', 'id'],
    cprnummer: ['national', 'id'], fodselsdato: DOB, fodselsdag: ['birthday'], telefon: ['phone'], telefonnummer: ['phone', 'number'],
    telefonnr: ['phone', 'number'], mobil: ['mobile'], mobilnummer: ['mobile', 'number'], mobiltelefon: MOBILE, adresse: ['address'],
    gade: ['street'], gadenavn: ['street', 'name'], vej: ['street'], vejnavn: ['street', 'name'], husnummer: ['house', 'number'],
    postnummer: POSTAL, postnr: POSTAL, bynavn: ['city'], kommune: ['city'], adgangskode: ['password'],
    kodeord: ['password'], brugernavn: ['username'], bruger: ['user'], brugere: ['user'], kunde: ['customer'],
    kunder: ['customer'], medarbejder: ['employee'], medarbejdere: ['employee'], ansat: ['employee'], ansatte: ['employee'],
    medlem: ['member'], medlemmer: ['member'], elever: ['student'], stilling: ['job', 'title'], virksomhed: ['company'],
    firma: ['company'], leverandor: ['supplier'], produkt: ['product'], faktura: ['invoice'], kontonummer: BANK_ACCOUNT,
    nationalitet: ['nationality'], statsborgerskab: ['nationality'], sprog: ['language'], civilstand: ['marital', 'status'],
    pasnummer: ['passport', 'number'], korekort: DRIVERS, loen: ['salary'], epost: ['email'],
    // Who did something to a record (`oprettet_af`, created by).
    oprettet: ['created'], aendret: ['changed'], opdateret: ['updated'], godkendt: ['approved'], underskrevet: ['signed'],
    behandlet: ['handled'], slettet: ['deleted'],
  },
  ambiguous: {
    // `by` (town), `land`, `elev` are English words too; `kon` is `køn`; `cpr` also a first-aid flag.
    af: ['by'], by: ['city'], kon: ['gender'], alder: ['age'], land: ['country'], cpr: ['national', 'id'], elev: ['student'], pas: ['passport'],
  },
  letters: { æ: 'ae', ø: 'o' },
  endings: [['erne', ''], ['er', ''], ['e', ''], ['r', '']],
};
