/**
 * Reads Snowflake's own classification (SYSTEM$CLASSIFY, opt-in with --use-snowflake-classify) as one
 * more piece of evidence per column. Its semantic categories are mapped to fideslang keys; its
 * confidence (HIGH/MEDIUM/LOW) becomes the score. The result holds only category names and ratios,
 * never values. Categories with no fideslang counterpart are dropped.
 */
import type { EngineVerdict } from '../../src/core/sample.js';

export const CLASSIFY_SOURCE = 'snowflake-classify';

/** Snowflake semantic category → fideslang data category. */
export const SEMANTIC_CATEGORY_MAP: Readonly<Record<string, string>> = {
  EMAIL: 'user.contact.email',
  PHONE_NUMBER: 'user.contact.phone_number',
  NAME: 'user.name',
  STREET_ADDRESS: 'user.contact.address.street',
  CITY: 'user.contact.address.city',
  POSTAL_CODE: 'user.contact.address.postal_code',
  COUNTRY: 'user.contact.address.country',
  ADMINISTRATIVE_AREA_1: 'user.contact.address.state',
  ADMINISTRATIVE_AREA_2: 'user.contact.address',
  DATE_OF_BIRTH: 'user.demographic.date_of_birth',
  YEAR_OF_BIRTH: 'user.demographic.date_of_birth',
  AGE: 'user.demographic.age_range',
  GENDER: 'user.demographic.gender',
  ETHNICITY: 'user.demographic.race_ethnicity',
  MARITAL_STATUS: 'user.demographic.marital_status',
  OCCUPATION: 'user.job_title',
  IP_ADDRESS: 'user.device.ip_address',
  IMEI: 'user.device.device_id',
  URL: 'user.contact.url',
  PAYMENT_CARD: 'user.financial.credit_card',
  BANK_ACCOUNT: 'user.financial.bank_account',
  NATIONAL_IDENTIFIER: 'user.government_id.national_identification_number',
  TAX_IDENTIFIER: 'user.government_id.national_identification_number',
  PASSPORT: 'user.government_id.passport_number',
  DRIVERS_LICENSE: 'user.government_id.drivers_license_number',
  VIN: 'user.government_id.vehicle_registration',
  LATITUDE: 'user.location.precise',
  LONGITUDE: 'user.location.precise',
  LAT_LONG: 'user.location.precise',
  SALARY: 'user.financial',
};

const CONFIDENCE_SCORE: Readonly<Record<string, number>> = { HIGH: 0.9, MEDIUM: 0.7, LOW: 0.4 };

interface Recommendation {
  semantic_category?: string;
  privacy_category?: string;
  confidence?: string;
  coverage?: number;
}

/**
 * Parses the SYSTEM$CLASSIFY result (JSON text or an object). Accepts `{classification_result: {COL: …}}`
 * and the legacy EXTRACT_SEMANTIC_CATEGORIES shape `{COL: …}`. Returns verdicts keyed by column name.
 */
export function parseClassifyResult(raw: unknown): Map<string, EngineVerdict[]> {
  let doc: unknown = raw;
  if (typeof raw === 'string') {
    try {
      doc = JSON.parse(raw);
    } catch {
      return new Map();
    }
  }
  const root = (doc as { classification_result?: unknown })?.classification_result ?? doc;
  const out = new Map<string, EngineVerdict[]>();
  if (typeof root !== 'object' || root === null) return out;
  for (const [column, entry] of Object.entries(root as Record<string, unknown>)) {
    const recommendation = (entry as { recommendation?: Recommendation })?.recommendation;
    const verdict = recommendation ? toVerdict(recommendation) : undefined;
    if (verdict) out.set(column, [verdict]);
  }
  return out;
}

function toVerdict(r: Recommendation): EngineVerdict | undefined {
  const semantic = r.semantic_category?.toUpperCase();
  const category = semantic ? SEMANTIC_CATEGORY_MAP[semantic] : undefined;
  if (!category) return undefined;
  const confidence = (r.confidence ?? 'LOW').toUpperCase();
  const coverage = typeof r.coverage === 'number' ? `, coverage ${Math.round(r.coverage * 100)}%` : '';
  return {
    category,
    score: CONFIDENCE_SCORE[confidence] ?? CONFIDENCE_SCORE.LOW,
    source: CLASSIFY_SOURCE,
    reason: `Snowflake SYSTEM$CLASSIFY: ${semantic} (${r.privacy_category ?? 'no privacy category'}, confidence ${confidence}${coverage})`,
  };
}
