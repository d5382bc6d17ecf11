/** The evidence behind a field's proposal, as "Show evidence" unfolds it. */
import type { EvidenceView, FieldDetail, ProposedFidesMetaView } from '../api-types.js';
import { h } from './dom.js';
import { band, BAND_LABEL, factorLabel, pct, strength } from './format.js';
import { app, catLabel } from './state.js';
import type { Field } from './store.js';

export function evidenceBlock(f: Field, detail: FieldDetail): HTMLElement {
  const box = h('div', { class: 'evidence' });
  const proposal = f.machineProposal ?? (typeof f.confidence === 'number' ? { categories: f.categories, confidence: f.confidence } : null);
  if (proposal) {
    const level = BAND_LABEL[band(proposal.confidence, app.store.bands)].toLowerCase();
    box.append(
      h('p', null, 'piiscout suggested ', h('strong', { text: proposal.categories.map(catLabel).join(', ') }), ` with ${pct(proposal.confidence)} confidence (${level}).`),
    );
  }
  if (f.status === 'edited') box.append(h('p', null, 'A reviewer changed this to ', h('strong', { text: f.categories.map(catLabel).join(', ') }), '.'));
  const { found, nothing } = sortEvidence(f, detail);
  if (found.length) {
    box.append(h('h3', { text: 'What piiscout found' }), h('ul', { class: 'found' }, found.map(evidenceItem)));
  } else if (f.categories.length === 1 && f.categories[0] === 'system.operations') {
    box.append(h('p', { text: `Nothing pointed to personal data, so piiscout filled in the default category, ${catLabel('system.operations')}.` }));
  } else {
    box.append(h('p', { text: nothing.length ? 'No check found anything for this field.' : 'No evidence was recorded for this field.' }));
  }
  if (nothing.length) box.append(foldedEvidence(f.index, nothing));
  if (detail.alternatives.length) {
    box.append(
      h('h3', { text: 'Other possibilities' }),
      h('ul', null, detail.alternatives.map((a) => h('li', null, catLabel(a.category), h('span', { class: 'strength', text: ` · ${pct(a.confidence)}` })))),
    );
  }
  if (detail.proposedFidesMeta) {
    box.append(h('p', null, h('strong', { text: 'Accepting also declares for Fides requests: ' }), fidesMetaText(detail.proposedFidesMeta)));
  }
  if (detail.note) box.append(h('p', null, h('strong', { text: 'Note: ' }), detail.note));
  if (detail.description) box.append(h('p', null, h('strong', { text: 'Description in the database: ' }), detail.description));
  return box;
}

/** A proposed identity and references in words (see fides/subject-request.ts). */
function fidesMetaText(meta: ProposedFidesMetaView): string {
  const parts: string[] = [];
  if (meta.identity) parts.push(`this field identifies a person (${meta.identity})`);
  for (const r of meta.references ?? []) parts.push(r.direction === 'from' ? `rows are found by ${r.field}` : `follow to ${r.field}`);
  return `${parts.join('; ')}.`;
}

/**
 * Evidence for the suggested categories first, then for the other possibilities, then the rest;
 * within each, signals for before those against, strongest first. Checks that found nothing
 * (score 0, e.g. "none of 20 sampled values are ...") go to a folded list of their own.
 */
function sortEvidence(f: Field, detail: FieldDetail): { found: EvidenceView[]; nothing: EvidenceView[] } {
  const suggested = new Set([...f.categories, ...(f.machineProposal?.categories ?? [])]);
  const alternatives = new Set(detail.alternatives.map((a) => a.category));
  const rank = (e: EvidenceView) => (suggested.has(e.category) ? 0 : alternatives.has(e.category) ? 1 : 2);
  const sorted = detail.evidence.slice().sort((a, b) => rank(a) - rank(b) || Number(!!a.veto) - Number(!!b.veto) || b.score - a.score);
  return { found: sorted.filter((e) => e.veto || e.score > 0), nothing: sorted.filter((e) => !e.veto && !(e.score > 0)) };
}

function evidenceItem(e: EvidenceView): HTMLElement {
  return h(
    'li',
    null,
    h('strong', { text: `${factorLabel(e.factor)}: ` }),
    e.reason,
    e.veto ? h('span', { class: 'against', text: ` — rules out ${catLabel(e.category)}` }) : ` — points to ${catLabel(e.category)}`,
    e.veto ? null : h('span', { class: 'strength', text: ` · ${strength(e.score)} signal (${pct(e.score)})` }),
  );
}

function foldedEvidence(index: number, nothing: EvidenceView[]): HTMLElement {
  const open = app.evidenceMore.has(index);
  const id = `more-${index}`;
  const list = h('ul', { class: 'nothing', id, hidden: !open }, nothing.map((e) => h('li', null, h('strong', { text: `${factorLabel(e.factor)}: ` }), e.reason)));
  const checks = nothing.length === 1 ? 'check that found nothing' : `${nothing.length} checks that found nothing`;
  const label = (isOpen: boolean) => (isOpen ? 'Hide the ' : `Show ${nothing.length} more: the `) + checks;
  const button = h('button', { type: 'button', class: 'link more', 'aria-expanded': open ? 'true' : 'false', 'aria-controls': id, 'data-focus': 'more', text: label(open) });
  button.addEventListener('click', () => {
    const nowOpen = !app.evidenceMore.has(index);
    if (nowOpen) app.evidenceMore.add(index);
    else app.evidenceMore.delete(index);
    list.hidden = !nowOpen;
    button.setAttribute('aria-expanded', nowOpen ? 'true' : 'false');
    button.textContent = label(nowOpen);
    app.list.heightChanged(index);
  });
  return h('div', { class: 'folded' }, button, list);
}
