/** Public surface of the classification module. */
export type * from './types.js';
export { CATEGORY, type KnownCategory } from './categories.js';
export { createHeuristicClassifier, type HeuristicClassifierOptions } from './heuristic-classifier.js';
export { combineEvidence, DEFAULT_COMBINE_CONFIG, type CombineConfig } from './combine.js';
export { typeEvidence, TYPE_RULES } from './type-rules.js';
export { tokenizeName, splitIdentifier } from './name/tokenize.js';
export { nameEvidence, NAME_RULES, NAME_VETOES, type NameRule, type NameVeto } from './name/name-rules.js';
export { tableSubject, type TableSubject } from './name/table-context.js';
export { identifierEvidence } from './name/identifier-rules.js';
export {
  defineRecognizer,
  evaluateRecognizer,
  prepareValues,
  scoreValue,
  type ValuePattern,
  type ValueRecognizer,
  type PreparedValues,
  type EvaluateOptions,
} from './recognizers/recognizer.js';
export { builtinRecognizers } from './recognizers/registry.js';
export { createPhoneRecognizer } from './recognizers/phone.js';
export { createDateOfBirthRecognizer } from './recognizers/date-of-birth.js';
