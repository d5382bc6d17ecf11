/**
 * Column-name words in German, French, Spanish, Dutch, Portuguese and Italian, mapped to the English
 * words the name rules speak. Keys are lowercase and accent-folded (`prénom` → `prenom`, `straße` →
 * `strasse`). Words that also mean something else in English (`via`, `cargo`, `poste`, `nom`) are left
 * out on purpose: the rule table handles them with table context instead.
 */

export type Language = 'de' | 'fr' | 'es' | 'nl' | 'pt' | 'it';

export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = {
  de: 'German', fr: 'French', es: 'Spanish', nl: 'Dutch', pt: 'Portuguese', it: 'Italian',
};

type WordMap = Readonly<Record<string, readonly string[]>>;

const FIRST = ['first', 'name'];
const LAST = ['last', 'name'];
const DOB = ['date', 'of', 'birth'];
const POSTAL = ['postal', 'code'];
const PHONE_NUMBER = ['phone', 'number'];
const MOBILE = ['mobile', 'phone'];
const DRIVERS = ['drivers', 'license'];
const BANK_ACCOUNT = ['bank', 'account', 'number'];
const SSN = ['social', 'security', 'number'];

export const SYNONYMS: Readonly<Record<Language, WordMap>> = {
  de: {
    vorname: FIRST, rufname: FIRST, nachname: LAST, familienname: LAST, zuname: LAST, geburtsname: ['maiden', 'name'],
    geburtsdatum: DOB, geburtstag: ['birthday'], geburtsjahr: ['year', 'of', 'birth'], geburtsort: ['birth', 'place'], geburts: ['birth'],
    datum: ['date'], strasse: ['street'], hausnummer: ['house', 'number'], hausnr: ['house', 'number'], adresse: ['address'],
    adressen: ['address'], anschrift: ['address'], wohnort: ['city'], ort: ['city'], stadt: ['city'], gemeinde: ['city'],
    plz: POSTAL, postleitzahl: POSTAL, land: ['country'], bundesland: ['state'], telefon: ['phone'], telefonnummer: PHONE_NUMBER,
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
    blutgruppe: ['blood', 'type'], alter: ['age'], umsatzsteuer: ['vat'], ustid: ['vat', 'id'], ust: ['vat'],
  },
  fr: {
    prenom: FIRST, nom: ['name'], patronyme: LAST, famille: ['family'], courriel: ['email'], mel: ['email'], adresse: ['address'], rue: ['street'],
    voie: ['street'], ville: ['city'], localite: ['city'], commune: ['city'], pays: ['country'], departement: ['state'],
    telephone: ['phone'], portable: MOBILE, telecopie: ['fax'], sexe: ['gender'], civilite: ['salutation'], naissance: ['birth'],
    lieu: ['place'], nationalite: ['nationality'], utilisateur: ['user'], identifiant: ['login'],
    pseudo: ['username'], mdp: ['password'], salaire: ['salary'], metier: ['occupation'], entreprise: ['company'],
    societe: ['company'], employeur: ['employer'], employe: ['employee'], salarie: ['employee'], adherent: ['member'],
    membre: ['member'], personne: ['person'], produit: ['product'], categorie: ['category'], commande: ['order'],
    facture: ['invoice'], numero: ['number'], langue: ['language'], passeport: ['passport'], compte: ['account'],
    rib: BANK_ACCOUNT, insee: SSN, secu: ['social', 'security'], securite: ['security'], sociale: ['social'], carte: ['card'],
    credit: ['credit'], conduire: ['driving'], permis: ['permit'], taille: ['height'], poids: ['weight'],
  },
  es: {
    nombre: ['name'], nombres: ['name'], apellido: LAST, apellidos: LAST, primer: ['first'], segundo: ['second'],
    correo: ['email'], electronico: ['electronic'], direccion: ['address'], calle: ['street'], domicilio: ['address'],
    ciudad: ['city'], localidad: ['city'], municipio: ['city'], codigo: ['code'], provincia: ['province'], pais: ['country'],
    telefono: ['phone'], movil: MOBILE, celular: MOBILE, fecha: ['date'], nacimiento: ['birth'], sexo: ['gender'],
    genero: ['gender'], nacionalidad: ['nationality'], religion: ['religion'], idioma: ['language'], usuario: ['user'],
    contrasena: ['password'], salario: ['salary'], sueldo: ['salary'], empresa: ['company'], empleado: ['employee'],
    cliente: ['customer'], paciente: ['patient'], socio: ['member'], persona: ['person'], producto: ['product'],
    articulo: ['item'], categoria: ['category'], pedido: ['order'], factura: ['invoice'], pasaporte: ['passport'],
    cuenta: ['account'], tarjeta: ['card'], edad: ['age'], latitud: ['latitude'], longitud: ['longitude'], licencia: ['license'],
    conducir: ['driving'], carnet: ['permit'], cedula: ['national', 'id'], curp: ['national', 'id'], rut: ['national', 'id'],
    profesion: ['occupation'], ocupacion: ['occupation'],
  },
  nl: {
    voornaam: FIRST, roepnaam: FIRST, achternaam: LAST, familienaam: LAST, tussenvoegsel: ['middle', 'name'], naam: ['name'],
    geboortedatum: DOB, geboorte: ['birth'], straat: ['street'], straatnaam: ['street', 'name'], huisnummer: ['house', 'number'],
    adres: ['address'], woonplaats: ['city'], plaats: ['city'], stad: ['city'], gemeente: ['city'], provincie: ['province'],
    telefoon: ['phone'], telefoonnummer: PHONE_NUMBER, mobiel: MOBILE, gsm: MOBILE, geslacht: ['gender'],
    nationaliteit: ['nationality'], taal: ['language'], gebruikersnaam: ['username'], gebruiker: ['user'],
    wachtwoord: ['password'], salaris: ['salary'], loon: ['salary'], beroep: ['occupation'], bedrijf: ['company'],
    werkgever: ['employer'], klant: ['customer'], klanten: ['customer'], producten: ['product'], medewerker: ['employee'], werknemer: ['employee'], persoon: ['person'],
    bestelling: ['order'], factuur: ['invoice'], paspoort: ['passport'], rijbewijs: DRIVERS, rekeningnummer: BANK_ACCOUNT,
    rekening: ['account'], burgerservicenummer: ['bsn'], sofinummer: ['bsn'], leeftijd: ['age'], breedtegraad: ['latitude'],
    lengtegraad: ['longitude'],
  },
  pt: {
    nome: ['name'], primeiro: ['first'], sobrenome: LAST, apelido: LAST, ultimo: ['last'], completo: ['full'],
    endereco: ['address'], rua: ['street'], logradouro: ['street'], bairro: ['district'], cidade: ['city'], localidade: ['city'],
    cep: POSTAL, telefone: ['phone'], fone: ['phone'], telemovel: MOBILE, nascimento: ['birth'],
    nacionalidade: ['nationality'], religiao: ['religion'], lingua: ['language'], senha: ['password'], profissao: ['occupation'],
    funcionario: ['employee'], empregado: ['employee'], colaborador: ['employee'], pessoa: ['person'], produto: ['product'],
    fatura: ['invoice'], passaporte: ['passport'], conta: ['account'], cartao: ['card'], idade: ['age'], cnh: DRIVERS,
    carteira: ['permit'], motorista: ['driver'], conducao: ['driving'], correio: ['email'], eletronico: ['electronic'],
  },
  it: {
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
};

/**
 * Multi-word phrases (after accent folding and dropping `de`/`di`/`da`…), replaced as a whole before
 * word expansion: `mot_de_passe` → password, `etat_civil` → marital status.
 */
export const PHRASES: readonly (readonly [readonly string[], readonly string[]])[] = [
  [['mot', 'passe'], ['password']],
  [['nom', 'famille'], LAST],
  [['nom', 'utilisateur'], ['username']],
  [['nome', 'utente'], ['username']],
  [['nombre', 'usuario'], ['username']],
  [['nome', 'usuario'], ['username']],
  [['etat', 'civil'], ['marital', 'status']],
  [['situation', 'familiale'], ['marital', 'status']],
  [['estado', 'civil'], ['marital', 'status']],
  [['stato', 'civile'], ['marital', 'status']],
  [['burgerlijke', 'staat'], ['marital', 'status']],
  [['correo', 'electronico'], ['email']],
  [['correio', 'eletronico'], ['email']],
  [['posta', 'elettronica'], ['email']],
  [['adresse', 'electronique'], ['email']],
  [['code', 'postal'], POSTAL],
  [['codigo', 'postal'], POSTAL],
  [['codice', 'postale'], POSTAL],
  [['codice', 'fiscale'], ['national', 'id']],
  [['partita', 'iva'], ['vat', 'number']],
  [['permis', 'conduire'], DRIVERS],
  [['licencia', 'conducir'], DRIVERS],
  [['carnet', 'conducir'], DRIVERS],
  [['patente', 'guida'], DRIVERS],
  [['carteira', 'motorista'], DRIVERS],
  [['carta', 'conducao'], DRIVERS],
  [['securite', 'sociale'], ['social', 'security']],
  [['numero', 'securite', 'sociale'], SSN],
  [['datore', 'lavoro'], ['employer']],
  [['data', 'nascimento'], DOB],
  [['data', 'nascita'], DOB],
  [['fecha', 'nacimiento'], DOB],
  [['date', 'naissance'], DOB],
  [['lieu', 'naissance'], ['birth', 'place']],
  [['luogo', 'nascita'], ['birth', 'place']],
  [['nome', 'completo'], ['full', 'name']],
  [['nombre', 'completo'], ['full', 'name']],
  [['nom', 'complet'], ['full', 'name']],
  [['primer', 'apellido'], LAST],
  [['segundo', 'apellido'], LAST],
  [['ultimo', 'nome'], LAST],
];

/** Small words joining the parts of a Romance or Dutch/German name (`date_de_naissance`, `nom_van`). */
export const CONNECTOR_WORDS: ReadonlySet<string> = new Set(['de', 'di', 'da', 'do', 'du', 'des', 'del', 'della', 'dello', 'von', 'van']);
