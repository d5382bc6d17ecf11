/**
 * Generators of non-personal columns (label system.operations): ids, codes, amounts, timestamps,
 * statuses, product and company data, free text without personal data, and look-alikes of personal
 * kinds (order numbers shaped like phone numbers, release dates spread like birth dates, checksums
 * shaped like password hashes, product titles).
 */
import type { ColumnKind } from './kinds-personal.js';
import { formatDate, pickStyle } from './kinds-personal.js';

const STATUSES = [
  ['pending', 'shipped', 'delivered', 'cancelled'], ['active', 'inactive'], ['NEW', 'OPEN', 'CLOSED'], ['draft', 'published', 'archived'],
  ['offen', 'bezahlt', 'storniert'], ['en_cours', 'termine'], ['pendiente', 'pagado'], ['A', 'I', 'X'], ['OK', 'FAILED', 'RETRY'],
];
const OPS = 'system.operations' as const;

function recentTimestamp(d: Date, style: number): string {
  const iso = d.toISOString();
  if (style === 0) return iso;
  if (style === 1) return iso.replace('T', ' ').slice(0, 19);
  return iso.replace('T', ' ').replace('Z', '+00');
}

export const OPERATION_KINDS: readonly ColumnKind[] = [
  { id: 'serial-id', label: OPS, tables: 'ops', types: ['integer'], primaryKey: true, weight: 2,
    names: ['id', 'order_id', 'product_id', 'invoice_id', 'track_id', 'item_id', 'line_id', 'event_id', 'log_id', 'film_id', 'bestell_id', 'rowid', 'pk'], value: () => '' },
  { id: 'ops-fk', label: OPS, tables: 'any', types: ['integer'], foreignKey: true, weight: 2,
    names: ['store_id', 'category_id', 'warehouse_id', 'supplier_id', 'genre_id', 'media_type_id', 'album_id', 'product_id', 'order_id', 'language_id', 'status_id', 'type_id', 'facility_id'],
    value: (f, r) => String(r.int(1, r.chance(0.5) ? 30 : 5000)) },
  { id: 'order-number', label: OPS, tables: 'ops', types: ['string', 'integer'], weight: 1.5,
    names: ['order_no', 'order_number', 'reference', 'ref', 'bestellnummer', 'numero_commande', 'tracking_number', 'invoice_no', 'confirmation_code', 'transaction_ref', 'shipment_no', 'numero_pedido'],
    value: (f, r) => (r.chance(0.6) ? f.string.numeric(r.int(8, 12)) : `${r.pick(['INV', 'ORD', 'SO', 'PO'])}-${r.int(2015, 2025)}-${f.string.numeric(5)}`) },
  { id: 'code', label: OPS, tables: 'ops', types: ['string'],
    names: ['sku', 'product_code', 'ean', 'barcode', 'isbn', 'item_code', 'artikelnummer', 'part_no', 'code', 'model_number'],
    value: (f, r) => (r.chance(0.4) ? `${f.string.alpha({ length: 3, casing: 'upper' })}-${f.string.numeric(5)}` : r.chance(0.5) ? f.commerce.isbn() : f.string.numeric(13)) },
  { id: 'amount', label: OPS, tables: 'ops', types: ['decimal', 'decimal', 'float'], weight: 1.5,
    names: ['price', 'amount', 'total', 'unit_price', 'net_amount', 'tax', 'discount', 'betrag', 'prix', 'precio', 'prezzo', 'prijs', 'preco', 'cost', 'total_amount', 'shipping_fee'],
    value: (f, r) => f.finance.amount({ min: 0, max: r.pick([20, 500, 10000]) }) },
  { id: 'round-amount', label: OPS, tables: 'ops', types: ['integer', 'decimal'], weight: 0.6,
    names: ['budget', 'cost', 'price', 'initial_outlay', 'fee', 'deposit', 'limit', 'credit_limit', 'capacity', 'target', 'kosten', 'montant', 'importe'],
    value: (f, r, style) => String(r.int(1, 200) * [5, 10, 50, 100, 500, 1000][pickStyle(style, r, 6)]) },
  { id: 'quantity', label: OPS, tables: 'ops', types: ['integer'], weight: 1.5,
    names: ['quantity', 'qty', 'stock', 'count', 'units', 'menge', 'views', 'rating', 'duration_ms', 'bytes', 'sort_order', 'version', 'milliseconds', 'length', 'quan_in_stock', 'sales', 'anzahl', 'cantidad'],
    value: (f, r) => String(r.int(0, r.pick([5, 100, 10000, 1000000]))) },
  { id: 'year', label: OPS, tables: 'ops', types: ['integer', 'string'], weight: 0.5,
    names: ['year', 'release_year', 'model_year', 'fiscal_year', 'jahr', 'annee'], value: (f, r) => String(r.int(1950, 2025)) },
  { id: 'timestamp', label: OPS, tables: 'any', types: ['timestamp', 'timestamp', 'string'], weight: 2,
    names: ['created_at', 'updated_at', 'modified', 'last_login', 'deleted_at', 'erstellt_am', 'date_creation', 'fecha_creacion', 'inserted_at', 'ts', 'event_time', 'last_update', 'created', 'timestamp', 'geaendert_am', 'signup_date'],
    value: (f, r, style) => recentTimestamp(f.date.recent({ days: r.pick([30, 400, 3000]) }), pickStyle(style, r, 3)) },
  { id: 'ops-date', label: OPS, tables: 'ops', types: ['date', 'date', 'string'], weight: 1.5,
    names: ['order_date', 'ship_date', 'due_date', 'invoice_date', 'expiry_date', 'start_date', 'valid_from', 'end_date', 'orderdate', 'lieferdatum', 'date_commande', 'fecha', 'data', 'expiredate', 'payment_date'],
    value: (f, r, style) => {
      // Business dates of one era: a recent system, or a legacy one whose orders all lie in a few years of the past.
      const start = style % 3 === 0 ? 1985 + (Math.floor(style / 3) % 35) : 2010;
      const end = style % 3 === 0 ? Math.min(2026, start + 1 + (Math.floor(style / 105) % 8)) : 2026;
      return formatDate(f.date.between({ from: `${start}-01-01`, to: `${end}-06-30` }), r, pickStyle(style, r, 5));
    } },
  { id: 'release-date', label: OPS, tables: 'ops', types: ['date', 'string'], weight: 0.7,
    names: ['release_date', 'published', 'publication_date', 'founded', 'first_aired', 'erscheinungsdatum', 'date_sortie', 'recorded_on'],
    value: (f, r, style) => formatDate(f.date.between({ from: '1940-01-01', to: '2024-12-31' }), r, pickStyle(style, r, 5)) },
  { id: 'status', label: OPS, tables: 'any', types: ['string', 'enum'], smallPool: true, weight: 1.5,
    names: ['status', 'state', 'order_status', 'stage', 'phase', 'zustand', 'estado', 'stato', 'statut', 'payment_status', 'type', 'kind'],
    value: (f, r) => r.pick(STATUSES[f.number.int(STATUSES.length - 1)]) },
  { id: 'boolean', label: OPS, tables: 'any', types: ['boolean', 'boolean', 'integer', 'string'], smallPool: true, weight: 1.2,
    names: ['is_active', 'enabled', 'deleted', 'flag', 'paid', 'in_stock', 'active', 'verified', 'newsletter', 'opt_in', 'aktiv', 'is_admin', 'special', 'membership_item'],
    value: (f, r) => r.pick([['true', 'false'], ['0', '1'], ['t', 'f'], ['Y', 'N']][f.number.int(3)]) },
  { id: 'product-name', label: OPS, tables: 'ops', types: ['string'], weight: 1.5,
    names: ['name', 'product_name', 'title', 'item', 'bezeichnung', 'nom_produit', 'nombre_producto', 'articolo', 'item_name', 'productname', 'description_short'],
    value: (f, r, style) => [f.commerce.productName(), f.commerce.product(), f.food.dish(), `${f.commerce.productAdjective()} ${f.food.ingredient()}`, f.vehicle.model(), `${f.company.name().split(/[ ,-]/)[0]} ${f.commerce.product()}`][pickStyle(style, r, 6)] },
  { id: 'resource-name', label: OPS, tables: 'ops', types: ['string'], weight: 0.5,
    names: ['name', 'room', 'resource', 'facility', 'asset', 'location_name', 'venue', 'raum', 'salle', 'sala', 'equipment'],
    value: (f, r) => `${r.chance(0.5) ? `${f.word.adjective()} ` : ''}${f.word.noun()} ${r.pick(['Room', 'Hall', 'Court', 'Lab', 'Table', 'Desk', 'Bay', 'Gate', 'Suite', 'Studio'])}${r.chance(0.6) ? ` ${r.int(1, 20)}` : ''}`.replace(/^./, (c) => c.toUpperCase()) },
  { id: 'company', label: OPS, tables: 'ops', types: ['string'],
    names: ['company', 'supplier', 'vendor', 'manufacturer', 'brand', 'firma', 'societe', 'empresa', 'azienda', 'bedrijf', 'company_name', 'carrier', 'publisher', 'label'],
    value: (f) => f.company.name() },
  { id: 'category', label: OPS, tables: 'ops', types: ['string'], smallPool: true,
    names: ['category', 'genre', 'type', 'kind', 'department', 'kategorie', 'categorie', 'categoria', 'media_type', 'segment', 'categoryname', 'class'],
    value: (f, r, style) => [f.commerce.department(), f.music.genre(), f.vehicle.type(), f.animal.type(), f.book.genre()][pickStyle(style, r, 5)] },
  { id: 'description', label: OPS, tables: 'ops', types: ['string'], weight: 1.2,
    names: ['description', 'details', 'summary', 'body', 'content', 'beschreibung', 'descripcion', 'descrizione', 'omschrijving', 'notes', 'comment', 'text', 'long_description'],
    value: (f, r) => (r.chance(0.5) ? f.commerce.productDescription() : f.lorem.sentences(r.int(1, 3))) },
  { id: 'media-title', label: OPS, tables: 'ops', types: ['string'], weight: 1.2,
    names: ['title', 'track_name', 'album_title', 'film_title', 'name', 'song', 'book_title', 'titel', 'titre', 'titulo', 'headline', 'subject'],
    value: (f, r) => [f.music.songName(), f.book.title(), f.music.album(), f.lorem.sentence({ min: 2, max: 6 })][r.int(0, 3)] },
  { id: 'person-in-title', label: OPS, tables: 'ops', types: ['string'], weight: 0.5,
    names: ['composer', 'artist', 'actor', 'director', 'author_name', 'band', 'performer'],
    value: (f, r) => (r.chance(0.5) ? f.music.artist() : f.person.fullName()) },
  { id: 'currency', label: OPS, tables: 'ops', types: ['string'], smallPool: true,
    names: ['currency', 'curr', 'waehrung', 'devise', 'moneda', 'valuta', 'currency_code'], value: (f) => f.finance.currencyCode() },
  { id: 'color', label: OPS, tables: 'ops', types: ['string'], smallPool: true, weight: 0.5,
    names: ['color', 'colour', 'farbe', 'couleur', 'kleur'], value: (f) => f.color.human() },
  { id: 'file', label: OPS, tables: 'ops', types: ['string'], weight: 0.8,
    names: ['path', 'file', 'mime_type', 'content_type', 'filename', 'file_path', 'attachment', 'dateiname'],
    value: (f, r) => (r.chance(0.5) ? f.system.filePath() : r.chance(0.5) ? f.system.mimeType() : f.system.fileName()) },
  { id: 'checksum', label: OPS, tables: 'ops', types: ['string'], weight: 0.7,
    names: ['checksum', 'sha256', 'etag', 'hash', 'digest', 'commit', 'md5', 'content_hash', 'revision'],
    value: (f, r) => (r.chance(0.5) ? f.git.commitSha() : f.string.hexadecimal({ length: r.pick([32, 64]), casing: 'lower', prefix: '' })) },
  { id: 'ops-url', label: OPS, tables: 'ops', types: ['string'], weight: 0.7,
    names: ['image_url', 'thumbnail', 'link', 'url', 'product_url', 'callback_url', 'source', 'endpoint', 'img'],
    value: (f, r) => (r.chance(0.5) ? `${f.internet.url()}/${f.system.fileName()}` : f.image.url()) },
  { id: 'ops-uuid', label: OPS, tables: 'ops', types: ['uuid', 'string'], weight: 1.2,
    names: ['id', 'guid', 'uuid', 'request_id', 'correlation_id', 'external_id', 'trace_id', 'job_id', 'transaction_id', 'batch_id'],
    value: (f) => f.string.uuid() },
  { id: 'semver', label: OPS, tables: 'ops', types: ['string'], weight: 0.5,
    names: ['version', 'app_version', 'schema_version', 'build', 'release'], value: (f) => f.system.semver() },
  { id: 'json', label: OPS, tables: 'ops', types: ['json', 'string'], weight: 0.7,
    names: ['metadata', 'config', 'settings', 'payload', 'attributes', 'extra', 'options', 'properties', 'data'],
    value: (f, r) => JSON.stringify({ [f.lorem.word()]: r.int(0, 100), enabled: r.chance(0.5), mode: f.lorem.word() }) },
  { id: 'rate', label: OPS, tables: 'ops', types: ['decimal', 'float'], weight: 0.8,
    names: ['discount_rate', 'tax_rate', 'weight', 'ratio', 'score', 'percentage', 'commission', 'margin', 'rate', 'factor'],
    value: (f, r) => (r.next() * r.pick([1, 100])).toFixed(r.int(1, 4)) },
  { id: 'tags', label: OPS, tables: 'ops', types: ['string'], weight: 0.6,
    names: ['tags', 'keywords', 'label', 'labels', 'slug', 'schlagworte'], value: (f, r) => f.lorem.words(r.int(1, 4)).replace(/ /g, r.pick([',', ' ', '-'])) },
  { id: 'duration', label: OPS, tables: 'ops', types: ['time', 'string', 'interval'], weight: 0.5,
    names: ['duration', 'runtime', 'opening_time', 'start_time', 'elapsed', 'dauer'],
    value: (f, r) => `${String(r.int(0, 23)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}` },
  { id: 'language', label: OPS, tables: 'ops', types: ['string'], smallPool: true, weight: 0.6,
    names: ['language', 'lang', 'locale', 'sprache', 'langue', 'idioma'],
    value: (f, r, style) => (style % 2 === 0 ? r.pick(['en', 'de', 'fr', 'es', 'it', 'nl', 'pt_BR', 'ja', 'en_US']) : f.location.language().name) },
  { id: 'airport', label: OPS, tables: 'ops', types: ['string'], weight: 0.4,
    names: ['origin', 'destination', 'airport', 'from_airport', 'to_airport', 'hub'], value: (f) => f.airline.airport().iataCode },
  { id: 'sales-region', label: OPS, tables: 'ops', types: ['string'], smallPool: true, weight: 0.6,
    names: ['region', 'sales_region', 'territory', 'zone', 'market', 'area'], value: (f, r) => r.pick(['EMEA', 'APAC', 'NA', 'LATAM', 'North', 'South', 'East', 'West', 'Central', 'Midwest', 'Pacific', 'Nordics', 'Benelux', 'DACH', 'Iberia', 'Region 1', 'Zone A']) },
  { id: 'warehouse-city', label: OPS, tables: 'ops', types: ['string'], smallPool: true, weight: 0.4,
    names: ['warehouse', 'store', 'branch', 'depot', 'plant', 'site'], value: (f) => `${f.location.city()} ${f.helpers.arrayElement(['DC', 'Hub', 'Store', 'Warehouse'])}` },
  { id: 'word', label: OPS, tables: 'ops', types: ['string'], weight: 0.6,
    names: ['value', 'key', 'setting', 'param', 'option', 'unit', 'method', 'action', 'event', 'channel'],
    value: (f, r) => r.pick([f.lorem.word(), f.hacker.verb(), f.hacker.noun(), f.database.column(), f.internet.httpMethod()]) },
];
