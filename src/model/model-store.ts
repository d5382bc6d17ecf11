/**
 * Reads and writes a column model folder, models/<name>/<version>/: model.json (tfjs layers format),
 * weights.bin, metadata.json and metrics.json. Loading goes through a custom IOHandler that reads
 * the files from disk (no tfjs-node, no network). Metadata is checked before the model is trusted:
 * the label count must match the output layer and the feature schema must be the runtime's.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as TfCore from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import { tf, tfLayers } from './tf.js';
import type { ModelCalibration, ModelNovelty } from './calibration.js';
import { FEATURE_SCHEMA_VERSION, FEATURE_SIZE } from './features.js';

export const MODEL_NAME = 'column-model';

export interface ModelMetadata {
  readonly name: string;
  readonly version: string;
  readonly labels: readonly string[];
  readonly featureSchemaVersion: number;
  readonly featureSize: number;
  readonly generator: {
    readonly seed: number;
    readonly trainColumns: number;
    readonly holdoutSeed: number;
    readonly holdoutColumns: number;
    readonly locales: readonly string[];
  };
  readonly libraries: Readonly<Record<string, string>>;
  readonly trainedAt: string;
  readonly trainingSeconds: number;
  /** Absent in a model trained before calibration: its probabilities are used as they come. */
  readonly calibration?: ModelCalibration;
  /** Absent: the model never abstains on novelty. */
  readonly novelty?: ModelNovelty;
}

export class ModelLoadError extends Error {
  override readonly name = 'ModelLoadError';
}

/** The repository's models/ folder (dist/src/model → ../../../models; src/model → ../../models). */
export function defaultModelsRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = path.join(dir, 'models');
    if (fs.existsSync(path.join(candidate, MODEL_NAME, 'CURRENT'))) return candidate;
    dir = path.dirname(dir);
  }
  throw new ModelLoadError(`cannot find models/${MODEL_NAME}/CURRENT above ${fileURLToPath(import.meta.url)}`);
}

/** The folder of the shipped version named in models/<name>/CURRENT. */
export function currentModelDir(root = defaultModelsRoot(), name = MODEL_NAME): string {
  const version = fs.readFileSync(path.join(root, name, 'CURRENT'), 'utf8').trim();
  return path.join(root, name, version);
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new ModelLoadError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new ModelLoadError(`${file} is not valid JSON`);
  }
}

/** Reads metadata.json and checks what can be checked without the weights. */
export function readMetadata(dir: string): ModelMetadata {
  const file = path.join(dir, 'metadata.json');
  const meta = readJson(file) as Partial<ModelMetadata>;
  if (!Array.isArray(meta.labels) || meta.labels.length === 0 || !meta.labels.every((l) => typeof l === 'string')) {
    throw new ModelLoadError(`${file}: "labels" must be a non-empty list of category keys`);
  }
  if (typeof meta.version !== 'string') throw new ModelLoadError(`${file}: "version" is missing`);
  if (meta.featureSchemaVersion !== FEATURE_SCHEMA_VERSION) {
    throw new ModelLoadError(
      `${file}: model was trained on feature schema ${String(meta.featureSchemaVersion)}, this piiscout computes schema ${FEATURE_SCHEMA_VERSION}; retrain with npm run train`,
    );
  }
  if (meta.featureSize !== FEATURE_SIZE) throw new ModelLoadError(`${file}: featureSize ${String(meta.featureSize)} does not match the runtime's ${FEATURE_SIZE}`);
  const temperature = meta.calibration?.temperature;
  if (meta.calibration && !(typeof temperature === 'number' && temperature > 0)) throw new ModelLoadError(`${file}: calibration.temperature must be a positive number`);
  const shrink = meta.calibration?.shrink;
  if (shrink !== undefined && !(typeof shrink === 'number' && shrink > 0 && shrink <= 1)) throw new ModelLoadError(`${file}: calibration.shrink must be a number in (0, 1]`);
  if (meta.novelty && !(Array.isArray(meta.novelty.centroids) && meta.novelty.centroids.length > 0 && typeof meta.novelty.threshold === 'number')) {
    throw new ModelLoadError(`${file}: novelty needs centroids and a threshold`);
  }
  return meta as ModelMetadata;
}

/** An IOHandler that loads model.json and its weight files from a folder. */
export function diskLoadHandler(dir: string): TfCore.io.IOHandler {
  return {
    load: async () => {
      const modelJson = readJson(path.join(dir, 'model.json')) as TfCore.io.ModelJSON;
      const buffers: Buffer[] = [];
      for (const group of modelJson.weightsManifest ?? []) {
        for (const p of group.paths) {
          const file = path.join(dir, p);
          if (!fs.existsSync(file)) throw new ModelLoadError(`weights file ${file} is missing`);
          buffers.push(fs.readFileSync(file));
        }
      }
      const all = Buffer.concat(buffers);
      return {
        modelTopology: modelJson.modelTopology,
        format: modelJson.format,
        generatedBy: modelJson.generatedBy,
        convertedBy: modelJson.convertedBy,
        weightSpecs: (modelJson.weightsManifest ?? []).flatMap((g) => g.weights),
        weightData: all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength),
      };
    },
  };
}

export interface LoadedModel {
  readonly model: LayersModel;
  readonly metadata: ModelMetadata;
  readonly dir: string;
}

/** Loads and checks a model folder; the backend must be initialised first. */
export async function loadModel(dir: string): Promise<LoadedModel> {
  const metadata = readMetadata(dir);
  let model: LayersModel;
  try {
    model = await tfLayers.loadLayersModel(diskLoadHandler(dir));
  } catch (error) {
    if (error instanceof ModelLoadError) throw error;
    throw new ModelLoadError(`cannot load the model in ${dir}: ${(error as Error).message}`);
  }
  const outputs = model.outputs[0].shape[model.outputs[0].shape.length - 1];
  if (outputs !== metadata.labels.length) {
    model.dispose();
    throw new ModelLoadError(`${dir}: metadata.json lists ${metadata.labels.length} labels but the model has ${String(outputs)} outputs`);
  }
  const inputs = model.inputs[0].shape[model.inputs[0].shape.length - 1];
  if (inputs !== FEATURE_SIZE) {
    model.dispose();
    throw new ModelLoadError(`${dir}: the model takes ${String(inputs)} features, the runtime computes ${FEATURE_SIZE}`);
  }
  return { model, metadata, dir };
}

/** Writes model.json + weights.bin (the tfjs-node file:// layout) through a save handler. */
export async function saveModel(model: LayersModel, dir: string): Promise<void> {
  fs.mkdirSync(dir, { recursive: true });
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      const data = artifacts.weightData;
      const weights = Array.isArray(data) ? tf.io.concatenateArrayBuffers(data) : (data as ArrayBuffer);
      fs.writeFileSync(path.join(dir, 'weights.bin'), Buffer.from(weights));
      const modelJson = {
        format: artifacts.format,
        generatedBy: artifacts.generatedBy,
        convertedBy: artifacts.convertedBy ?? null,
        modelTopology: artifacts.modelTopology,
        weightsManifest: [{ paths: ['weights.bin'], weights: artifacts.weightSpecs }],
      };
      fs.writeFileSync(path.join(dir, 'model.json'), JSON.stringify(modelJson));
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
    }),
  );
}
