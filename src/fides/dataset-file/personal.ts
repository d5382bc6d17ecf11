/** Is-personal, for users of the dataset-file model: defined once in src/core/personal-data.ts. */
export { hasPersonalCategory, isPersonalCategory, PERSONAL_DATA_ROOT } from '../../core/personal-data.js';
