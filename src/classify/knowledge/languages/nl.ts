/** Dutch column- and table-name words. */
import { FIRST, LAST, DOB, PHONE_NUMBER, MOBILE, DRIVERS, BANK_ACCOUNT } from './english.js';
import type { LanguageEntry } from './types.js';

export const nl: LanguageEntry = {
  code: 'nl',
  name: 'Dutch',
  words: {
    voornaam: FIRST, roepnaam: FIRST, achternaam: LAST, familienaam: LAST, tussenvoegsel: ['middle', 'name'], naam: ['name'],
    geboortedatum: DOB, geboorte: ['birth'], straat: ['street'], straatnaam: ['street', 'name'], huisnummer: ['house', 'number'],
    adres: ['address'], woonplaats: ['city'], plaats: ['city'], stad: ['city'], gemeente: ['city'], provincie: ['province'],
    telefoon: ['phone'], telefoonnummer: PHONE_NUMBER, mobiel: MOBILE, gsm: MOBILE, geslacht: ['gender'],
    nationaliteit: ['nationality'], taal: ['language'], gebruikersnaam: ['username'], gebruiker: ['user'],
    wachtwoord: ['password'], salaris: ['salary'], loon: ['salary'], beroep: ['occupation'], bedrijf: ['company'],
    werkgever: ['employer'], klant: ['customer'], klanten: ['customer'], producten: ['product'], medewerker: ['employee'], werknemer: ['employee'], persoon: ['person'],
    bestelling: ['order'], factuur: ['invoice'], paspoort: ['passport'], rijbewijs: DRIVERS, rekeningnummer: BANK_ACCOUNT,
    rekening: ['account'], burgerservicenummer: ['bsn'], sofinummer: ['bsn'], leeftijd: ['age'], breedtegraad: ['latitude'],
    lengtegraad: ['longitude'], voorletters: ['name', 'initial'], geboorteplaats: ['birth', 'place'], leverancier: ['supplier'],
    leerling: ['student'], personen: ['person'], relatie: ['contact'],
    bedrag: ['amount'], prijs: ['price'], aantal: ['quantity'], saldo: ['balance'], boekdatum: ['booking', 'date'],
    valutadatum: ['effective', 'date'], vervaldatum: ['due', 'date'],
    magazijn: ['warehouse'], winkel: ['store'], vestiging: ['branch'],
  },
  phrases: [
    [['burgerlijke', 'staat'], ['marital', 'status']],
  ],
  connectors: ['van'],
  endings: [['en', '']],
};
