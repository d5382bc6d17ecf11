/**
 * Reads a Fides system manifest (the `system:` list of `fides push` YAML) far enough to join it to
 * dataset files: each system's privacy declarations with their data use, data subjects, declared
 * categories and `dataset_references`. Other keys (egress, description, …) are left alone.
 * A malformed manifest is one UserError line that names the YAML path.
 */
import fs from 'node:fs';
import YAML from 'yaml';
import { UserError } from '../core/errors.js';
import { documentToJs } from '../util/yaml-input.js';

export interface PrivacyDeclaration {
  readonly name?: string;
  readonly dataUse: string;
  readonly dataSubjects: readonly string[];
  readonly dataCategories: readonly string[];
  readonly datasetReferences: readonly string[];
}

export interface FidesSystem {
  readonly key: string;
  readonly name: string;
  readonly declarations: readonly PrivacyDeclaration[];
}

export interface SystemsManifest {
  readonly file: string;
  readonly systems: readonly FidesSystem[];
}

const HINT = 'expected a Fides system manifest: `system:` list of {fides_key, name, privacy_declarations: [{data_use, data_subjects, data_categories, dataset_references}]}';

export function loadSystemsManifest(file: string): SystemsManifest {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(`Cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (code ?? 'unreadable')}`, {
      hint: 'check the --systems path',
    });
  }
  return parseSystemsManifest(text, file);
}

export function parseSystemsManifest(text: string, file = '<systems>'): SystemsManifest {
  const lineCounter = new YAML.LineCounter();
  const doc = YAML.parseDocument(text, { prettyErrors: false, lineCounter });
  const error = doc.errors[0];
  if (error) {
    const pos = error.pos ? lineCounter.linePos(error.pos[0]) : undefined;
    throw new UserError(`${file}: invalid YAML${pos ? ` at line ${pos.line}, column ${pos.col}` : ''}: ${error.message.split('\n')[0]}`, { hint: HINT });
  }
  const fail = (at: string, message: string): never => {
    throw new UserError(`${file}: ${at ? `${at}: ` : ''}${message}`, { hint: HINT });
  };
  const root: unknown = documentToJs(doc, file, HINT);
  if (!isRecord(root) || !Array.isArray(root.system)) return fail('', 'not a Fides system manifest (no top-level `system:` list)');
  const systems = (root.system as unknown[]).map((raw, i): FidesSystem => {
    const at = `system[${i}]`;
    if (!isRecord(raw)) return fail(at, 'must be a mapping');
    const key = text1(raw.fides_key, `${at}.fides_key`, fail, true)!;
    const name = text1(raw.name, `${at}.name`, fail, false) ?? key;
    const declarations = list(raw.privacy_declarations, `${at}.privacy_declarations`, fail).map((d, j): PrivacyDeclaration => {
      const dAt = `${at}.privacy_declarations[${j}]`;
      if (!isRecord(d)) return fail(dAt, 'must be a mapping');
      const declarationName = text1(d.name, `${dAt}.name`, fail, false);
      return {
        ...(declarationName !== undefined ? { name: declarationName } : {}),
        dataUse: text1(d.data_use, `${dAt}.data_use`, fail, true)!,
        dataSubjects: keys(d.data_subjects, `${dAt}.data_subjects`, fail),
        dataCategories: keys(d.data_categories, `${dAt}.data_categories`, fail),
        datasetReferences: keys(d.dataset_references, `${dAt}.dataset_references`, fail),
      };
    });
    return { key, name, declarations };
  });
  const seen = new Set<string>();
  systems.forEach((s, i) => {
    if (seen.has(s.key)) fail(`system[${i}].fides_key`, `duplicate fides_key '${s.key}'`);
    seen.add(s.key);
  });
  return { file, systems };
}

type Fail = (at: string, message: string) => never;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function text1(v: unknown, at: string, fail: Fail, required: boolean): string | undefined {
  if (v === undefined || v === null) return required ? fail(at, 'is required') : undefined;
  if (typeof v !== 'string' || v.trim() === '') return fail(at, 'must be a non-empty string');
  return v;
}

function list(v: unknown, at: string, fail: Fail): unknown[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) return fail(at, 'must be a list');
  return v;
}

function keys(v: unknown, at: string, fail: Fail): string[] {
  return list(v, at, fail).map((k, i) => (typeof k === 'string' && k.trim() !== '' ? k : fail(`${at}[${i}]`, 'must be a fides_key string')));
}
