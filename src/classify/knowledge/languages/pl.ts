/** Polish column- and table-name words (`ł` folds to `l`; the other diacritics fold by themselves). */
import { FIRST, LAST, DOB, POSTAL, MOBILE, DRIVERS } from './english.js';
import type { LanguageEntry } from './types.js';

export const pl: LanguageEntry = {
  code: 'pl',
  name: 'Polish',
  words: {
    imie: FIRST, imiona: FIRST, nazwisko: LAST, nazwiska: LAST, panienskie: ['maiden'], nazwa: ['name'], pesel: ['pesel'],
    regon: ['company', 'registration', 'number'], urodzenia: ['birth'], urodzin: ['birth'], miejsce: ['place'], telefon: ['phone'],
    telefonu: ['phone'], komorka: MOBILE, komorkowy: MOBILE, numer: ['number'], adres: ['address'], adresu: ['address'],
    ulica: ['street'], ulicy: ['street'], domu: ['house', 'number'], mieszkania: ['house', 'number'], lokalu: ['house', 'number'],
    pocztowy: ['postal'], kod: ['code'], miasto: ['city'], miejscowosc: ['city'], gmina: ['city'], powiat: ['county'],
    wojewodztwo: ['province'], kraj: ['country'], plec: ['gender'], haslo: ['password'], uzytkownik: ['user'],
    uzytkownika: ['user'], uzytkownicy: ['user'], klient: ['customer'], klienta: ['customer'], klienci: ['customer'],
    pracownik: ['employee'], pracownika: ['employee'], pracownicy: ['employee'], pacjent: ['patient'], pacjenta: ['patient'],
    pacjenci: ['patient'], uczen: ['student'], uczniowie: ['student'], osoba: ['person'], osoby: ['person'], czlonek: ['member'],
    czlonkowie: ['member'], dowod: ['id', 'card'], dowodu: ['id', 'card'], paszport: ['passport'], paszportu: ['passport'],
    jazdy: ['driving'], konto: ['account'], rachunek: ['account'], wynagrodzenie: ['salary'], pensja: ['salary'],
    stanowisko: ['job', 'title'], zawod: ['occupation'], narodowosc: ['nationality'], obywatelstwo: ['nationality'],
    wiek: ['age'], jezyk: ['language'], wyznanie: ['religion'], firma: ['company'], dostawca: ['supplier'],
    dostawcy: ['supplier'], produkt: ['product'], zamowienie: ['order'], zamowienia: ['order'], faktura: ['invoice'],
    faktury: ['invoice'], szerokosc: ['latitude'], dlugosc: ['longitude'],
    kwota: ['amount'], cena: ['price'], ilosc: ['quantity'], saldo: ['balance'], ksiegowania: ['booking'], platnosci: ['payment'],
    wystawienia: ['issued'], rejestracji: ['registration'],
    // Parties of an invoice or a payment, and a company's partners.
    kontrahent: ['customer'], kontrahenta: ['customer'], kontrahenci: ['customer'], odbiorca: ['recipient'], odbiorcy: ['recipient'],
    nadawca: ['sender'], nabywca: ['buyer'], nabywcy: ['buyer'], sprzedawca: ['seller'], sprzedawcy: ['seller'], platnik: ['payer'],
    wierzyciel: ['creditor'], dluznik: ['debtor'], wspolnik: ['partner'], pracodawca: ['employer'], spolka: ['company'],
    // Address parts: the post office's town (`poczta`), the building and the flat.
    poczta: ['town'], budynek: ['building'], budynku: ['building'], mieszkanie: ['house', 'number'], wojewodztwa: ['province'],
    zamieszkania: ['residence'], obywatel: ['citizen'], zatrudnienie: ['employment'], zatrudnienia: ['employment'],
    wyksztalcenie: ['education'], podatnik: ['taxpayer'], podatek: ['tax'], podatku: ['tax'], skrocona: ['short'],
  },
  phrases: [
    [['data', 'urodzenia'], DOB],
    [['kod', 'pocztowy'], POSTAL],
    [['drugie', 'imie'], ['middle', 'name']],
    [['nazwa', 'uzytkownika'], ['username']],
    [['dowod', 'osobisty'], ['id', 'card']],
    [['prawo', 'jazdy'], DRIVERS],
    [['stan', 'cywilny'], ['marital', 'status']],
    [['nazwisko', 'rodowe'], ['maiden', 'name']],
    [['miejsce', 'zamieszkania'], ['city']],
    [['miejsce', 'urodzenia'], ['birth', 'place']],
    [['szerokosc', 'geograficzna'], ['latitude']],
    [['dlugosc', 'geograficzna'], ['longitude']],
  ],
  ambiguous: {
    // NIP is a tax number, in Poland mostly a company's; `ul.` is the street abbreviation; `data` a date.
    nip: ['vat', 'number'], ul: ['street'], data: ['date'],
  },
  letters: { ł: 'l' },
};
