/**
 * The subject graph: which tables hold people, which rows belong to one, through which references,
 * and in which domain (graph.ts has the model and its rules; order.ts the classification order;
 * evidence.ts what it says about a column). Pure: no I/O.
 */
export { SubjectGraph, MAX_HOPS, HOP_DECAY, type DistinctValues } from './graph.js';
export { planClassification, PlanVisibility, type ClassificationPlan } from './order.js';
export { tableFacts, keySketch, MAX_SKETCH_VALUES, type FinishedTable } from './facts.js';
export { subjectEvidence, SUBJECT_SOURCE, DOMAIN_SOURCE, type SubjectFindings } from './evidence.js';
export { judgePerson, PERSON_THRESHOLD } from './person-tables.js';
export type * from './types.js';
