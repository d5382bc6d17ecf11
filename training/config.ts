/** Seeds and sizes of the generated data: train.ts and eval.ts must agree on them. */
export const TRAIN_SEED = 20261127;
export const HOLDOUT_SEED = 777001;
export const TRAIN_COLUMNS = 36000;
export const HOLDOUT_COLUMNS = 4000;
