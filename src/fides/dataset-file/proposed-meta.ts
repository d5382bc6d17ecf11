/**
 * A field's proposed `fides_meta` (identity, references with a direction; see
 * fides/subject-request.ts) waits in `piiscout.proposed_fides_meta` until a reviewer accepts the
 * field; accepting moves it into `fides_meta`, where Fides reads it. What a person wrote there wins:
 * a different identity, or a reference to the same field with another direction, is left as it is,
 * and that part of the proposal stays proposed. A reference without a direction (as a scan writes a
 * declared foreign key) takes the proposal's direction.
 */
import type { Document, YAMLMap } from 'yaml';
import { child, childMap, childSeq, createNode, ensureMap, setKey } from './yaml-nodes.js';

export const PROPOSED_META_KEY = 'proposed_fides_meta';

interface Reference {
  dataset?: unknown;
  field?: unknown;
  direction?: unknown;
}

interface ProposedMeta {
  identity?: string;
  references?: Reference[];
}

/** Where a field's keys go, in the writer's order (fides_meta before sub-fields and the record). */
const FIELD_KEYS_AFTER_META = ['fields', 'piiscout'];

/**
 * What of `proposed` is not yet in `fidesMeta` (plain data), split into what can be taken over and
 * what conflicts with a person's entry.
 */
export function splitProposal(fidesMeta: unknown, proposed: unknown): { adopt: ProposedMeta; conflict: ProposedMeta } {
  const meta = (isRecord(fidesMeta) ? fidesMeta : {}) as { identity?: unknown; references?: unknown };
  const p = (isRecord(proposed) ? proposed : {}) as { identity?: unknown; references?: unknown };
  const adopt: ProposedMeta = {};
  const conflict: ProposedMeta = {};
  if (typeof p.identity === 'string' && p.identity !== meta.identity) {
    if (meta.identity === undefined || meta.identity === null) adopt.identity = p.identity;
    else conflict.identity = p.identity;
  }
  const existing = (Array.isArray(meta.references) ? meta.references : []).filter(isRecord) as Reference[];
  for (const ref of (Array.isArray(p.references) ? p.references : []).filter(isRecord) as Reference[]) {
    const same = existing.find((e) => e.dataset === ref.dataset && e.field === ref.field);
    if (same && same.direction === ref.direction) continue;
    const list = !same || same.direction === undefined || same.direction === null ? (adopt.references ??= []) : (conflict.references ??= []);
    list.push(ref);
  }
  return { adopt, conflict };
}

/** True when the proposal holds anything. */
export function hasProposal(p: ProposedMeta): boolean {
  return p.identity !== undefined || (p.references?.length ?? 0) > 0;
}

/**
 * Moves a field's proposed fides_meta into `fides_meta` (an accepted field); what conflicts with a
 * person's entry stays in the record. Returns whether anything moved.
 */
export function adoptProposedMeta(doc: Document, field: YAMLMap): boolean {
  const record = childMap(field, 'piiscout');
  const proposedNode = record && child(record, PROPOSED_META_KEY);
  if (!record || proposedNode === undefined) return false;
  const current = childMap(field, 'fides_meta');
  const { adopt, conflict } = splitProposal(current?.toJSON(), (proposedNode as { toJSON?: () => unknown }).toJSON?.());
  if (hasProposal(conflict)) setKey(record, PROPOSED_META_KEY, createNode(doc, conflict));
  else record.delete(PROPOSED_META_KEY);
  if (!hasProposal(adopt)) return false;
  const meta = current ?? ensureMap(doc, field, 'fides_meta', FIELD_KEYS_AFTER_META);
  if (adopt.identity !== undefined) setKey(meta, 'identity', createNode(doc, adopt.identity), ['references']);
  if (adopt.references) {
    const refs = childSeq(meta, 'references');
    if (!refs) setKey(meta, 'references', createNode(doc, adopt.references));
    else {
      for (const ref of adopt.references) {
        const same = refs.items.find((item) => {
          const plain = (item as { toJSON?: () => unknown }).toJSON?.() as Reference | undefined;
          return plain?.dataset === ref.dataset && plain?.field === ref.field;
        });
        if (same) (same as YAMLMap).set('direction', ref.direction);
        else refs.items.push(createNode(doc, ref));
      }
    }
  }
  return true;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * After a scan: the field's record holds what the scan proposes that `fides_meta` does not hold yet
 * (nothing, once accepted); a human decision and what a person wrote in `fides_meta` stay as they are.
 */
export function recordPendingProposal(doc: Document, field: YAMLMap, proposed: unknown): void {
  const { adopt, conflict } = splitProposal(childMap(field, 'fides_meta')?.toJSON(), proposed);
  const pending: ProposedMeta = {
    ...(adopt.identity !== undefined
      ? { identity: adopt.identity }
      : conflict.identity !== undefined
        ? { identity: conflict.identity }
        : {}),
    ...((adopt.references?.length ?? 0) + (conflict.references?.length ?? 0) > 0
      ? { references: [...(adopt.references ?? []), ...(conflict.references ?? [])] }
      : {}),
  };
  const record = childMap(field, 'piiscout');
  if (!hasProposal(pending)) {
    record?.delete(PROPOSED_META_KEY);
    return;
  }
  setKey(record ?? ensureMap(doc, field, 'piiscout'), PROPOSED_META_KEY, createNode(doc, pending), ['factors', 'alternatives', 'evidence', 'proposal']);
}
