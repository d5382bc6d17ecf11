/** German column- and table-name words. */
import { FIRST, LAST, DOB, POSTAL, PHONE_NUMBER, MOBILE, DRIVERS, BANK_ACCOUNT, SSN } from './english.js';
import type { LanguageEntry } from './types.js';

export const de: LanguageEntry = {
  code: 'de',
  name: 'German',
  words: {
    vorname: FIRST, rufname: FIRST, nachname: LAST, familienname: LAST, zuname: LAST, geburtsname: ['maiden', 'name'],
    geburtsdatum: DOB, geburtstag: ['birthday'], geburtsjahr: ['year', 'of', 'birth'], geburtsort: ['birth', 'place'], geburts: ['birth'],
    datum: ['date'], strasse: ['street'], hausnummer: ['house', 'number'], hausnr: ['house', 'number'], adresse: ['address'],
    adressen: ['address'], anschrift: ['address'], wohnort: ['city'], ort: ['city'], stadt: ['city'], gemeinde: ['city'],
    plz: POSTAL, postleitzahl: POSTAL, bundesland: ['state'], telefon: ['phone'], telefonnummer: PHONE_NUMBER,
    handy: MOBILE, mobil: ['mobile'], handynummer: ['mobile', 'number'], mobilnummer: ['mobile', 'number'], emailadresse: ['email', 'address'],
    geschlecht: ['gender'], anrede: ['salutation'], staatsangehoerigkeit: ['nationality'], staatsangehorigkeit: ['nationality'],
    nationalitaet: ['nationality'], konfession: ['religion'], familienstand: ['marital', 'status'], sprache: ['language'],
    muttersprache: ['language'], beruf: ['occupation'], berufsbezeichnung: ['job', 'title'], stellenbezeichnung: ['job', 'title'],
    gehalt: ['salary'], lohn: ['salary'], einkommen: ['income'], kontonummer: BANK_ACCOUNT, konto: ['account'],
    bankverbindung: ['bank', 'account'], steuer: ['tax'], steuernummer: ['tax', 'number'], steueridentifikationsnummer: ['tax', 'id'],
    sozialversicherungsnummer: SSN, rentenversicherungsnummer: SSN, versichertennummer: ['health', 'insurance', 'number'],
    krankenversicherungsnummer: ['health', 'insurance', 'number'], krankenkasse: ['health', 'insurance'],
    personalausweis: ['id', 'card'], personalausweisnummer: ['id', 'card', 'number'], ausweisnummer: ['id', 'card', 'number'],
    reisepass: ['passport'], reisepassnummer: ['passport', 'number'], passnummer: ['passport', 'number'],
    fuehrerschein: DRIVERS, fuhrerschein: DRIVERS, fuehrerscheinnummer: [...DRIVERS, 'number'], benutzername: ['username'],
    benutzer: ['user'], anmeldename: ['username'], passwort: ['password'], kennwort: ['password'], breitengrad: ['latitude'],
    laengengrad: ['longitude'], langengrad: ['longitude'], kunde: ['customer'], kunden: ['customer'], mitarbeiter: ['employee'],
    angestellter: ['employee'], personalnummer: ['employee', 'number'], mitglied: ['member'], firma: ['company'],
    unternehmen: ['company'], arbeitgeber: ['employer'], produkt: ['product'], artikel: ['item'], kategorie: ['category'],
    produkte: ['product'], bestellung: ['order'], bestellungen: ['order'], rechnungen: ['invoice'], mitglieder: ['member'], rechnung: ['invoice'], nummer: ['number'], diagnose: ['diagnosis'], krankheit: ['disease'],
    blutgruppe: ['blood', 'type'], umsatzsteuer: ['vat'], ustid: ['vat', 'id'], ust: ['vat'],
    lieferant: ['supplier'], schueler: ['student'], schuler: ['student'], personen: ['person'], ehepartner: ['spouse'],
    betrag: ['amount'], preis: ['price'], menge: ['quantity'], anzahl: ['count'], saldo: ['balance'], buchung: ['booking'],
    buchungsdatum: ['booking', 'date'], valutadatum: ['effective', 'date'], wertstellung: ['effective', 'date'], faelligkeit: ['due'],
    lager: ['warehouse'], filiale: ['branch'], standort: ['location'],
  },
  ambiguous: {
    // English words too (`land_use`, `alter_table`): German only in German tables.
    land: ['country'], alter: ['age'],
  },
  endings: [['en', ''], ['n', ''], ['e', ''], ['er', '']],
  connectors: ['von'],
};
