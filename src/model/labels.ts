/**
 * The categories the column model predicts, in output order. Frozen here (not derived from
 * classify/categories.ts) so that a new heuristic category cannot silently shift the model's outputs;
 * the shipped model's metadata.json carries its own copy, checked against the output layer at load.
 * Besides the heuristics' categories it knows a few that no rule covers yet (fax numbers, job titles,
 * age ranges, income), which the labelled corpora contain.
 */
export const MODEL_LABELS = [
  'system.operations',
  'user.contact.email',
  'user.contact.phone_number',
  'user.contact.fax_number',
  'user.name',
  'user.name.first',
  'user.name.last',
  'user.demographic.date_of_birth',
  'user.demographic.age_range',
  'user.demographic.gender',
  'user.contact.address',
  'user.contact.address.street',
  'user.contact.address.city',
  'user.contact.address.state',
  'user.contact.address.postal_code',
  'user.contact.address.country',
  'user.device.ip_address',
  'user.device.device_id',
  'user.financial.credit_card',
  'user.financial.bank_account',
  'user.financial',
  'user.government_id.national_identification_number',
  'user.authorization.password',
  'user.authorization.credentials',
  'user.account.username',
  'user.unique_id',
  'user.contact.url',
  'user.location.precise',
  'user.location.imprecise',
  'user.content.private',
  'user.job_title',
] as const;

export type ModelLabel = (typeof MODEL_LABELS)[number];

export const OPERATIONS_LABEL: ModelLabel = 'system.operations';
