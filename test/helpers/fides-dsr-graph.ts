/**
 * Fides' DSR graph of dataset files, walked as Fides walks it: a collection with a field that has
 * `fides_meta.identity` is a start; a field's reference with `direction: to` leads from its
 * collection to the referenced one, `from` the other way, and one without a direction both ways.
 * Only `fides_meta` counts (what Fides reads); piiscout's proposals do not.
 */

export interface Reference {
  dataset: string;
  field: string;
  direction?: 'from' | 'to';
}

export interface Field {
  name: string;
  data_categories?: string[];
  fides_meta?: { identity?: string; references?: Reference[]; primary_key?: boolean };
  fields?: Field[];
  piiscout?: { status?: string; proposed_fides_meta?: { identity?: string; references?: Reference[] } };
}

export interface Collection {
  name: string;
  fields: Field[];
  piiscout?: { data_subjects?: string[] };
}

export interface Dataset {
  fides_key: string;
  name: string;
  meta?: { piiscout?: { data_subjects?: string[] } };
  collections: Collection[];
}

/** `dataset.collection` of every collection Fides can reach from an identity. */
export function fidesReach(datasets: readonly Dataset[]): Set<string> {
  const edges = new Map<string, Set<string>>();
  const edge = (from: string, to: string) => {
    const set = edges.get(from) ?? new Set<string>();
    set.add(to);
    edges.set(from, set);
  };
  const starts: string[] = [];
  const visit = (node: string, fields: readonly Field[]) => {
    for (const f of fields) {
      if (f.fides_meta?.identity) starts.push(node);
      for (const r of f.fides_meta?.references ?? []) {
        const target = `${r.dataset}.${r.field.split('.')[0]}`;
        if (r.direction !== 'from') edge(node, target);
        if (r.direction !== 'to') edge(target, node);
      }
      visit(node, f.fields ?? []);
    }
  };
  for (const d of datasets) for (const c of d.collections) visit(`${d.fides_key}.${c.name}`, c.fields);
  const reached = new Set(starts);
  const queue = [...starts];
  while (queue.length > 0) {
    for (const next of edges.get(queue.shift()!) ?? []) {
      if (reached.has(next)) continue;
      reached.add(next);
      queue.push(next);
    }
  }
  return reached;
}
