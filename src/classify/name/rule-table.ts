/**
 * The column-name rule table: English word sequences (after the tokenizer has translated
 * abbreviations and foreign words) → the most specific fideslang category, with a score, table
 * context and exclusions. Plain data, so config can add rules of the same shape.
 */
import { CATEGORY } from '../categories.js';
import type { NameRule, NameVeto } from './name-rules.js';

/** Category keys used here beyond the shared CATEGORY list (a test checks each is in the taxonomy). */
export const NAME_CATEGORY = {
  ...CATEGORY,
  fax: 'user.contact.fax_number',
  url: 'user.contact.url',
  social: 'user.social',
  privacyPreferences: 'user.privacy_preferences',
  organization: 'user.contact.organization',
  workplace: 'user.workplace',
  jobTitle: 'user.job_title',
  gender: 'user.demographic.gender',
  language: 'user.demographic.language',
  maritalStatus: 'user.demographic.marital_status',
  religion: 'user.demographic.religious_belief',
  ethnicity: 'user.demographic.race_ethnicity',
  sexualOrientation: 'user.demographic.sexual_orientation',
  politicalOpinion: 'user.demographic.political_opinion',
  demographic: 'user.demographic',
  ageRange: 'user.demographic.age_range',
  health: 'user.health_and_medical',
  medicalRecord: 'user.health_and_medical.record_id',
  insuranceId: 'user.health_and_medical.insurance_beneficiary_id',
  genetic: 'user.health_and_medical.genetic',
  biometric: 'user.biometric',
  fingerprint: 'user.biometric.fingerprint',
  selfImage: 'user.content.self_image',
  criminal: 'user.criminal_history',
  financial: 'user.financial',
  passport: 'user.government_id.passport_number',
  driversLicense: 'user.government_id.drivers_license_number',
  vehicle: 'user.government_id.vehicle_registration',
  birthCertificate: 'user.government_id.birth_certificate',
  immigration: 'user.government_id.immigration',
  credentials: 'user.authorization.credentials',
  deviceId: 'user.device.device_id',
  device: 'user.device',
  cookieId: 'user.device.cookie_id',
  pseudonymousId: 'user.unique_id.pseudonymous',
  preciseLocation: 'user.location.precise',
} as const;
const C = NAME_CATEGORY;

type Words = readonly string[];
/** 'first name|given name' → [['first','name'],['given','name']]. */
const w = (spec: string): readonly Words[] => spec.split('|').map((s) => s.trim().split(' '));

/** Words that make a column describe the data (a flag, a count, a timestamp) rather than hold it. */
export const ABOUT_WORDS = [
  'verified', 'verification', 'confirmed', 'confirm', 'confirmation', 'opt', 'optin', 'optout', 'consent',
  'subscribed', 'subscription', 'unsubscribed', 'bounce', 'bounced', 'enabled', 'disabled', 'flag', 'is',
  'has', 'count', 'status', 'type', 'format', 'template', 'domain', 'provider', 'sent', 'valid', 'validated',
  'invalid', 'preference', 'pref', 'allowed', 'required', 'visibility', 'visible', 'public', 'changed',
  'updated', 'reset', 'expires', 'expiry', 'expiration', 'policy', 'hint', 'length', 'len', 'pattern',
  'regex', 'label', 'prefix', 'suffix', 'source', 'attempts', 'tries', 'at', 'timestamp', 'kind',
  'hash', 'hashed', 'encrypted', 'md5', 'sha', 'sha1', 'sha256', 'mask', 'masked', 'token', 'enc',
  // Which attribute or field holds something (`attr_mail`, an LDAP mapping), and versions of a record's format.
  'attr', 'attribute', 'mapping', 'version',
];
const HASH_WORDS = ['hash', 'hashed', 'encrypted', 'md5', 'sha', 'sha1', 'sha256', 'enc'];
const ABOUT_EXCEPT_HASH = ABOUT_WORDS.filter((x) => !HASH_WORDS.includes(x));
const DATE_WORDS = ['date', 'time', 'on', 'year', 'month', 'day'];
export const KEY_WORDS = ['id', 'key', 'uuid', 'guid', 'fk', 'pk', 'ref', 'idx', 'index', 'code'];
const ID_LAST = ['id', 'key', 'uuid', 'guid', 'fk', 'pk'];
/** Flags and counts only: for demographic words, where `is_married` still says something personal. */
const COUNT_WORDS = ['count', 'total', 'ratio', 'share', 'percent', 'percentage', 'distribution', 'avg', 'average'];
const ABOUT = { unlessWord: ABOUT_WORDS, unlessLast: KEY_WORDS };
const ABOUT_NOT_DATED = { unlessWord: [...ABOUT_WORDS, ...DATE_WORDS], unlessLast: KEY_WORDS };
const PERSON_ONLY = { person: 0.75, 'person-related': 0.55, unknown: 0, thing: 0 } as const;
/** Things a cookie or a tracking id may belong to instead of a visitor. */
const TRACKED_THINGS = ['payment', 'invoice', 'order', 'shipment', 'package', 'parcel', 'delivery', 'carrier', 'shipping', 'transaction'];
const ADDRESS_NOT = ['email', 'mail', 'ip', 'mac', 'web', 'url', 'wallet', 'bitcoin', 'memory', 'remote', 'client', 'server', 'host', 'network', 'ethernet', 'city', 'state', 'country', 'zip', 'postal', 'town', 'house'];

/** Actions on a record whose reason is kept with it (soft deletion, retirement, a correction). */
const LIFECYCLE_VERBS = [
  'void', 'voided', 'retire', 'retired', 'retirement', 'delete', 'deleted', 'deletion', 'cancel', 'cancelled', 'canceled',
  'cancellation', 'revoke', 'revoked', 'revocation', 'archive', 'archived', 'deactivate', 'deactivated', 'deactivation',
  'merge', 'merged', 'change', 'changed', 'edit', 'edited', 'update', 'updated', 'override', 'correction',
];

export const NAME_RULES: readonly NameRule[] = [
  // contact
  { id: 'email', category: C.email, score: 0.95, words: w('email|mail address|electronic mail'), unlessWord: [...ABOUT_WORDS, ...DATE_WORDS, 'msgid', 'messageid'], unlessLast: KEY_WORDS },
  { id: 'email-mail', category: C.email, score: 0.7, words: w('mail'), unlessWord: [...ABOUT_WORDS, ...DATE_WORDS, 'server', 'box', 'merge', 'order', 'room', 'stop', 'code', 'notification', 'notifications', 'notify', 'msgid'], unlessLast: KEY_WORDS },
  { id: 'phone', category: C.phone, score: 0.9, words: w('phone|telephone|cellphone|mobile number|mobile phone|cell phone|phone number'), unlessWord: [...ABOUT_WORDS, ...DATE_WORDS, 'fax'], unlessLast: KEY_WORDS },
  { id: 'phone-weak', category: C.phone, score: 0.65, words: w('mobile|cell|contact number'), unlessWord: [...ABOUT_WORDS, ...DATE_WORDS, 'app', 'version', 'device', 'browser', 'os', 'platform', 'friendly', 'optimized', 'view', 'layout', 'value', 'range', 'sheet', 'tower', 'carrier',
    // The mobile variant of the application's pages (`mobile_skin`, `mobile_head_html`, `mobile_page_rows`), not a phone.
    'skin', 'theme', 'template', 'html', 'css', 'head', 'tail', 'page', 'list', 'row', 'rows', 'content', 'subject', 'banner', 'menu', 'image', 'img', 'width', 'height'], unlessLast: KEY_WORDS },
  { id: 'fax', category: C.fax, score: 0.9, words: w('fax|fax number|telefax'), ...ABOUT_NOT_DATED },
  { id: 'url', category: C.url, score: 0.75, bySubject: { person: 0.8, 'person-related': 0.65, unknown: 0.45, thing: 0 }, words: w('website|web site|homepage|home page|personal url|profile url|blog|linkedin|twitter|facebook|instagram|github|social profile|url|web'), unlessWord: [...ABOUT_WORDS, 'image', 'avatar', 'photo', 'picture', 'logo', 'icon', 'thumbnail', 'callback', 'redirect', 'api', 'webhook', 'download', 'file', 'css', 'script', 'endpoint', 'base', 'feed', 'rss', 'video', 'audio', 'media', 'asset', 'cdn', 'product', 'company', 'hook', 'service', 'server', 'id', 'header', 'banner', 'cover', 'background',
    // Addresses a program calls or sends a browser to (sign-in, web services, a payment's return page), not a person's link.
    'services', 'webservice', 'webservices', 'sign', 'signin', 'login', 'logout', 'auth', 'oauth', 'sso', 'authorize', 'token', 'notify', 'notification', 'return', 'cancel', 'success', 'ipn'], unlessLast: KEY_WORDS },
  // A column named for a messaging or social network on a person's row holds that person's handle there.
  { id: 'social-handle', category: C.social, score: 0.6, bySubject: { person: 0.85, 'person-related': 0.7, unknown: 0.5, thing: 0 }, words: w('skype|snapchat|whatsapp|telegram|wechat|youtube|googleplus|google plus|jabber|jabberid|xmpp|icq|msn|tiktok|pinterest|mastodon|discord|viber|threema|reddit|tumblr|weibo|flickr|social network|social networks|socialnetwork|socialnetworks|social media|social handle'), unlessWord: [...ABOUT_WORDS, 'api', 'app', 'client', 'secret', 'key', 'webhook', 'share', 'button', 'login', 'signin', 'auth', 'oauth', 'pixel', 'tracking', 'channel', 'video', 'embed'], unlessLast: ['fk', 'pk', 'uuid', 'guid'] },
  // Whether a person agreed to be contacted or to share data: a newsletter or marketing opt-in, a do-not-contact flag.
  { id: 'privacy-preferences', category: C.privacyPreferences, score: 0.45, bySubject: { person: 0.8, 'person-related': 0.7, unknown: 0.45, thing: 0 }, words: w('newsletter|opt in|optin|opt out|optout|marketing consent|consent|accepts marketing|marketing opt in|unsubscribed|do not contact|do not call|do not email|do not mail|no email|no mail|no sms|no call|no phone|allow contact|contact preference|mailing list|share data|data sharing|gdpr|hipaa|ccpa|lgpd|rgpd|dsgvo|allow sms|allowsms|allow email|allowemail|allow mail|allowmail|allow voice|allowvoice|allow message|allow messages|allow call|allow calls|allow marketing|accepts marketing|accept marketing|info share|information share|information exchange|info exchange|accepts privacy|accept privacy|privacy accepted|receive news|receive newsletter'), unlessWord: ['template', 'text', 'content', 'body', 'subject', 'title', 'url', 'count', 'version', 'id', 'key', 'type', 'campaign', 'list id', 'sender', 'from', 'policy', 'page', 'link', 'officer', 'office'], unlessLast: KEY_WORDS },
  // names
  { id: 'first-name', category: C.firstName, score: 0.95, words: w('first name|given name|fore name|forename|christian name|name first|name given'), ...ABOUT },
  { id: 'last-name', category: C.lastName, score: 0.95, words: w('last name|family name|surname|sur name|maiden name|name last|name family|lastname'), ...ABOUT },
  { id: 'full-name', category: C.name, score: 0.9, words: w('full name|middle name|legal name|real name|fullname|complete name|name full|middle initial|birth name'), ...ABOUT },
  { id: 'display-name', category: C.name, score: 0.65, bySubject: { thing: 0 }, words: w('display name|nick name|nickname|preferred name|known as'), ...ABOUT },
  { id: 'salutation', category: C.name, score: 0.6, words: w('salutation|honorific|name prefix|name suffix'), unlessLast: KEY_WORDS },
  { id: 'title-salutation', category: C.name, score: 0, bySubject: { person: 0.5 }, workerScore: 0.3, wholeName: true, words: w('title') },
  // dates of birth and age
  { id: 'date-of-birth', category: C.dateOfBirth, score: 0.95, words: w('date of birth|birth date|date birth|birthday|birthdate|born|born on|birth day'), ...ABOUT },
  { id: 'birth', category: C.dateOfBirth, score: 0.75, words: w('birth|year of birth|birth year'), unlessWord: [...ABOUT_WORDS, 'place', 'city', 'country', 'location', 'certificate', 'weight', 'name', 'order', 'rate', 'control', 'town'], unlessLast: KEY_WORDS },
  { id: 'birth-certificate', category: C.birthCertificate, score: 0.85, words: w('birth certificate'), unlessWord: ABOUT_WORDS },
  { id: 'age', category: C.ageRange, score: 0.6, bySubject: { person: 0.75, 'person-related': 0.6, unknown: 0.45, thing: 0 }, words: w('age|age range|age group|age bracket|age band'), unlessWord: [...ABOUT_WORDS, 'max', 'min', 'maximum', 'minimum', 'limit', 'rating', 'restriction', 'stock', 'cache', 'file', 'password', 'session', 'account', 'data', 'record', 'inventory'], unlessLast: KEY_WORDS },
  // address
  { id: 'street', category: C.street, score: 0.9, words: w('street|address line|street address|house number|building number|flat number|po box|street name|street number|address house|address building'), unlessWord: [...ABOUT_WORDS, ...ADDRESS_NOT.filter((x) => x !== 'house')], unlessLast: KEY_WORDS },
  { id: 'address', category: C.street, score: 0.75, words: w('address'), unlessWord: [...ABOUT_WORDS, ...ADDRESS_NOT], unlessLast: KEY_WORDS },
  { id: 'street-short', category: C.street, score: 0, bySubject: PERSON_ONLY, wholeName: true, words: w('via|str') },
  { id: 'postal-code-short', category: C.postalCode, score: 0.4, bySubject: { person: 0.75, 'person-related': 0.6, thing: 0 }, wholeName: true, words: w('cp|cap|pc|npa') },
  // A neighbourhood (Brazilian `bairro`, Turkish `mahalle`) is read at city level, the closest address part.
  { id: 'neighborhood', category: C.city, score: 0.8, words: w('neighborhood|neighbourhood|suburb'), unlessWord: [...ABOUT_WORDS, 'population', 'size'], unlessLast: KEY_WORDS },
  { id: 'city', category: C.city, score: 0.9, words: w('city|town|locality|municipality'), unlessWord: [...ABOUT_WORDS, 'population', 'size', 'birth'], unlessLast: KEY_WORDS },
  { id: 'state', singularOnly: true, category: C.state, score: 0.6, bySubject: { person: 0.85, 'person-related': 0.85, thing: 0.3 }, words: w('state|province|county|prefecture|canton'), unlessWord: [...ABOUT_WORDS, 'machine', 'workflow', 'order', 'job', 'task', 'session', 'payment', 'current', 'previous', 'next', 'initial', 'final', 'app', 'ui', 'form'], unlessLast: KEY_WORDS },
  { id: 'district', singularOnly: true, category: C.state, score: 0.5, bySubject: { person: 0.65, 'person-related': 0.6, thing: 0 }, words: w('district|region'), unlessWord: [...ABOUT_WORDS, 'sales', 'aws', 'cloud', 'server', 'data', 'cluster', 'availability'], unlessLast: KEY_WORDS },
  { id: 'postal-code', category: C.postalCode, score: 0.9, words: w('zip|postal code|post code|postal|zip code|pin code'), unlessWord: [...ABOUT_WORDS, 'file', 'archive', 'compressed', 'download', 'upload', 'size'], unlessLast: ID_LAST },
  { id: 'country', singularOnly: true, category: C.country, score: 0.85, bySubject: { thing: 0.4 }, words: w('country'), unlessWord: [...ABOUT_WORDS, 'population', 'count', 'nationality', 'citizenship', 'origin', 'manufacture', 'made', 'calling', 'dial', 'dialing'], unlessLast: ID_LAST },
  // devices and network
  { id: 'ip-address', category: C.ipAddress, score: 0.9, words: w('ip|ip address|remote address|client address|remote addr'), unlessWord: ABOUT_WORDS, unlessLast: ID_LAST },
  { id: 'mac-address', category: C.deviceId, score: 0.8, words: w('mac address|mac'), unlessWord: [...ABOUT_WORDS, 'key', 'secret', 'hmac', 'signature'], unlessLast: ['id', 'uuid', 'fk', 'pk'] },
  { id: 'device-id', category: C.deviceId, score: 0.85, words: w('device id|device identifier|device uuid|imei|udid|idfa|gaid|advertising id|android id|device token|push token|hardware id|imsi|iccid|meid'), unlessWord: [...ABOUT_WORDS.filter((x) => x !== 'token'), 'model', 'os', 'brand', 'manufacturer', 'name'], unlessLast: ['fk', 'pk'] },
  { id: 'user-agent', category: C.device, score: 0.7, words: w('user agent|browser agent'), unlessWord: ABOUT_WORDS },
  // A payment's or a parcel's cookie or tracking id is that thing's (a gateway's session, a shipment's tracking number).
  { id: 'cookie-id', category: C.cookieId, score: 0.8, words: w('cookie id|cookie value|tracking cookie'), unlessWord: [...ABOUT_WORDS.filter((x) => x !== 'token'), ...TRACKED_THINGS] },
  { id: 'pseudonymous-id', category: C.pseudonymousId, score: 0.7, words: w('anonymous id|visitor id|tracking id|anon id'), unlessWord: [...ABOUT_WORDS, ...TRACKED_THINGS] },
  // finance
  { id: 'credit-card', category: C.creditCard, score: 0.9, words: w('credit card|card number|cc number|debit card|creditcard|card credit|card debit|number card|number credit card'), unlessWord: [...ABOUT_WORDS, 'id', 'national', 'identity', 'expiry', 'exp', 'cvv', 'cvc', 'brand', 'holder', 'last', 'issuer', 'limit', 'fee', 'gift', 'loyalty', 'library', 'sim', 'business', 'greeting', 'rate', 'score'], unlessLast: ID_LAST },
  { id: 'card-pan', category: C.creditCard, score: 0.6, words: w('pan'), unlessWord: ABOUT_WORDS, unlessLast: KEY_WORDS },
  { id: 'card-security-code', category: C.creditCard, score: 0.75, words: w('cvv|cvc|cvv2|card verification|card security code|card code|card security'), unlessWord: ABOUT_WORDS },
  // The expiry date is card data too (the number rule leaves it out: it is not the number).
  { id: 'card-expiry', category: C.creditCard, score: 0.7, words: w('card expiry|card expiration|card exp|card expires|card valid thru|expiry card|expiration card'), unlessWord: [...COUNT_WORDS, 'gift', 'loyalty', 'library', 'sim', 'membership', 'id', 'notified', 'reminder', 'sent', 'warning'], unlessLast: KEY_WORDS },
  { id: 'bank-account', category: C.bankAccount, score: 0.9, words: w('iban|bank account|bank account number|routing number|sort code|rib|clabe|bank details|bank number'), unlessWord: ABOUT_WORDS, unlessLast: ['id', 'uuid', 'fk', 'pk'] },
  { id: 'account-number', category: C.bankAccount, score: 0.4, words: w('account number'), unlessWord: ABOUT_WORDS, unlessLast: ID_LAST },
  { id: 'salary', category: C.financial, score: 0.6, bySubject: { person: 0.8, 'person-related': 0.65, unknown: 0.5, thing: 0 }, words: w('salary|income|wage|compensation|pay rate|hourly rate|annual income|net worth|credit score|credit rating'), unlessWord: [...ABOUT_WORDS, 'grade', 'band', 'range', 'scale', 'currency', 'min', 'max', 'minimum', 'maximum', 'average', 'avg', 'budget', 'statement', 'tax'], unlessLast: KEY_WORDS },
  // government ids
  { id: 'national-id', category: C.nationalId, score: 0.9, words: w('social security number|social security|national id|national identification number|national identity|national insurance number|national insurance|id card|id card number|identity card|identity number|personal id|personal identity number|fiscal code|nir|dni|nie|nif|bsn|cpf|curp|aadhaar|aadhar|pesel|nric|personnummer|national number|citizen id'), unlessWord: [...ABOUT_WORDS, 'company', 'business', 'corporate', 'vat', 'issue', 'issued', 'country', 'photo', 'scan'], unlessLast: ['fk', 'pk'] },
  { id: 'national-id-short', category: C.nationalId, score: 0, bySubject: { person: 0.75, 'person-related': 0.6, unknown: 0.45 }, wholeName: true, words: w('sin|rg|ssn|nino|nss') },
  { id: 'tax-id', category: C.nationalId, score: 0.5, bySubject: { person: 0.8, 'person-related': 0.6, thing: 0 }, words: w('tax id|tax number|taxpayer id|tax identification number|tax identifier|tax identification'), unlessWord: [...ABOUT_WORDS, 'vat', 'company', 'business', 'corporate', 'employer', 'cnpj', 'ein', 'ust', 'rate', 'amount', 'total', 'percent', 'exempt', 'exemption', 'class', 'category', 'region', 'jurisdiction', 'year', 'sales', 'office'], unlessLast: ['fk', 'pk'] },
  { id: 'passport', category: C.passport, score: 0.9, words: w('passport|passport number'), unlessWord: [...ABOUT_WORDS, 'expiry', 'issue', 'issued', 'country', 'photo', 'scan', 'strategy', 'nationality', 'date', 'place', 'authority'], unlessLast: ['fk', 'pk'] },
  { id: 'drivers-license', category: C.driversLicense, score: 0.9, words: w('drivers license|driver license|driving license|driving licence|driver licence|dl number|driving permit|license driving|drivers licence'), unlessWord: [...ABOUT_WORDS, 'expiry', 'issue', 'issued', 'state', 'class', 'category', 'country', 'photo', 'scan', 'points', 'date'], unlessLast: ['fk', 'pk'] },
  { id: 'license-number', category: C.driversLicense, score: 0, bySubject: { person: 0.6, 'person-related': 0.45 }, words: w('license number'), unlessWord: [...ABOUT_WORDS, 'software', 'product', 'key', 'business', 'medical', 'professional', 'liquor', 'vehicle', 'plate'], unlessLast: ['fk', 'pk'] },
  { id: 'dl', category: C.driversLicense, score: 0, bySubject: PERSON_ONLY, wholeName: true, words: w('dl|dl number|dln') },
  { id: 'vehicle-registration', category: C.vehicle, score: 0.75, bySubject: { thing: 0.5 }, words: w('license plate|licence plate|number plate|plate number|vehicle registration|registration plate|vin|registration number plate'), unlessWord: ABOUT_WORDS },
  { id: 'immigration', category: C.immigration, score: 0.8, words: w('visa number|residence permit|work permit|immigration status|alien number|green card|immigration'), unlessWord: ABOUT_WORDS.filter((x) => x !== 'status'), unlessLast: ['fk', 'pk'] },
  // accounts and secrets
  { id: 'username', category: C.username, score: 0.85, words: w('user name|username|login|login name|screen name|handle|name user|user login|twitter handle'), unlessWord: [...ABOUT_WORDS, ...DATE_WORDS, 'last', 'first', 'count', 'failed', 'attempt', 'ip', 'location', 'url', 'page'], unlessLast: KEY_WORDS },
  { id: 'password', category: C.password, score: 0.9, words: w('password|passcode|pass hash|passphrase|pass phrase'), unlessWord: [...ABOUT_EXCEPT_HASH, ...DATE_WORDS, 'last', 'salt', 'algorithm', 'algo', 'iterations', 'rounds', 'cost'], unlessLast: ID_LAST },
  { id: 'pass', category: C.password, score: 0.55, words: w('pass|pin'), unlessWord: [...ABOUT_EXCEPT_HASH, ...DATE_WORDS, 'boarding', 'bus', 'season', 'day', 'number', 'rate', 'map', 'location', 'board', 'pinned', 'pass fail', 'fail', 'code', 'grade', 'mark'], unlessLast: KEY_WORDS },
  { id: 'credentials', category: C.credentials, score: 0.85, bySubject: { thing: 0.5 }, words: w('api key|api secret|api token|access token|refresh token|auth token|bearer token|session token|secret|client secret|secret key|private key|otp secret|totp secret|mfa secret|recovery code|backup code|security question|security answer|secret answer|secret question|oauth token|reset token|remember token|access key|signing key|auth key'), unlessWord: ['type', 'expires', 'expiry', 'expiration', 'expired', 'at', 'date', 'time', 'count', 'length', 'hint', 'url', 'endpoint', 'name', 'label', 'version', 'scope', 'scopes', 'enabled', 'rotated', 'rotation', 'last', 'is', 'has', 'santa', 'public'], unlessLast: ['id', 'uuid', 'guid', 'fk', 'pk', 'name', 'type', 'hint', 'version', 'ref'] },
  { id: 'token', category: C.credentials, score: 0.6, wholeName: true, words: w('token') },
  // demographics
  { id: 'gender', category: C.gender, score: 0.9, bySubject: { thing: 0.3 }, words: w('gender|sex|gender identity'), unlessWord: [...COUNT_WORDS, 'offender', 'neutral', 'specific'], unlessLast: ID_LAST },
  { id: 'sexual-orientation', category: C.sexualOrientation, score: 0.9, words: w('sexual orientation|sexuality'), unlessWord: COUNT_WORDS },
  { id: 'nationality', category: C.demographic, score: 0.8, words: w('nationality|citizenship|country of citizenship|citizen of'), unlessWord: COUNT_WORDS, unlessLast: ID_LAST },
  { id: 'religion', category: C.religion, score: 0.85, words: w('religion|religious|faith|religious belief|confession'), unlessWord: COUNT_WORDS, unlessLast: ID_LAST },
  { id: 'denomination', category: C.religion, score: 0, bySubject: PERSON_ONLY, words: w('denomination'), unlessWord: COUNT_WORDS, unlessLast: ID_LAST },
  { id: 'ethnicity', category: C.ethnicity, score: 0.85, words: w('ethnicity|ethnic|ethnic group|ethnic origin|racial'), unlessWord: COUNT_WORDS, unlessLast: ID_LAST },
  { id: 'race', category: C.ethnicity, score: 0.4, bySubject: { person: 0.8, 'person-related': 0.6, thing: 0 }, words: w('race'), unlessWord: [...COUNT_WORDS, 'car', 'horse', 'track', 'lap', 'time', 'result', 'results', 'name', 'date', 'condition'], unlessLast: ID_LAST },
  { id: 'marital-status', category: C.maritalStatus, score: 0.9, words: w('marital|marital status|civil status|family status|married|spouse name'), unlessWord: COUNT_WORDS, unlessLast: ID_LAST },
  { id: 'political-opinion', category: C.politicalOpinion, score: 0.85, words: w('political opinion|political party|political affiliation|party affiliation|political view|political views'), unlessWord: COUNT_WORDS },
  { id: 'language', category: C.language, score: 0.3, bySubject: { person: 0.7, 'person-related': 0.55, thing: 0 }, words: w('language|preferred language|spoken language|native language|mother tongue|locale'), unlessWord: [...ABOUT_WORDS.filter((x) => x !== 'preference' && x !== 'pref'), 'programming', 'query', 'script', 'template', 'original', 'source', 'target', 'film', 'movie', 'book'], unlessLast: ID_LAST },
  { id: 'job-title', category: C.jobTitle, score: 0.8, bySubject: { person: 0.85, thing: 0.2 }, words: w('job title|occupation|profession|position title|job position|job role|job description title|designation|job name'), unlessWord: [...ABOUT_WORDS, 'posting', 'opening', 'vacancy'], unlessLast: KEY_WORDS },
  { id: 'job', category: C.jobTitle, score: 0, bySubject: { person: 0.7, 'person-related': 0.45 }, wholeName: true, words: w('job|position|role title|cargo|poste|puesto|functie|fonction|funcion') },
  // A rank is a sort key or a level of membership, except among people who work (an officer's rank).
  { id: 'rank-job', category: C.jobTitle, score: 0, workerScore: 0.6, wholeName: true, words: w('rank|grade') },
  { id: 'title-job', category: C.jobTitle, score: 0, bySubject: { person: 0.45 }, workerScore: 0.75, wholeName: true, words: w('title') },
  { id: 'organization', category: C.organization, score: 0, bySubject: { person: 0.7, 'person-related': 0.5 }, words: w('company|company name|organization|organization name|firm|business name'), unlessWord: [...ABOUT_WORDS, 'size', 'industry', 'revenue', 'logo', 'count', 'address', 'phone', 'email', 'url', 'website', 'city', 'country', 'registration', 'vat', 'tax'], unlessLast: KEY_WORDS },
  { id: 'workplace', category: C.workplace, score: 0.5, bySubject: { person: 0.8, 'person-related': 0.65, thing: 0 }, words: w('employer|employer name|workplace|work place|place of work'), unlessWord: [...ABOUT_WORDS, 'address', 'phone', 'email', 'city', 'country', 'tax', 'contribution'], unlessLast: KEY_WORDS },
  // health, biometrics, images, crime
  { id: 'health', category: C.health, score: 0.85, bySubject: { thing: 0.3 }, words: w('diagnosis|diagnoses|medical condition|medical history|medication|medications|allergy|allergies|blood type|blood group|disease|illness|symptom|symptoms|prescription|icd code|disability|vaccination|vaccine status|pregnant|pregnancy|blood pressure|heart rate|bmi|medical notes|health condition'), unlessWord: COUNT_WORDS, unlessLast: ['fk', 'pk'] },
  { id: 'health-weak', category: C.health, score: 0, bySubject: { person: 0.6, 'person-related': 0.5, unknown: 0.3 }, words: w('health|medical|condition|treatment'), unlessWord: [...ABOUT_WORDS, 'check', 'endpoint', 'url', 'score', 'monitor', 'probe', 'service', 'server', 'system', 'product', 'item', 'new', 'used'], unlessLast: KEY_WORDS },
  // A person's body measurements: `height` or `weight` as the whole name of a person's column, or named as
  // the body's (`body_weight`, `weight_kg`); qualified by anything else it is a thing's (a gallery's height, a course's weight).
  { id: 'body-measure', category: C.health, score: 0, bySubject: { person: 0.6, 'person-related': 0.5 }, wholeName: true, words: w('height|weight|bodyweight') },
  { id: 'body-measure-named', category: C.health, score: 0, bySubject: { person: 0.6, 'person-related': 0.5 }, words: w('body weight|body height|body fat|body mass|waist circumference|height cm|weight kg|weight lb|weight lbs|current weight|target weight|goal weight'), unlessLast: KEY_WORDS },
  // Registry numbers of health professionals (US NPI, Swedish HSA-id, German LANR, French RPPS/ADELI): the person's.
  { id: 'professional-registry-id', category: C.uniqueId, score: 0.8, words: w('npi|npi number|hsa id|hsaid|lanr|rpps|adeli|gmc number'), unlessWord: ABOUT_WORDS, unlessLast: ['fk', 'pk'] },
  { id: 'medical-record', category: C.medicalRecord, score: 0.85, words: w('medical record number|medical record|health record|patient record number|chart number'), unlessWord: COUNT_WORDS, unlessLast: ['fk', 'pk'] },
  { id: 'health-insurance', category: C.insuranceId, score: 0.8, bySubject: { thing: 0.4 }, words: w('health insurance number|health insurance|insurance number|insurance id|insurance member id|beneficiary id|policy number|medicare number|medicaid number'), unlessWord: [...ABOUT_WORDS, 'national', 'company', 'provider', 'name', 'type', 'plan'], unlessLast: ['fk', 'pk'] },
  { id: 'genetic', category: C.genetic, score: 0.8, words: w('genetic|genome|dna|genotype|genetic test'), unlessWord: COUNT_WORDS },
  { id: 'fingerprint', category: C.fingerprint, score: 0.75, words: w('fingerprint|finger print'), unlessWord: ['browser', 'device', 'file', 'key', 'ssh', 'gpg', 'pgp', 'certificate', 'cert', 'tls', 'ssl', 'public', 'canvas', 'config', 'schema', 'content', 'request'] },
  { id: 'biometric', category: C.biometric, score: 0.75, words: w('biometric|biometrics|face encoding|facial|retina|iris scan|voice print|voiceprint|face template'), unlessWord: COUNT_WORDS },
  { id: 'self-image', category: C.selfImage, score: 0, bySubject: { person: 0.7, 'person-related': 0.55, unknown: 0.3 }, words: w('photo|picture|avatar|profile photo|profile picture|selfie|headshot|portrait|profile image'), unlessWord: [...ABOUT_WORDS, 'count', 'size', 'width', 'height', 'product', 'cover', 'album', 'background', 'banner', 'logo', 'thumbnail'], unlessLast: KEY_WORDS },
  { id: 'criminal', category: C.criminal, score: 0.8, words: w('criminal record|criminal history|conviction|convictions|offense|offence|arrest|sex offender|criminal'), unlessWord: COUNT_WORDS },
  // locations
  // About the record, not about anyone: why it was voided or retired, its format, its sort order.
  { id: 'record-lifecycle-reason', category: C.operations, score: 0.6, words: w(LIFECYCLE_VERBS.map((v) => `${v} reason|reason ${v}`).join('|')) },
  { id: 'record-descriptor', category: C.operations, score: 0.5, wholeName: true, words: w('format|mime type|mimetype|encoding|charset|theme|sort order|sort|rank|priority|version|kind|mode|position order|display order') },
  { id: 'coordinates', category: C.preciseLocation, score: 0.6, bySubject: { person: 0.8, 'person-related': 0.75, thing: 0 }, words: w('latitude|longitude|geo location|geolocation|coordinates|gps|gps coordinates|geo point|geo|current location|last location|last known location'), unlessWord: [...ABOUT_WORDS, 'accuracy', 'precision', 'source', 'provider'], unlessLast: ID_LAST },
];

const IDENTIFIER_NAMES = w(
  'order number|invoice number|tracking number|serial number|reference|sku|confirmation number|ticket number|booking number|' +
    'shipment number|lot number|batch number|part number|model number|version|isbn|ean|upc|barcode|checksum|transaction id|order id|invoice id|' +
    'product number|item number|receipt number|case number|claim number|request number|quote number|po number|purchase order',
);
const MEASURE_NAMES = w('amount|price|total|quantity|balance|cost|salary|weight|height|duration|count|score|rate|percent|percentage|length|width|size|hours|fee|discount|budget|revenue|margin');

/** Dates of events, not of births (`hire_date`, `created_on`, `last_login`). */
const EVENT_DATE_NAMES = w(
  'hire|hired|created|create|creation|updated|update|modified|changed|start|end|ship|shipped|due|paid|order|expiry|expires|expiration|' +
    'join|joined|registered|registration|signup|deleted|login|logout|sent|received|delivery|delivered|return|rental|payment|invoice|effective|' +
    'release|published|publish|death|died|visit|admission|discharge|closed|opened|booking|arrival|departure|issue|issued|purchase|last|first|' +
    'activation|activated|cancelled|canceled|termination|terminated|renewal|review|approved|submitted|verified|valid|until|from|to|event|appointment|' +
    // Dates of a ledger or bank: when a booking takes value, is posted, settled, executed or falls due.
    'value|effective|posting|posted|entry|transaction|operation|settlement|settled|accounting|statement|execution|trade|maturity|voucher|' +
    'document|reconciliation|reconciled|clearing|booked',
);

export const NAME_VETOES: readonly NameVeto[] = [
  { id: 'event-date', categories: [C.dateOfBirth], words: EVENT_DATE_NAMES, onlyWith: ['date', 'time', 'at', 'on', 'day', 'timestamp', 'year', 'when', 'datetime'], what: 'the date of an event' },
  { id: 'identifier', categories: [C.phone, C.creditCard, C.dateOfBirth, C.nationalId, C.passport, C.driversLicense, C.bankAccount], words: IDENTIFIER_NAMES, what: 'an identifier' },
  // A quantity (an amount of money, hours) is no coordinate either, however many decimals it has.
  { id: 'measure', categories: [C.phone, C.creditCard, C.postalCode, C.nationalId, C.bankAccount, C.preciseLocation, C.impreciseLocation], words: MEASURE_NAMES, what: 'a quantity' },
  { id: 'company-tax-id', categories: [C.nationalId], words: w('vat|vat number|vat id|cnpj|ein|company registration|business registration|registration number company|company number|trade register'), what: "a company's registration or tax number" },
];

/** Qualifiers before `name` that are handled by their own rules (`first name`, `user name`). */
export const NAME_QUALIFIERS_HANDLED_ELSEWHERE: ReadonlySet<string> = new Set([
  'first', 'given', 'fore', 'christian', 'last', 'family', 'sur', 'maiden', 'full', 'middle', 'legal', 'real',
  'display', 'nick', 'user', 'login', 'screen', 'preferred', 'complete', 'birth', 'company', 'organization', 'employer',
  'business', 'street', 'job',
]);

/** Qualifiers that make `X name` (or Romance `name X`) the name of a thing, not of a person. */
export const THING_QUALIFIERS: ReadonlySet<string> = new Set([
  'product', 'company', 'business', 'organization', 'org', 'file', 'host', 'domain', 'table', 'column', 'schema',
  'database', 'db', 'field', 'brand', 'category', 'item', 'app', 'application', 'event', 'store', 'shop', 'project',
  'service', 'server', 'device', 'plan', 'feature', 'city', 'country', 'street', 'state', 'region', 'bank', 'branch',
  'department', 'team', 'group', 'role', 'tag', 'type', 'class', 'model', 'package', 'module', 'method', 'function',
  'job', 'task', 'queue', 'topic', 'key', 'bucket', 'path', 'image', 'font', 'color', 'layer', 'sheet', 'report',
  'template', 'campaign', 'channel', 'course', 'school', 'venue', 'hotel', 'airline', 'ship', 'vendor', 'supplier',
  'manufacturer', 'carrier', 'code', 'file', 'attribute', 'variable', 'parameter', 'param', 'setting', 'option',
  'account', 'profile', 'list', 'menu', 'page', 'site', 'website', 'workspace', 'folder', 'document', 'entity',
  'object', 'resource', 'route', 'station', 'airport', 'track', 'album', 'song', 'artist', 'genre', 'playlist',
  'film', 'movie', 'book', 'game', 'team', 'league', 'index', 'view', 'metric', 'dimension', 'unit', 'currency',
  'language', 'locale', 'place', 'location', 'warehouse', 'office', 'building', 'room', 'organisation', 'institution',
  'university', 'hospital', 'clinic', 'pharmacy', 'drug', 'medication', 'test', 'exam', 'skill', 'award', 'product',
  'trade', 'partner', 'agency', 'merchant', 'publisher', 'label', 'region', 'territory',
]);
