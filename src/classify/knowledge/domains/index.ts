/**
 * Every domain piiscout knows (subject/domain.ts reads them): adding a domain is one file beside this
 * one and one line here. The order breaks ties between domains a table's words name equally.
 */
import { behavior } from './behavior.js';
import { clinical } from './clinical.js';
import { credentials } from './credentials.js';
import { education } from './education.js';
import { employment } from './employment.js';
import { financial } from './financial.js';
import { location } from './location.js';
import { purchase } from './purchase.js';
import { settings } from './settings.js';
import type { DomainEntry } from './types.js';

export type { ColumnKind, DomainEntry } from './types.js';

export const DOMAINS: readonly DomainEntry[] = [clinical, financial, credentials, employment, education, location, purchase, behavior, settings];
