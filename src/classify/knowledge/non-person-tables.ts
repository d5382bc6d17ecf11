/**
 * Words of table names for what holds no people though it may hold contact details: places and
 * facilities (a clinic's address, a warehouse's phone), the organisation's own settings and records
 * (a shop's base information, its bank accounts), and code tables. English words match translated
 * names; the other languages list their words as written (lowercase, accents folded).
 */
export const PLACE_WORDS: Readonly<Record<string, readonly string[]>> = {
  en: [
    'location', 'site', 'facility', 'warehouse', 'store', 'shop', 'branch', 'office', 'building', 'room', 'clinic', 'hospital',
    'pharmacy', 'laboratory', 'depot', 'plant', 'venue', 'establishment', 'premise', 'premises', 'ward', 'bed', 'station',
    'campus', 'school', 'agency', 'outlet', 'terminal', 'airport',
    // Facilities a business runs for its customers: their contact details are the facility's.
    'gym', 'studio', 'restaurant', 'hotel', 'library', 'museum', 'theater', 'theatre', 'cinema', 'stadium', 'arena', 'salon',
    'garage', 'dealership', 'bakery', 'kitchen', 'pool',
  ],
  de: ['standort', 'lager', 'filiale', 'niederlassung', 'gebaeude', 'raum', 'praxis', 'krankenhaus', 'apotheke'],
  fr: ['entrepot', 'magasin', 'etablissement', 'agence', 'batiment', 'salle', 'clinique', 'hopital', 'pharmacie', 'lieu', 'site'],
  es: ['almacen', 'tienda', 'sucursal', 'oficina', 'edificio', 'sala', 'clinica', 'hospital', 'farmacia', 'sede', 'bodega'],
  pt: ['armazem', 'loja', 'filial', 'escritorio', 'edificio', 'sala', 'clinica', 'hospital', 'farmacia', 'sede', 'unidade'],
  it: ['magazzino', 'negozio', 'filiale', 'ufficio', 'edificio', 'sala', 'clinica', 'ospedale', 'farmacia', 'sede'],
  nl: ['magazijn', 'winkel', 'filiaal', 'kantoor', 'gebouw', 'ruimte', 'kliniek', 'ziekenhuis', 'apotheek', 'vestiging'],
  ja: ['tenpo', 'soko', 'jigyosho', 'shiten'],
};

/**
 * Place words that may name a person's own place too (a person's `location` row is their address);
 * the other place words name a facility the organisation runs (a warehouse, a clinic, a store).
 */
export const GENERIC_PLACE_WORDS: ReadonlySet<string> = new Set(['location', 'site', 'lieu', 'standort', 'place', 'sitio', 'local']);

/** The organisation's own settings and records: one row, or a few, describing the operator itself. */
export const SETTINGS_WORDS: Readonly<Record<string, readonly string[]>> = {
  en: ['setting', 'settings', 'config', 'configuration', 'parameter', 'option', 'baseinfo', 'preference', 'property', 'constant', 'system', 'source', 'integration', 'application', 'app', 'webhook', 'hook', 'server', 'instance', 'backend', 'connector', 'gateway'],
  de: ['einstellung', 'konfiguration', 'parameter', 'stammdaten'],
  fr: ['parametre', 'configuration', 'reglage', 'const'],
  es: ['configuracion', 'parametro', 'ajuste'],
  pt: ['configuracao', 'parametro', 'ajuste'],
  it: ['impostazione', 'configurazione', 'parametro'],
  nl: ['instelling', 'configuratie'],
  ja: ['settei', 'kihon'],
};

/** Code tables and vocabularies: rows other rows point at to say what kind of thing they are. */
export const VOCABULARY_WORDS: Readonly<Record<string, readonly string[]>> = {
  en: [
    'type', 'kind', 'category', 'status', 'concept', 'vocabulary', 'code', 'lookup', 'dictionary', 'enum', 'list', 'country',
    'state', 'currency', 'language', 'unit', 'tag', 'label', 'role', 'permission', 'class', 'classification', 'taxonomy',
    'term', 'synonym', 'relationship', 'domain', 'format', 'template', 'region', 'province', 'nationality', 'title', 'level',
    'grade', 'priority', 'severity', 'reason', 'method', 'mode', 'channel', 'group', 'scheme', 'catalog', 'catalogue',
  ],
  de: ['typ', 'art', 'kategorie', 'land', 'waehrung', 'sprache', 'einheit'],
  fr: ['pays', 'devise', 'langue', 'unite', 'departement', 'civilite'],
  es: ['tipo', 'pais', 'moneda', 'idioma', 'unidad'],
  pt: ['tipo', 'pais', 'moeda', 'idioma', 'unidade'],
  it: ['tipo', 'paese', 'valuta', 'lingua', 'unita'],
  nl: ['soort', 'valuta', 'taal', 'eenheid'],
  ja: ['shubetsu', 'kubun', 'mst'],
};
