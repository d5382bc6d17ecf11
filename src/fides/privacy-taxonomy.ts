/**
 * fideslang's default data uses (purposes of processing) and data subjects (categories of
 * individuals), compiled in, for giving the keys of a Fides system manifest their human names.
 */
import { DEFAULT_DATA_SUBJECTS } from './data-subjects-data.js';
import { DEFAULT_DATA_USES } from './data-uses-data.js';

export interface DataUseEntry {
  readonly key: string;
  readonly name: string;
  readonly description: string;
  readonly parent: string | null;
  readonly deprecated: boolean;
}

export interface DataSubjectEntry {
  readonly key: string;
  readonly name: string;
  readonly description: string;
}

const USES = new Map(DEFAULT_DATA_USES.map((e) => [e.key, e]));
const SUBJECTS = new Map(DEFAULT_DATA_SUBJECTS.map((e) => [e.key, e]));

export function dataUse(key: string): DataUseEntry | undefined {
  return USES.get(key);
}

export function dataSubject(key: string): DataSubjectEntry | undefined {
  return SUBJECTS.get(key);
}
