/** Swedish column- and table-name words (`å`, `ä`, `ö` fold to `a`, `a`, `o`). */
import { FIRST, LAST, DOB, POSTAL, MOBILE, DRIVERS, BANK_ACCOUNT } from './english.js';
import type { LanguageEntry } from './types.js';

export const sv: LanguageEntry = {
  code: 'sv',
  name: 'Swedish',
  words: {
    fornamn: FIRST, efternamn: LAST, mellannamn: ['middle', 'name'], namn: ['name'], personnummer: ['personnummer'],
    personnr: ['personnummer'], samordningsnummer: ['national', 'id'], fodelsedatum: DOB, fodelsedag: ['birthday'],
    fodd: ['birth', 'date'], telefon: ['phone'], telefonnummer: ['phone', 'number'], mobil: ['mobile'], mobilnummer: ['mobile', 'number'],
    mobiltelefon: MOBILE, gatuadress: ['street', 'address'], gata: ['street'], gatan: ['street'],
    postnummer: POSTAL, postnr: POSTAL, postort: ['city'], ort: ['city'], stad: ['city'], kommun: ['city'], epost: ['email'],
    epostadress: ['email', 'address'], losenord: ['password'], anvandare: ['user'], anvandarnamn: ['username'], kund: ['customer'],
    kunder: ['customer'], anstalld: ['employee'], anstallda: ['employee'], medlem: ['member'],
    medlemmar: ['member'], elever: ['student'], yrke: ['occupation'], titel: ['title'], foretag: ['company'],
    leverantor: ['supplier'], produkt: ['product'], faktura: ['invoice'], kontonummer: BANK_ACCOUNT, bankkonto: ['bank', 'account'],
    manadslon: ['salary'], nationalitet: ['nationality'], medborgarskap: ['nationality'], sprak: ['language'],
    civilstand: ['marital', 'status'], passnummer: ['passport', 'number'], korkort: DRIVERS,
    // Who did something to a record (`skapad_av`, created by; `signerad_av`, signed by).
    skapad: ['created'], skapat: ['created'], andrad: ['changed'], andrat: ['changed'], uppdaterad: ['updated'], signerad: ['signed'],
    signerat: ['signed'], hanterad: ['handled'], hanterat: ['handled'], godkand: ['approved'], raderad: ['deleted'], sparad: ['updated'],
    registrerad: ['entered'], tilldelad: ['assigned'],
  },
  ambiguous: {
    // English words or abbreviations too (`alder`, `land`, `lan`, `elev`), or a common English misspelling
    // (`adress`); `kon` is `kön`.
    adress: ['address'], kon: ['gender'], alder: ['age'], land: ['country'], lan: ['province'], elev: ['student'],
    // `av` (by) after an action word: `skapad_av`.
    av: ['by'],
  },
  endings: [['er', ''], ['ar', ''], ['or', 'a'], ['na', ''], ['a', '']],
};
