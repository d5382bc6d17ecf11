/**
 * Drift for people (text, columns that became personal data first) and for machines (the
 * snake_case JSON that `piiscout diff --json` prints and the scan history stores).
 */
import { hasDrift, type DriftReport, type ProposalDrift } from './drift.js';

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
const cats = (c: readonly string[]): string => (c.length ? c.join(', ') : '(none)');

function change(p: ProposalDrift): string {
  return `${p.column}: ${cats(p.old)} → ${cats(p.new)}${p.decided ? ' (a person decided this field; the decision is kept, review it)' : ''}`;
}

/** The report as lines (no trailing newline); `limit` caps each list, the rest is counted. */
export function formatDrift(d: DriftReport, limit = 50): string[] {
  if (!hasDrift(d)) return ['No drift: same tables, columns and proposals.'];
  const lines: string[] = [];
  const section = (mark: string, title: string, items: readonly string[]): void => {
    if (items.length === 0) return;
    lines.push(`${mark} ${title}:`);
    for (const item of items.slice(0, limit)) lines.push(`    ${item}`);
    if (items.length > limit) lines.push(`    … and ${items.length - limit} more`);
  };
  section('!', `${plural(d.becamePersonal.length, 'column')} became personal data`, d.becamePersonal.map(change));
  section('!', `${plural(d.newPersonalColumns.length, 'new column')} proposed as personal data`, d.newPersonalColumns);
  section('+', plural(d.newTables.length, 'new table'), d.newTables);
  section('-', plural(d.removedTables.length, 'removed table'), d.removedTables);
  section('+', `${plural(d.newColumns.length, 'new column')} in existing tables`, d.newColumns);
  section('-', `${plural(d.removedColumns.length, 'removed column')} from existing tables`, d.removedColumns);
  const others = d.changedProposals.filter((c) => !d.becamePersonal.includes(c));
  section('~', `${plural(others.length, 'other changed proposal')}`, others.map(change));
  return lines;
}

/** One line for logs: "drift: 1 became personal, 2 new columns, 1 removed column". */
export function driftSummaryLine(d: DriftReport): string {
  if (!hasDrift(d)) return 'no drift';
  const parts: string[] = [];
  const add = (n: number, what: string): void => void (n > 0 && parts.push(`${n} ${what}`));
  add(d.becamePersonal.length, 'became personal');
  add(d.newTables.length, d.newTables.length === 1 ? 'new table' : 'new tables');
  add(d.removedTables.length, d.removedTables.length === 1 ? 'removed table' : 'removed tables');
  add(d.newColumns.length, d.newColumns.length === 1 ? 'new column' : 'new columns');
  add(d.removedColumns.length, d.removedColumns.length === 1 ? 'removed column' : 'removed columns');
  add(d.changedProposals.length, d.changedProposals.length === 1 ? 'changed proposal' : 'changed proposals');
  return `drift: ${parts.join(', ')}`;
}

export interface DriftJson {
  new_tables: string[];
  removed_tables: string[];
  new_columns: string[];
  removed_columns: string[];
  new_personal_columns: string[];
  changed_proposals: { column: string; old: string[]; new: string[]; decided: boolean }[];
  became_personal: { column: string; old: string[]; new: string[]; decided: boolean }[];
  /** Set when lists were cut to `limit` entries; the counts are of the full lists. */
  truncated?: true;
  counts: Record<'new_tables' | 'removed_tables' | 'new_columns' | 'removed_columns' | 'new_personal_columns' | 'changed_proposals' | 'became_personal', number>;
}

/** Snake_case JSON; with `limit`, each list keeps at most that many entries (history lines stay small). */
export function driftJson(d: DriftReport, limit = Infinity): DriftJson {
  let truncated = false;
  const cap = <T>(items: readonly T[]): T[] => {
    if (items.length > limit) truncated = true;
    return items.slice(0, limit);
  };
  const p = (x: ProposalDrift) => ({ column: x.column, old: x.old, new: x.new, decided: x.decided });
  const json: DriftJson = {
    new_tables: cap(d.newTables),
    removed_tables: cap(d.removedTables),
    new_columns: cap(d.newColumns),
    removed_columns: cap(d.removedColumns),
    new_personal_columns: cap(d.newPersonalColumns),
    changed_proposals: cap(d.changedProposals).map(p),
    became_personal: cap(d.becamePersonal).map(p),
    counts: {
      new_tables: d.newTables.length,
      removed_tables: d.removedTables.length,
      new_columns: d.newColumns.length,
      removed_columns: d.removedColumns.length,
      new_personal_columns: d.newPersonalColumns.length,
      changed_proposals: d.changedProposals.length,
      became_personal: d.becamePersonal.length,
    },
  };
  return truncated ? { ...json, truncated: true } : json;
}
