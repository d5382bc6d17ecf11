/** Seeds and sizes of the generated data: train.ts and eval.ts must agree on them. */
export const TRAIN_SEED = 20261127;
export const HOLDOUT_SEED = 777001;
export const TRAIN_COLUMNS = 36000;
export const HOLDOUT_COLUMNS = 4000;
/** Generated columns the temperature is fitted on: a third seed stream, never trained on, never reported on. */
export const CALIBRATION_SEED = 777002;
export const CALIBRATION_COLUMNS = 4000;
