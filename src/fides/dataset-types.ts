/** The subset of fideslang's Dataset model that piiscout writes (see shared/reference/fideslang/FORMAT.md). */
import type { PiiscoutFieldRecord } from './dataset-file/records.js';

/** piiscout's record on a field (see dataset-file/records.ts); Fides ignores the `piiscout` key. */
export type { PiiscoutFieldRecord };

export type FidesDataType = 'string' | 'integer' | 'float' | 'boolean' | 'object' | 'object_id';

export interface FidesReference {
  dataset: string;
  field: string;
  direction?: 'from' | 'to';
}

export interface FidesFieldMeta {
  data_type?: string;
  primary_key?: boolean;
  references?: FidesReference[];
  identity?: string;
  [key: string]: unknown;
}

export interface FidesField {
  name: string;
  description?: string;
  data_categories?: string[];
  fides_meta?: FidesFieldMeta;
  fields?: FidesField[];
  piiscout?: PiiscoutFieldRecord;
}

export interface FidesCollection {
  name: string;
  description?: string;
  data_categories?: string[];
  fields: FidesField[];
  fides_meta?: Record<string, unknown>;
  piiscout?: Record<string, unknown>;
}

export interface FidesDataset {
  fides_key: string;
  name?: string;
  description?: string;
  meta?: Record<string, unknown>;
  data_categories?: string[];
  fides_meta?: { namespace?: Record<string, string>; [key: string]: unknown };
  collections: FidesCollection[];
}

export interface FidesDatasetFile {
  dataset: FidesDataset[];
}
