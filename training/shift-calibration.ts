/**
 * Shifted data for the calibration (issue 16): a temperature fitted on columns like the training
 * columns cannot see how over-confident the model is on columns unlike them (a schema it has never
 * seen), so the calibration is fitted on what models trained WITHOUT some kinds of columns say about
 * them. Leave-kind-out: fold f holds out every SHIFT_FOLDS-th kind of each group (personal, not
 * personal) from position f; a fold model, trained by the shipped recipe on the other kinds' training
 * columns, judges the calibration stream (CALIBRATION_SEED), about a third of which are kinds it never
 * saw (a label may then be unreachable for it, as a real column of an unknown shape is). The pooled
 * judgements of all folds are what the temperature and shrink are fitted on. No corpus is read.
 */
import type { LayersModel } from '@tensorflow/tfjs-layers';
import { FEATURE_SIZE } from '../src/model/features.js';
import { MODEL_LABELS } from '../src/model/labels.js';
import { headsRunner } from '../src/model/predict.js';
import { PERSONAL_KINDS } from './kinds-personal.js';
import { OPERATION_KINDS } from './kinds-operations.js';
import { trainModel } from './mlp.js';

export const SHIFT_FOLDS = 3;
/**
 * Epochs of a fold model, with the learning-rate step after FOLD_STEP_EPOCH: half the shipped recipe's
 * 12 (three fold models at 12 epochs would take `npm run train` past its 30 minutes on a loaded 2-core box).
 */
export const FOLD_EPOCHS = 6;
export const FOLD_STEP_EPOCH = 4;

/** The kinds fold `fold` holds out: every SHIFT_FOLDS-th of each group, from position `fold`. */
export function heldOutKinds(fold: number, folds = SHIFT_FOLDS): ReadonlySet<string> {
  const every = (kinds: readonly { readonly id: string }[]) => kinds.filter((_, i) => i % folds === fold).map((k) => k.id);
  return new Set([...every(PERSONAL_KINDS), ...every(OPERATION_KINDS)]);
}

export interface ShiftedJudgements {
  /** Logits of every calibration column by every fold model (fold after fold). */
  readonly logits: Float32Array;
  readonly labels: Int32Array;
  /** 1 where the column's kind was held out of the fold model that judged it. */
  readonly heldOut: Uint8Array;
  readonly folds: number;
}

export async function shiftedJudgements(
  train: { readonly x: Float32Array; readonly y: ArrayLike<number>; readonly kinds: readonly string[] },
  calibration: { readonly x: Float32Array; readonly y: ArrayLike<number>; readonly kinds: readonly string[] },
  options: { readonly seed: number; readonly smoothing: number; readonly log?: (line: string) => void },
): Promise<ShiftedJudgements> {
  const width = MODEL_LABELS.length;
  const n = calibration.y.length;
  const logits = new Float32Array(SHIFT_FOLDS * n * width);
  const labels = new Int32Array(SHIFT_FOLDS * n);
  const heldOut = new Uint8Array(SHIFT_FOLDS * n);
  for (let fold = 0; fold < SHIFT_FOLDS; fold++) {
    const held = heldOutKinds(fold);
    const rows = train.kinds.flatMap((kind, i) => (held.has(kind) ? [] : [i]));
    options.log?.(`fold ${fold + 1}/${SHIFT_FOLDS}: ${held.size} kinds held out, ${rows.length} training columns`);
    const model: LayersModel = await trainModel({
      x: train.x,
      y: train.y,
      rows,
      labels: width,
      epochs: FOLD_EPOCHS,
      stepEpoch: FOLD_STEP_EPOCH,
      seed: options.seed + fold + 1,
      smoothing: options.smoothing,
      log: options.log && ((line) => options.log!(`fold ${fold + 1}: ${line}`)),
    });
    const out = headsRunner(model)(calibration.x, FEATURE_SIZE);
    logits.set(out.logits, fold * n * width);
    for (let i = 0; i < n; i++) {
      labels[fold * n + i] = calibration.y[i];
      heldOut[fold * n + i] = held.has(calibration.kinds[i]) ? 1 : 0;
    }
    model.dispose();
  }
  return { logits, labels, heldOut, folds: SHIFT_FOLDS };
}
