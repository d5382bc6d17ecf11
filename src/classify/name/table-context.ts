/**
 * What a table is about, from its name: people (customers, users, patients…), things that merely
 * have names (products, companies, categories…), or unknown. Person tables raise person-name rules;
 * thing tables stop `name` from meaning a person's name.
 */
import { tokenizeName } from './tokenize.js';

export type TableSubject = 'person' | 'person-related' | 'thing' | 'unknown';

const PERSON_WORDS = new Set([
  'customer', 'user', 'person', 'people', 'employee', 'staff', 'member', 'patient', 'contact',
  'client', 'student', 'teacher', 'author', 'actor', 'driver', 'passenger', 'guest', 'subscriber',
  'applicant', 'candidate', 'account', 'profile', 'owner', 'buyer', 'doctor', 'physician', 'nurse',
  'agent', 'manager', 'worker', 'volunteer', 'donor', 'tenant', 'resident', 'citizen', 'visitor',
  'participant', 'attendee', 'individual', 'lead', 'beneficiary', 'player', 'traveler', 'traveller',
  'recipient', 'sender', 'consumer', 'shopper', 'borrower', 'lender', 'learner', 'instructor', 'pupil',
  'parent', 'child', 'spouse', 'dependent', 'insured', 'policyholder', 'holder', 'signer', 'reviewer',
  'respondent', 'registrant', 'prospect', 'human', 'kunde', 'mitarbeiter', 'client', 'cliente',
]);

const THING_WORDS = new Set([
  'product', 'item', 'company', 'organization', 'organisation', 'org', 'category', 'brand', 'store',
  'shop', 'department', 'country', 'city', 'language', 'genre', 'tag', 'role', 'permission', 'group',
  'team', 'project', 'file', 'track', 'playlist', 'album', 'film', 'movie', 'media', 'supplier',
  'vendor', 'shipper', 'region', 'territory', 'location', 'warehouse', 'event', 'service', 'plan',
  'feature', 'setting', 'config', 'configuration', 'table', 'schema', 'column', 'type', 'status',
  'job', 'task', 'queue', 'metric', 'report', 'template', 'course', 'school', 'university', 'hospital',
  'bank', 'branch', 'office', 'building', 'room', 'device', 'app', 'application', 'channel', 'campaign',
  'segment', 'list', 'menu', 'page', 'site', 'domain', 'host', 'server', 'database', 'index', 'order',
  'invoice', 'payment', 'transaction', 'currency', 'unit', 'skill', 'title', 'label', 'attribute',
  'option', 'variant', 'model', 'manufacturer', 'carrier', 'airline', 'airport', 'venue', 'award',
]);

/** Words that say nothing about the subject (`customer_info`, `tbl_user`, `dim_customer`). */
const FILLER_WORDS = new Set([
  'info', 'information', 'data', 'detail', 'details', 'master', 'record', 'records', 'tbl', 'table',
  'dim', 'fact', 'stg', 'staging', 'raw', 'src', 'v', 'vw', 'view', 'base', 'main', 'core', 'all', 'new',
  'old', 'tmp', 'temp', 'bak', 'backup', 'history', 'hist', 'archive', 'log', 'snapshot',
]);

/** Naive English singular: customers → customer, people stays, addresses → address. */
export function singular(word: string): string {
  if (word.length <= 3 || word.endsWith('ss') || word.endsWith('us')) return word;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (/(?:ses|xes|zes|ches|shes)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s')) return word.slice(0, -1);
  return word;
}

export function isPersonWord(word: string): boolean {
  return PERSON_WORDS.has(singular(word));
}

/** The subject of a table, decided by its head noun (last meaningful word), then by any person word. */
export function tableSubject(tableName: string): TableSubject {
  const words = tokenizeName(tableName).map(singular).filter((w) => !FILLER_WORDS.has(w) && !/^\d+$/.test(w));
  if (words.length === 0) return 'unknown';
  const head = words[words.length - 1];
  if (PERSON_WORDS.has(head)) return 'person';
  if (THING_WORDS.has(head)) return 'thing';
  if (words.some((w) => PERSON_WORDS.has(w))) return 'person-related';
  return 'unknown';
}
