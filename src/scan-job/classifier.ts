/**
 * The classifier a scan job runs, composed from the parsed config: the rules (with or without the
 * column model) on all cores, or the model alone in this thread. Modules load lazily: only scans that
 * use the model pay for TF.js.
 */
import { UserError } from '../core/errors.js';
import type { PiiscoutConfig } from '../config/schema.js';
import type { ColumnClassifier } from '../classify/types.js';
import type { ColumnModel } from '../model/model-classifier.js';
import type { MessageLevel } from './settings.js';

export type JobClassifier = ColumnClassifier & { close?(): Promise<void> };

export interface ComposedClassifier {
  readonly classifier: JobClassifier;
  /** The column model still to load (rules+model): loaded while the connection opens, see connectLoadingModel. */
  readonly model?: ColumnModel;
}

type Say = (level: MessageLevel, line: string) => void;

export async function composeClassifier(
  kind: { readonly ml: boolean; readonly mlOnly?: boolean },
  config: PiiscoutConfig | undefined,
  say: Say,
): Promise<ComposedClassifier> {
  const { createParallelClassifier, defaultClassifyWorkers } = await import('../classify/parallel-classifier.js');
  if (kind.mlOnly) {
    const { createModelOnlyClassifier } = await import('../model/ml-classifiers.js');
    return { classifier: createModelOnlyClassifier(await loadColumnModel(say)) };
  }
  const model = kind.ml !== false ? await createModel() : undefined;
  const workers = defaultClassifyWorkers();
  const classifier = model ? createParallelClassifier({ workers, config, ml: true, model }) : createParallelClassifier({ workers, config, ml: false });
  return { classifier, model };
}

async function createModel(): Promise<ColumnModel> {
  const { createColumnModel } = await import('../model/model-classifier.js');
  return createColumnModel();
}

export async function loadColumnModel(say: Say, model?: ColumnModel): Promise<ColumnModel> {
  model ??= await createModel();
  try {
    const info = await model.load();
    say('debug', `column model ${info.name}@${info.version} on the ${info.backend} backend, loaded in ${info.loadMs} ms`);
  } catch (error) {
    throw new UserError(`Cannot load the column model: ${(error as Error).message}`, { hint: 'scan with --no-ml to use the rules only' });
  }
  return model;
}

/**
 * Waits for the connection and the model, started together: the model's loading (TF.js, ~0.2 s of
 * CPU) runs while the server answers. A connection error wins over a model error.
 */
export async function connectLoadingModel(connecting: Promise<void>, modelLoading: Promise<unknown> | undefined): Promise<void> {
  // Not awaited yet when connecting fails: it must not become an unhandled rejection.
  modelLoading?.catch(() => undefined);
  await connecting;
  await modelLoading;
}
