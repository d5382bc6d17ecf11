/** Evaluation of scan files against labelled truth: pure functions, no I/O. */
export { evaluate, PREDICTORS, type EvaluateInput, type EvaluationReport, type Predictor } from './evaluate.js';
export { formatNumber, formatPercent, formatReport } from './format-report.js';
export { EvaluationInputError } from './input-error.js';
export { piicatcherCategories, piicatcherType } from './piicatcher-baseline.js';
