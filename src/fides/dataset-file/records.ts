/**
 * piiscout's record on a field, under a `piiscout` key that Fides ignores (its models use
 * extra="ignore"): the review status and the evidence for the proposal. Collections and datasets
 * (`meta.piiscout`) carry records too; the writer (dataset-writer.ts) says what they hold.
 */
import type { FieldStatus } from './status.js';

/** A field's record. */
export interface PiiscoutFieldRecord {
  status: FieldStatus;
  confidence: number;
  factors?: Record<string, number>;
  /** The weight the combination policy gave each factor (see classify/combine.ts). */
  weights?: Record<string, number>;
  alternatives?: { category: string; confidence: number }[];
  evidence?: { factor: string; category: string; score: number; source: string; reason: string }[];
  [key: string]: unknown;
}

