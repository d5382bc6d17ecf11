/**
 * The dataset-file model: the rules of a piiscout dataset file, each written once, and the two
 * merges. Review, drift, evaluate, export and check use these; nothing else re-derives them.
 *
 * - status.ts: a field's status, decided or not;        - records.ts: piiscout's record types;
 * - fields.ts: what a field is, its status in a tree;   - dataset-names.ts: which schema a dataset describes;
 * - namespace.ts: where its data lives (merge matching); - personal.ts: is a category personal data;
 * - tree-access.ts: a file as YAML nodes or plain data; - yaml-nodes.ts: edits that keep comments;
 * - match-datasets.ts, merge-scan.ts: a re-scan merged into a file; merge-shards.ts: shard files joined.
 */
export { FIELD_STATUSES, fieldStatus, isDecided, isFieldStatus, type FieldStatus } from './status.js';
export type { PiiscoutFieldRecord } from './records.js';
export { addressId, categoriesOf, isDecidedField, isFieldContainer, statusOf, walkCollection } from './fields.js';
export { datasetNames, fieldPrefix, namespaceSchemaOf, type DatasetNames } from './dataset-names.js';
export { datasetNamespaceId, datasetNamespaceOf, namespaceId, scanNamespace, type DatasetNamespace } from './namespace.js';
export { hasPersonalCategory, isPersonalCategory, PERSONAL_DATA_ROOT } from './personal.js';
export { isPlainMap, plainAccess, yamlAccess, type PlainMap, type TreeAccess } from './tree-access.js';
export { formatMergeSummary, mergeScan, type FieldRef, type MergeOptions, type MergeScope, type MergeSummary, type ProposalChange, type TableRef } from './merge-scan.js';
export { mergeShardFiles, mergeShardTexts, type ShardMergeResult, type ShardMergeSummary } from './merge-shards.js';
