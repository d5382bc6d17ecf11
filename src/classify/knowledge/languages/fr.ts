/** French column- and table-name words. */
import { FIRST, LAST, DOB, POSTAL, MOBILE, DRIVERS, BANK_ACCOUNT, SSN } from './english.js';
import type { LanguageEntry } from './types.js';

export const fr: LanguageEntry = {
  code: 'fr',
  name: 'French',
  words: {
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
    fournisseur: ['supplier'], etudiant: ['student'], eleve: ['student'], usager: ['user'],
    siret: ['company', 'registration', 'number'], tva: ['vat'], titulaire: ['holder'],
    montant: ['amount'], prix: ['price'], quantite: ['quantity'], solde: ['balance'], echeance: ['due'], paiement: ['payment'],
    comptable: ['booking'], valeur: ['value'],
    entrepot: ['warehouse'], magasin: ['store'], succursale: ['branch'],
  },
  ambiguous: {
    // English words too.
    siren: ['company', 'registration', 'number'], conjoint: ['spouse'], emission: ['issued'], inscription: ['registration'],
  },
  phrases: [
    [['mot', 'passe'], ['password']],
    [['nom', 'famille'], LAST],
    [['nom', 'utilisateur'], ['username']],
    [['etat', 'civil'], ['marital', 'status']],
    [['situation', 'familiale'], ['marital', 'status']],
    [['adresse', 'electronique'], ['email']],
    [['code', 'postal'], POSTAL],
    [['permis', 'conduire'], DRIVERS],
    [['securite', 'sociale'], ['social', 'security']],
    [['numero', 'securite', 'sociale'], SSN],
    [['date', 'naissance'], DOB],
    [['lieu', 'naissance'], ['birth', 'place']],
    [['nom', 'complet'], ['full', 'name']],
    [['raison', 'sociale'], ['company', 'name']],
  ],
  connectors: ['de', 'du', 'des'],
  endings: [['x', '']],
};
