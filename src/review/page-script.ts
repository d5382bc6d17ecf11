/**
 * The review page's client code (plain browser JS, inserted inline by page.ts). Builds every piece
 * of the page from /api/state with DOM calls and text nodes, never innerHTML, so names from the
 * file (which may hold `<`, quotes, any unicode) are always shown as text. Kept free of backticks
 * and dollar-brace so it can live in this String.raw literal.
 */
export const PAGE_SCRIPT = String.raw`
'use strict';
(function () {
  const token = new URLSearchParams(location.search).get('token') || '';
  const STATUS_LABEL = { proposed: 'To review', accepted: 'Accepted', edited: 'Changed by reviewer', ignored: 'Ignored' };
  const FACTOR_LABEL = { name: 'Column name', values: 'Sampled values', type: 'Data type', model: 'Learned model' };
  const CHANGED_MSG = 'The file was changed outside this page — reload to see the latest version.';

  const app = {
    state: null,
    fields: new Map(),      // key -> field
    taxonomy: new Map(),    // category key -> entry
    view: { kind: 'all' },
    filters: { q: '', status: '', min: 0, category: '' },
    selected: new Set(),
    expanded: new Set(),
    evidenceMore: new Set(), // fields whose checks that found nothing are unfolded
    currentKey: null,
    currentIndex: 0,
    shown: [],              // keys of the rows on screen, in order
    history: [],            // [{ label, undo: [{ address, previous }] }]
    queue: Promise.resolve(),
    pending: 0,
    seq: 0,
    conflict: false,
    picker: null,
    confirm: null,          // the bulk accept waiting for confirmation
  };

  const $ = (id) => document.getElementById(id);
  const keyOf = (a) => JSON.stringify([a.dataset, a.collection, a.field]);
  const pct = (n) => Math.round(n * 100) + '%';
  // The bands come from the server (src/review/confidence-bands.ts), the same as the CLI's.
  const bucket = (c) => (typeof c !== 'number' ? 'unrated' : c >= app.state.confidenceBands.high ? 'high' : c >= app.state.confidenceBands.medium ? 'medium' : 'low');
  const BUCKET_LABEL = { high: 'High', medium: 'Medium', low: 'Low', unrated: 'Not rated' };
  function bandRange(b) {
    const bands = app.state.confidenceBands;
    return { high: pct(bands.high) + ' or more', medium: pct(bands.medium) + ' to under ' + pct(bands.high), low: 'under ' + pct(bands.medium), unrated: 'no confidence recorded' }[b];
  }

  // ---------- small DOM helpers (text only, never HTML) ----------

  function h(tag, props) {
    const el = document.createElement(tag);
    if (props) {
      for (const name of Object.keys(props)) {
        const v = props[name];
        if (v === undefined || v === null || v === false) continue;
        if (name === 'class') el.className = v;
        else if (name === 'text') el.textContent = v;
        else if (name.slice(0, 2) === 'on') el.addEventListener(name.slice(2), v);
        else el.setAttribute(name, v === true ? '' : String(v));
      }
    }
    for (let i = 2; i < arguments.length; i++) append(el, arguments[i]);
    return el;
  }
  function append(el, child) {
    if (child === null || child === undefined || child === false) return;
    if (Array.isArray(child)) child.forEach((c) => append(el, c));
    else el.append(child instanceof Node ? child : String(child));
  }
  const SVG_NS = 'http://www.w3.org/2000/svg';
  const ICONS = {
    all: ['M3 4h10', 'M3 8h10', 'M3 12h10'],
    dataset: ['M2.5 3.8c0-1.1 2.5-2 5.5-2s5.5.9 5.5 2-2.5 2-5.5 2-5.5-.9-5.5-2z', 'M2.5 3.8v8.4c0 1.1 2.5 2 5.5 2s5.5-.9 5.5-2V3.8', 'M2.5 8c0 1.1 2.5 2 5.5 2s5.5-.9 5.5-2'],
    table: ['M3 2.5h10a1 1 0 0 1 1 1v9a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1v-9a1 1 0 0 1 1-1z', 'M2 6.5h12', 'M6.5 6.5v7'],
  };
  function icon(name) {
    const svg = document.createElementNS(SVG_NS, 'svg');
    svg.setAttribute('viewBox', '0 0 16 16');
    svg.setAttribute('width', '15');
    svg.setAttribute('height', '15');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('class', 'icon');
    for (const d of ICONS[name]) {
      const p = document.createElementNS(SVG_NS, 'path');
      p.setAttribute('d', d);
      p.setAttribute('fill', 'none');
      p.setAttribute('stroke', 'currentColor');
      p.setAttribute('stroke-width', '1.3');
      svg.append(p);
    }
    return svg;
  }
  function catName(key) {
    const e = app.taxonomy.get(key);
    return e ? e.name : 'Unknown category';
  }
  function catLabel(key) {
    return catName(key) + ' (' + key + ')';
  }
  function clock() {
    const d = new Date();
    return [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
  }

  // ---------- talking to the server ----------

  async function api(method, path, body) {
    const headers = { 'x-piiscout-token': token };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store' });
    let data = null;
    try { data = await res.json(); } catch (e) { data = null; }
    if (!res.ok) {
      const err = new Error((data && data.error) || 'The server answered ' + res.status + '.');
      err.status = res.status;
      throw err;
    }
    return data;
  }

  function setState(state) {
    app.state = state;
    app.fields = new Map();
    app.taxonomy = new Map(state.taxonomy.map((e) => [e.key, e]));
    for (const d of state.datasets) for (const c of d.collections) for (const f of c.fields) app.fields.set(keyOf(f.address), f);
    for (const k of [...app.selected]) if (!app.fields.has(k)) app.selected.delete(k);
  }

  /** Runs actions one after another, each against the version the previous one saved. */
  function act(body, label, onSaved) {
    app.pending++;
    app.seq++;
    setSaveStatus('busy', 'Saving…');
    app.queue = app.queue.then(async () => {
      if (app.conflict) { setSaveStatus('error', 'Not saved'); return; }
      try {
        const res = await api('POST', '/api/action', Object.assign({ expectedVersion: app.state.version }, body));
        if (onSaved) onSaved(res); else app.history.push({ label, undo: res.undo });
        setState(res.state);
        render();
        setSaveStatus('saved', 'Saved at ' + clock() + ' · ' + label);
      } catch (e) {
        if (e.status === 409) { setSaveStatus('error', 'Not saved'); showConflict(e.message); }
        else setSaveStatus('error', 'Not saved: ' + e.message);
      } finally {
        app.pending--;
      }
    });
    return app.queue;
  }

  function setSaveStatus(kind, text) {
    const el = $('save-status');
    el.className = 'save-status ' + kind;
    el.replaceChildren(h('span', { class: 'dot', 'aria-hidden': 'true' }), h('span', { text }));
  }

  function showConflict(message) {
    app.conflict = true;
    $('banner-text').textContent = message || CHANGED_MSG;
    $('banner').hidden = false;
    render();
  }

  // ---------- what is on screen ----------

  function fieldsInView() {
    const out = [];
    const v = app.view;
    for (const d of app.state.datasets) {
      if (v.kind !== 'all' && d.name !== v.dataset) continue;
      for (const c of d.collections) {
        if (v.kind === 'table' && c.name !== v.collection) continue;
        out.push(...c.fields);
      }
    }
    return out;
  }

  function passesFilters(f) {
    const fl = app.filters;
    if (fl.status && f.status !== fl.status) return false;
    if (fl.min > 0 && Math.round((f.confidence || 0) * 100) < fl.min) return false;
    if (fl.category && !f.categories.some((c) => c === fl.category || c.startsWith(fl.category + '.'))) return false;
    if (fl.q) {
      const q = fl.q.toLowerCase();
      const a = f.address;
      if (!(a.field.toLowerCase().includes(q) || (a.collection + '.' + a.field).toLowerCase().includes(q))) return false;
    }
    return true;
  }

  function render() {
    if (!app.state) return;
    const hadFocus = $('field-rows').contains(document.activeElement) || document.activeElement === document.body;
    renderHeader();
    renderTree();
    renderCategoryFilter();
    renderRows();
    renderBulk();
    $('undo-last').disabled = app.history.length === 0 || app.conflict;
    if (hadFocus && app.currentKey) focusRow(app.currentKey);
  }

  function renderHeader() {
    const s = app.state;
    $('file-name').textContent = s.fileName;
    $('file-name').title = s.filePath;
    const left = s.counts.toReview;
    const el = $('left-count');
    if (s.counts.total === 0) el.replaceChildren('This file has no fields.');
    else if (left === 0) el.replaceChildren(h('strong', { text: String(s.counts.total) }), ' fields, all reviewed');
    else el.replaceChildren(h('strong', { text: String(left) }), (left === 1 ? ' field' : ' fields') + ' left to review', h('span', { class: 'sr-only', text: ' of ' + s.counts.total }));
    const done = s.counts.total ? (s.counts.total - left) / s.counts.total : 1;
    $('progress-fill').style.setProperty('width', Math.round(done * 100) + '%');
    $('progress').title = (s.counts.total - left) + ' of ' + s.counts.total + ' fields reviewed';
  }

  function leftPill(n) {
    return n > 0 ? h('span', { class: 'pill todo', text: n + ' to review' }) : h('span', { class: 'pill done', text: '✓ Done' });
  }

  function sameView(a, b) {
    return a.kind === b.kind && a.dataset === b.dataset && a.collection === b.collection;
  }

  function treeButton(view, cls, iconName, label, left) {
    return h('button', {
      type: 'button',
      class: cls,
      'aria-current': sameView(view, app.view) ? 'true' : null,
      onclick: () => selectView(view),
    }, icon(iconName), h('span', { class: 'label', text: label, title: label }), leftPill(left));
  }

  function renderTree() {
    const list = $('tree-list');
    const items = [h('li', null, treeButton({ kind: 'all' }, 'all', 'all', 'All fields', app.state.counts.toReview))];
    for (const d of app.state.datasets) {
      const tables = d.collections.map((c) =>
        h('li', null, treeButton({ kind: 'table', dataset: d.name, collection: c.name }, 'tbl', 'table', c.name, c.counts.toReview)));
      items.push(h('li', null, treeButton({ kind: 'dataset', dataset: d.name }, 'ds', 'dataset', d.name, d.counts.toReview),
        h('ul', { 'aria-label': 'Tables in ' + d.name }, tables)));
    }
    list.replaceChildren(...items);
  }

  function renderCategoryFilter() {
    const used = new Set();
    for (const f of app.fields.values()) f.categories.forEach((c) => used.add(c));
    if (app.filters.category) used.add(app.filters.category);
    const sel = $('f-category');
    const options = [...used].sort((a, b) => catName(a).localeCompare(catName(b)) || a.localeCompare(b))
      .map((c) => h('option', { value: c, text: catLabel(c) }));
    sel.replaceChildren(h('option', { value: '', text: 'All categories' }), ...options);
    sel.value = app.filters.category;
  }

  function renderViewHead(all, shown) {
    const v = app.view;
    $('view-title').textContent = v.kind === 'all' ? 'All fields' : v.kind === 'dataset' ? 'Dataset ' + v.dataset : v.dataset + ' › ' + v.collection;
    const left = all.filter((f) => f.status === 'proposed').length;
    const parts = [all.length + (all.length === 1 ? ' field' : ' fields'), left + ' left to review'];
    if (shown.length !== all.length) parts.push(shown.length + ' shown with these filters');
    $('view-sub').textContent = parts.join(' · ');
  }

  function renderRows() {
    const all = fieldsInView();
    const shown = all.filter(passesFilters);
    renderViewHead(all, shown);
    app.shown = shown.map((f) => keyOf(f.address));
    if (app.currentKey && !app.shown.includes(app.currentKey)) {
      // The current field left the list (e.g. accepted under a "To review" filter): take its neighbour.
      app.currentKey = app.shown.length ? app.shown[Math.min(app.currentIndex, app.shown.length - 1)] : null;
    }
    if (app.currentKey) app.currentIndex = app.shown.indexOf(app.currentKey);
    const multiTable = app.view.kind !== 'table';
    const rows = [];
    shown.forEach((f, i) => rows.push(...fieldRows(f, i, multiTable)));
    $('field-rows').replaceChildren(...rows);
    const empty = $('empty');
    empty.hidden = shown.length > 0;
    if (!shown.length) {
      empty.replaceChildren(all.length ? 'No fields match these filters. ' : 'There are no fields here.');
      if (all.length) empty.append(h('button', { type: 'button', class: 'link', text: 'Clear filters', onclick: clearFilters }));
    }
  }

  function canUndo(f) {
    return f.status !== 'proposed' || app.history.some((h) => h.undo.some((u) => keyOf(u.address) === keyOf(f.address)));
  }

  function fieldRows(f, index, multiTable) {
    const k = keyOf(f.address);
    const name = f.address.field;
    const isCurrent = k === app.currentKey;
    const detailId = 'detail-' + index;
    const expanded = app.expanded.has(k);
    const off = app.conflict;

    const fieldCell = h('td', null,
      h('div', { class: 'fname' }, multiTable ? h('span', { class: 'table-prefix', text: f.address.collection + '.' }) : null, name),
      h('div', { class: 'fmeta' },
        f.dataType ? h('code', { text: f.dataType }) : null,
        f.isNew ? h('span', { class: 'tag new', text: 'New since last scan' }) : null,
        f.isRemoved ? h('span', { class: 'tag removed', text: 'No longer in the database' }) : null),
      h('button', {
        type: 'button', class: 'why', 'aria-expanded': expanded ? 'true' : 'false', 'aria-controls': detailId,
        onclick: () => toggleExpanded(k),
      }, expanded ? 'Hide evidence' : 'Show evidence'));

    const cats = h('td', null, h('div', { class: 'cats' }, f.categories.map((c) =>
      h('div', { class: app.taxonomy.has(c) ? 'cat' : 'cat unknown', title: (app.taxonomy.get(c) || {}).description || '' },
        h('span', { class: 'cname', text: catName(c) }), h('span', { class: 'key', text: c }))),
      f.status === 'edited' && f.machineProposal
        ? h('div', { class: 'fmeta', text: 'piiscout suggested ' + f.machineProposal.categories.map(catName).join(', ') })
        : null));

    return [
      h('tr', {
        class: 'row ' + f.status + (isCurrent ? ' current' : ''),
        'data-key': k,
        tabindex: isCurrent ? '0' : '-1',
        onclick: () => setCurrent(k, false),
        onfocusin: () => setCurrent(k, false),
      },
        h('td', { class: 'sel' }, h('input', {
          type: 'checkbox', 'aria-label': 'Select ' + name, checked: app.selected.has(k),
          onchange: (ev) => { toggleSelected(k, ev.target.checked); },
        })),
        fieldCell,
        cats,
        h('td', null, confidenceCell(f)),
        h('td', null, h('span', { class: 'badge ' + f.status, text: STATUS_LABEL[f.status] })),
        h('td', { class: 'actions' },
          h('button', { type: 'button', class: 'accept', 'aria-label': 'Accept ' + name, 'aria-keyshortcuts': 'a', disabled: off || f.status === 'accepted', onclick: () => acceptField(f) }, 'Accept'),
          h('button', { type: 'button', 'aria-label': 'Change categories of ' + name, 'aria-keyshortcuts': 'e', disabled: off, onclick: () => editField(f) }, 'Change…'),
          h('button', { type: 'button', 'aria-label': 'Ignore ' + name, 'aria-keyshortcuts': 'i', disabled: off || f.status === 'ignored', onclick: () => ignoreField(f) }, 'Ignore'),
          h('button', { type: 'button', 'aria-label': 'Undo ' + name, 'aria-keyshortcuts': 'u', disabled: off || !canUndo(f), onclick: () => undoField(f) }, 'Undo'))),
      h('tr', { class: 'detail', id: detailId, hidden: !expanded }, h('td', { colspan: '6' }, expanded ? evidenceBlock(f) : null)),
    ];
  }

  function confidenceCell(f) {
    if (f.status === 'edited') {
      return h('div', { class: 'conf' }, h('span', { class: 'manual', text: 'Set by reviewer' }));
    }
    if (typeof f.confidence !== 'number') return h('div', { class: 'conf' }, h('span', { class: 'bucket', text: 'Not rated' }));
    const b = bucket(f.confidence);
    const fill = h('span');
    fill.style.setProperty('width', pct(Math.max(0.02, Math.min(1, f.confidence))));
    return h('div', { class: 'conf ' + b },
      h('span', { class: 'num', text: pct(f.confidence) }),
      h('span', { class: 'bucket', text: BUCKET_LABEL[b] }),
      h('div', { class: 'bar', 'aria-hidden': 'true' }, fill));
  }

  /** A proposed identity and references in words (see fides/subject-request.ts). */
  function fidesMetaText(meta) {
    const parts = [];
    if (meta.identity) parts.push('this field identifies a person (' + meta.identity + ')');
    for (const r of meta.references || []) {
      parts.push(r.direction === 'from' ? 'rows are found by ' + r.field : 'follow to ' + r.field);
    }
    return parts.join('; ') + '.';
  }

  function strength(score) {
    return score >= 0.75 ? 'strong' : score >= 0.4 ? 'moderate' : 'weak';
  }

  function evidenceBlock(f) {
    const box = h('div', { class: 'evidence' });
    const proposal = f.machineProposal || (typeof f.confidence === 'number' ? { categories: f.categories, confidence: f.confidence } : null);
    if (proposal) {
      box.append(h('p', null, 'piiscout suggested ', h('strong', { text: proposal.categories.map(catLabel).join(', ') }),
        ' with ' + pct(proposal.confidence) + ' confidence (' + BUCKET_LABEL[bucket(proposal.confidence)].toLowerCase() + ').'));
    }
    if (f.status === 'edited') box.append(h('p', null, 'A reviewer changed this to ', h('strong', { text: f.categories.map(catLabel).join(', ') }), '.'));
    const { found, nothing } = sortEvidence(f);
    if (found.length) {
      box.append(h('h3', { text: 'What piiscout found' }), h('ul', { class: 'found' }, found.map(evidenceItem)));
    } else if (f.categories.length === 1 && f.categories[0] === 'system.operations') {
      box.append(h('p', { text: 'Nothing pointed to personal data, so piiscout filled in the default category, ' + catLabel('system.operations') + '.' }));
    } else {
      box.append(h('p', { text: nothing.length ? 'No check found anything for this field.' : 'No evidence was recorded for this field.' }));
    }
    if (nothing.length) box.append(foldedEvidence(f, nothing));
    if (f.alternatives && f.alternatives.length) {
      box.append(h('h3', { text: 'Other possibilities' }), h('ul', null, f.alternatives.map((a) =>
        h('li', null, catLabel(a.category), h('span', { class: 'strength', text: ' · ' + pct(a.confidence) })))));
    }
    if (f.proposedFidesMeta) box.append(h('p', null, h('strong', { text: 'Accepting also declares for Fides requests: ' }), fidesMetaText(f.proposedFidesMeta)));
    if (f.note) box.append(h('p', null, h('strong', { text: 'Note: ' }), f.note));
    if (f.description) box.append(h('p', null, h('strong', { text: 'Description in the database: ' }), f.description));
    return box;
  }

  /**
   * Evidence for the suggested categories first, then for the other possibilities, then the rest;
   * within each, signals for before those against, strongest first. Checks that found nothing
   * (score 0, e.g. "none of 20 sampled values are ...") go to a folded list of their own.
   */
  function sortEvidence(f) {
    const suggested = new Set(f.categories.concat(f.machineProposal ? f.machineProposal.categories : []));
    const alternatives = new Set((f.alternatives || []).map((a) => a.category));
    const rank = (e) => (suggested.has(e.category) ? 0 : alternatives.has(e.category) ? 1 : 2);
    const sorted = (f.evidence || []).slice().sort((a, b) => rank(a) - rank(b) || (a.veto ? 1 : 0) - (b.veto ? 1 : 0) || b.score - a.score);
    return { found: sorted.filter((e) => e.veto || e.score > 0), nothing: sorted.filter((e) => !e.veto && !(e.score > 0)) };
  }

  function evidenceItem(e) {
    return h('li', null,
      h('strong', { text: (FACTOR_LABEL[e.factor] || e.factor) + ': ' }), e.reason,
      e.veto ? h('span', { class: 'against', text: ' — rules out ' + catLabel(e.category) }) : ' — points to ' + catLabel(e.category),
      e.veto ? null : h('span', { class: 'strength', text: ' · ' + strength(e.score) + ' signal (' + pct(e.score) + ')' }));
  }

  function foldedEvidence(f, nothing) {
    const k = keyOf(f.address);
    const open = app.evidenceMore.has(k);
    const id = 'more-' + app.shown.indexOf(k);
    const list = h('ul', { class: 'nothing', id, hidden: !open }, nothing.map((e) =>
      h('li', null, h('strong', { text: (FACTOR_LABEL[e.factor] || e.factor) + ': ' }), e.reason)));
    const label = (isOpen) => (isOpen ? 'Hide the ' : 'Show ' + nothing.length + ' more: the ') + (nothing.length === 1 ? 'check that found nothing' : nothing.length + ' checks that found nothing');
    const button = h('button', { type: 'button', class: 'link more', 'aria-expanded': open ? 'true' : 'false', 'aria-controls': id, text: label(open) });
    button.addEventListener('click', () => {
      const nowOpen = !app.evidenceMore.has(k);
      if (nowOpen) app.evidenceMore.add(k); else app.evidenceMore.delete(k);
      list.hidden = !nowOpen;
      button.setAttribute('aria-expanded', nowOpen ? 'true' : 'false');
      button.textContent = label(nowOpen);
    });
    return h('div', { class: 'folded' }, button, list);
  }

  function renderBulk() {
    const shownSelected = app.shown.filter((k) => app.selected.has(k));
    const n = app.selected.size;
    $('sel-count').textContent = n === 0 ? 'None selected' : n + ' selected';
    const all = $('select-all');
    all.checked = app.shown.length > 0 && shownSelected.length === app.shown.length;
    all.indeterminate = shownSelected.length > 0 && shownSelected.length < app.shown.length;
    all.disabled = app.shown.length === 0;
    for (const id of ['bulk-accept', 'bulk-edit', 'bulk-ignore']) $(id).disabled = n === 0 || app.conflict;
    const toReview = shownToReview();
    const high = toReview.filter((f) => bucket(f.confidence) === 'high').length;
    const btn = $('accept-shown');
    btn.textContent = 'Accept all shown (' + toReview.length + ' to review)…';
    btn.disabled = toReview.length === 0 || app.conflict;
    const hi = $('accept-high');
    hi.textContent = 'Accept high-confidence shown (' + high + ')…';
    hi.title = 'Accept the fields shown that are still to review and have a confidence of ' + bandRange('high');
    hi.disabled = high === 0 || app.conflict;
  }

  function shownToReview() {
    return app.shown.map((k) => app.fields.get(k)).filter((f) => f.status === 'proposed');
  }

  // ---------- selection, current row ----------

  function selectView(view) {
    app.view = view;
    app.selected.clear();
    app.currentKey = null;
    app.currentIndex = 0;
    writeHash();
    render();
  }

  function rowFor(k) {
    for (const tr of $('field-rows').querySelectorAll('tr.row')) if (tr.dataset.key === k) return tr;
    return null;
  }

  function setCurrent(k, focus) {
    if (app.currentKey !== k) {
      const old = app.currentKey && rowFor(app.currentKey);
      if (old) { old.classList.remove('current'); old.tabIndex = -1; }
      app.currentKey = k;
      app.currentIndex = app.shown.indexOf(k);
      const tr = rowFor(k);
      if (tr) { tr.classList.add('current'); tr.tabIndex = 0; }
    }
    if (focus) focusRow(k);
  }

  function focusRow(k) {
    const tr = rowFor(k);
    if (!tr) return;
    tr.focus();
    tr.scrollIntoView({ block: 'nearest' });
  }

  function move(delta) {
    if (!app.shown.length) return;
    let i = app.currentKey ? app.shown.indexOf(app.currentKey) : -1;
    i = i < 0 ? (delta > 0 ? 0 : app.shown.length - 1) : Math.max(0, Math.min(app.shown.length - 1, i + delta));
    setCurrent(app.shown[i], true);
  }

  function currentField() {
    return app.currentKey ? app.fields.get(app.currentKey) : null;
  }

  function toggleSelected(k, on) {
    if (on) app.selected.add(k); else app.selected.delete(k);
    renderBulk();
    const tr = rowFor(k);
    if (tr) tr.querySelector('input[type=checkbox]').checked = on;
  }

  function toggleExpanded(k) {
    if (app.expanded.has(k)) app.expanded.delete(k); else app.expanded.add(k);
    app.currentKey = k;
    app.currentIndex = app.shown.indexOf(k);
    renderRows();
    const tr = rowFor(k);
    if (tr) tr.querySelector('button.why').focus();
  }

  // ---------- actions ----------

  const fieldLabel = (f) => f.address.collection + '.' + f.address.field;
  const plural = (n, one) => n + ' ' + one + (n === 1 ? '' : 's');

  function acceptField(f) { setCurrent(keyOf(f.address), false); return act({ action: 'accept', addresses: [f.address] }, 'Accepted ' + fieldLabel(f)); }
  function ignoreField(f) { setCurrent(keyOf(f.address), false); return act({ action: 'ignore', addresses: [f.address] }, 'Ignored ' + fieldLabel(f)); }
  function editField(f) {
    setCurrent(keyOf(f.address), false);
    openPicker([f.address], f.categories, 'For the field ' + fieldLabel(f));
  }

  function selectedAddresses() {
    return [...app.selected].map((k) => app.fields.get(k)).filter(Boolean).map((f) => f.address);
  }

  function undoField(f) {
    const k = keyOf(f.address);
    for (let i = app.history.length - 1; i >= 0; i--) {
      const entry = app.history[i];
      const j = entry.undo.findIndex((u) => keyOf(u.address) === k);
      if (j < 0) continue;
      const item = entry.undo[j];
      return act({ action: 'restore', restores: [item] }, 'Undid the change to ' + fieldLabel(f), () => {
        entry.undo.splice(entry.undo.indexOf(item), 1);
        if (!entry.undo.length) app.history.splice(app.history.indexOf(entry), 1);
      });
    }
    if (f.status === 'proposed') return;
    // Nothing recorded in this session (e.g. after a reload): back to the suggestion, waiting for review.
    const categories = f.machineProposal ? f.machineProposal.categories : f.categories;
    return act({ action: 'restore', restores: [{ address: f.address, previous: { categories, status: 'proposed' } }] },
      'Put ' + fieldLabel(f) + ' back to review', () => undefined);
  }

  function undoLast() {
    const entry = app.history[app.history.length - 1];
    if (!entry) return;
    act({ action: 'restore', restores: entry.undo }, 'Undid: ' + entry.label, () => { app.history.splice(app.history.indexOf(entry), 1); });
  }

  // ---------- confirming a bulk accept ----------

  /**
   * Shows what a bulk accept would confirm (how many fields, per confidence band and category) and
   * waits for the reviewer; nothing is saved until they press the accept button.
   */
  function confirmAccept(fields, intro) {
    const high = fields.filter((f) => bucket(f.confidence) === 'high');
    app.confirm = { fields, high, returnFocus: document.activeElement };
    $('confirm-title').textContent = 'Accept ' + plural(fields.length, 'field') + '?';
    $('confirm-intro').textContent = intro + ' Accepting confirms their categories as they are; Undo puts them back.';
    $('confirm-summary').replaceChildren(...acceptSummary(fields));
    $('confirm-ok').textContent = 'Accept ' + plural(fields.length, 'field');
    const onlyHigh = $('confirm-high');
    onlyHigh.hidden = high.length === 0 || high.length === fields.length;
    onlyHigh.textContent = 'Accept only the ' + high.length + ' high-confidence';
    $('confirm').showModal();
    $('confirm-cancel').focus();
  }

  function acceptSummary(fields) {
    const bands = new Map();
    const cats = new Map();
    let decided = 0;
    for (const f of fields) {
      const b = bucket(f.confidence);
      bands.set(b, (bands.get(b) || 0) + 1);
      for (const c of new Set(f.categories)) cats.set(c, (cats.get(c) || 0) + 1);
      if (f.status !== 'proposed') decided++;
    }
    const byBand = ['high', 'medium', 'low', 'unrated'].filter((b) => bands.has(b)).map((b) =>
      h('li', { class: 'band ' + b }, h('span', { class: 'n', text: String(bands.get(b)) }), ' ' + BUCKET_LABEL[b], h('span', { class: 'strength', text: ' (' + bandRange(b) + ')' })));
    const byCat = [...cats].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([c, n]) =>
      h('li', null, h('span', { class: 'n', text: String(n) }), ' ' + catName(c), h('span', { class: 'key', text: ' ' + c })));
    const out = [h('h3', { text: 'By confidence' }), h('ul', { class: 'counts', 'aria-label': 'Fields by confidence' }, byBand),
      h('h3', { text: 'By category' }), h('ul', { class: 'counts cats-list', 'aria-label': 'Fields by category' }, byCat)];
    const low = (bands.get('low') || 0) + (bands.get('unrated') || 0);
    if (low) out.push(h('p', { class: 'warn', text: plural(low, 'field') + ' with low or no confidence: consider checking ' + (low === 1 ? 'it' : 'them') + ' one by one.' }));
    if (decided) out.push(h('p', { class: 'warn', text: plural(decided, 'field') + ' already decided (accepted, changed or ignored) will be marked accepted.' }));
    return out;
  }

  function closeConfirm(accept) {
    const c = app.confirm;
    app.confirm = null;
    if ($('confirm').open) $('confirm').close();
    if (c && c.returnFocus && document.contains(c.returnFocus)) c.returnFocus.focus();
    if (!c || !accept) return;
    const fields = accept === 'high' ? c.high : c.fields;
    for (const f of fields) app.selected.delete(keyOf(f.address));
    act({ action: 'accept', addresses: fields.map((f) => f.address) }, 'Accepted ' + plural(fields.length, 'field'));
  }

  // ---------- category picker ----------

  function searchTaxonomy(query) {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    const entries = app.state.taxonomy;
    if (!words.length) return entries.slice();
    const scored = [];
    for (const e of entries) {
      const name = e.name.toLowerCase();
      const key = e.key.toLowerCase();
      const last = key.split('.').pop();
      const desc = (e.description || '').toLowerCase();
      let score = 0;
      let all = true;
      for (const w of words) {
        if (name.startsWith(w) || last.startsWith(w)) score += 4;
        else if (name.includes(w)) score += 3;
        else if (key.includes(w)) score += 2;
        else if (desc.includes(w)) score += 1;
        else { all = false; break; }
      }
      if (all) scored.push({ e, score });
    }
    scored.sort((a, b) => b.score - a.score || a.e.key.split('.').length - b.e.key.split('.').length || a.e.key.localeCompare(b.e.key));
    return scored.map((s) => s.e);
  }

  function openPicker(addresses, categories, forText) {
    app.picker = { addresses, ticked: categories.filter((c) => app.taxonomy.has(c)), touched: false, active: -1, matches: [], returnFocus: document.activeElement };
    $('picker-title').textContent = addresses.length > 1 ? 'Change categories of ' + plural(addresses.length, 'field') : 'Change categories';
    $('picker-for').textContent = forText;
    $('picker-search').value = '';
    updatePickerList();
    renderChips();
    $('picker').showModal();
    $('picker-search').focus();
  }

  function closePicker() {
    const p = app.picker;
    app.picker = null;
    if ($('picker').open) $('picker').close();
    if (p && p.returnFocus && document.contains(p.returnFocus)) p.returnFocus.focus();
    else if (app.currentKey) focusRow(app.currentKey);
  }

  function updatePickerList() {
    const p = app.picker;
    const query = $('picker-search').value.trim();
    p.matches = searchTaxonomy(query);
    p.active = query && p.matches.length ? 0 : -1;
    renderOptions();
  }

  function renderOptions() {
    const p = app.picker;
    const list = $('picker-list');
    if (!p.matches.length) {
      list.replaceChildren(h('li', { class: 'nomatch', role: 'option', 'aria-disabled': 'true', 'aria-selected': 'false', text: 'No category matches this search.' }));
    } else {
      const searching = $('picker-search').value.trim() !== '';
      list.replaceChildren(...p.matches.map((e, i) => {
        const ticked = p.ticked.includes(e.key);
        const li = h('li', {
          id: 'opt-' + i, role: 'option', 'aria-selected': ticked ? 'true' : 'false', class: i === p.active ? 'active' : null,
          onmousedown: (ev) => ev.preventDefault(),
          onclick: () => { p.active = i; toggleTick(e.key); },
        },
          h('span', { class: 'box', 'aria-hidden': 'true', text: ticked ? '✓' : '' }),
          h('div', null, h('span', { class: 'oname', text: e.name }), h('span', { class: 'key okey', text: e.key }),
            e.description ? h('div', { class: 'odesc', text: e.description }) : null));
        if (!searching) li.style.setProperty('padding-left', (10 + 16 * (e.key.split('.').length - 1)) + 'px');
        return li;
      }));
    }
    const activeId = p.active >= 0 ? 'opt-' + p.active : null;
    for (const el of [$('picker-search'), list]) {
      if (activeId) el.setAttribute('aria-activedescendant', activeId); else el.removeAttribute('aria-activedescendant');
    }
    if (activeId) { const a = $(activeId); if (a) a.scrollIntoView({ block: 'nearest' }); }
  }

  function renderChips() {
    const p = app.picker;
    const chips = $('picker-chips');
    if (!p.ticked.length) {
      chips.replaceChildren(h('span', { class: 'none', text: 'No category chosen yet: pick at least one.' }));
    } else {
      chips.replaceChildren(...p.ticked.map((c) => h('span', { class: 'chip' }, catName(c), h('span', { class: 'key', text: c }),
        h('button', { type: 'button', 'aria-label': 'Remove ' + catName(c), text: '×', onclick: () => toggleTick(c) }))));
    }
    $('picker-save').disabled = p.ticked.length === 0;
  }

  function toggleTick(key) {
    const p = app.picker;
    p.touched = true;
    const i = p.ticked.indexOf(key);
    if (i >= 0) p.ticked.splice(i, 1); else p.ticked.push(key);
    renderOptions();
    renderChips();
  }

  function savePicker(fromSearch) {
    const p = app.picker;
    let categories = p.ticked.slice();
    // Quick change: typed a search and pressed Enter without ticking anything, so use the highlighted one.
    if (fromSearch && !p.touched && p.active >= 0 && $('picker-search').value.trim()) categories = [p.matches[p.active].key];
    if (!categories.length) { renderChips(); return; }
    closePicker();
    const names = categories.map(catName).join(', ');
    const label = p.addresses.length === 1
      ? 'Changed ' + fieldLabel(app.fields.get(keyOf(p.addresses[0]))) + ' to ' + names
      : 'Changed ' + plural(p.addresses.length, 'field') + ' to ' + names;
    act({ action: 'set', addresses: p.addresses, categories }, label);
  }

  function onPickerKey(ev) {
    const p = app.picker;
    if (!p) return;
    const inSearch = ev.target === $('picker-search');
    const inList = ev.target === $('picker-list');
    if (ev.key === 'Escape') { ev.preventDefault(); closePicker(); return; }
    if (!inSearch && !inList) return;
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      ev.preventDefault();
      if (!p.matches.length) return;
      const d = ev.key === 'ArrowDown' ? 1 : -1;
      p.active = p.active < 0 ? (d > 0 ? 0 : p.matches.length - 1) : Math.max(0, Math.min(p.matches.length - 1, p.active + d));
      renderOptions();
    } else if (ev.key === 'Enter') {
      ev.preventDefault();
      savePicker(inSearch);
    } else if (inList && ev.key === ' ') {
      ev.preventDefault();
      if (p.active < 0 && p.matches.length) p.active = 0;
      if (p.active >= 0) toggleTick(p.matches[p.active].key);
    } else if (inList && ev.key.length === 1 && !ev.ctrlKey && !ev.metaKey && !ev.altKey) {
      $('picker-search').focus(); // typing in the list goes on with the search
    }
  }

  // ---------- filters and the URL fragment (kept across reloads) ----------

  function readFilters() {
    app.filters.q = $('f-search').value.trim();
    app.filters.status = $('f-status').value;
    app.filters.min = Number($('f-confidence').value) || 0;
    app.filters.category = $('f-category').value;
    $('f-confidence-out').textContent = app.filters.min + '%';
    writeHash();
    renderRows();
    renderBulk();
  }

  function showFilters() {
    $('f-search').value = app.filters.q;
    $('f-status').value = app.filters.status;
    $('f-confidence').value = String(app.filters.min);
    $('f-confidence-out').textContent = app.filters.min + '%';
  }

  function clearFilters() {
    app.filters = { q: '', status: '', min: 0, category: '' };
    showFilters();
    $('f-category').value = '';
    writeHash();
    render();
  }

  function writeHash() {
    const p = new URLSearchParams();
    const v = app.view;
    if (v.kind !== 'all') p.set('dataset', v.dataset);
    if (v.kind === 'table') p.set('table', v.collection);
    if (app.filters.q) p.set('q', app.filters.q);
    if (app.filters.status) p.set('status', app.filters.status);
    if (app.filters.min) p.set('min', String(app.filters.min));
    if (app.filters.category) p.set('category', app.filters.category);
    const hash = p.toString();
    history.replaceState(null, '', location.pathname + location.search + (hash ? '#' + hash : ''));
  }

  function readHash() {
    const p = new URLSearchParams(location.hash.slice(1));
    const d = app.state.datasets.find((x) => x.name === p.get('dataset'));
    const c = d && d.collections.find((x) => x.name === p.get('table'));
    if (c) app.view = { kind: 'table', dataset: d.name, collection: c.name };
    else if (d) app.view = { kind: 'dataset', dataset: d.name };
    else if (p.has('dataset') || !location.hash) app.view = firstView();
    app.filters = {
      q: p.get('q') || '',
      status: STATUS_LABEL[p.get('status')] ? p.get('status') : '',
      min: Math.max(0, Math.min(100, Number(p.get('min')) || 0)),
      category: p.get('category') || '',
    };
    showFilters();
  }

  /** Starts on the first table with something left to review. */
  function firstView() {
    for (const d of app.state.datasets) for (const c of d.collections) {
      if (c.counts.toReview > 0) return { kind: 'table', dataset: d.name, collection: c.name };
    }
    return { kind: 'all' };
  }

  // ---------- keyboard ----------

  function isTyping(t) {
    if (t instanceof HTMLInputElement) return !['checkbox', 'range', 'button'].includes(t.type);
    return t instanceof HTMLSelectElement || t instanceof HTMLTextAreaElement || (t instanceof HTMLElement && t.isContentEditable);
  }

  function onKey(ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    if (document.querySelector('dialog[open]')) return;
    if (isTyping(ev.target)) {
      if (ev.key === 'Escape' && ev.target.id === 'f-search') { ev.target.blur(); if (app.currentKey) focusRow(app.currentKey); }
      return;
    }
    const onRow = ev.target instanceof HTMLElement && ev.target.matches('tr.row');
    const f = currentField();
    switch (ev.key) {
      case 'j': move(1); break;
      case 'k': move(-1); break;
      case 'ArrowDown': if (!onRow) return; move(1); break;
      case 'ArrowUp': if (!onRow) return; move(-1); break;
      case 'a': if (f && !app.conflict && f.status !== 'accepted') acceptField(f); else if (!f) move(1); break;
      case 'e': if (f && !app.conflict) editField(f); else if (!f) move(1); break;
      case 'i': if (f && !app.conflict && f.status !== 'ignored') ignoreField(f); else if (!f) move(1); break;
      case 'u': if (f && !app.conflict) undoField(f); break;
      case 'x': if (f) toggleSelected(app.currentKey, !app.selected.has(app.currentKey)); break;
      case 'o': if (f) toggleExpanded(app.currentKey); break;
      case 'Enter': if (!onRow || !f) return; toggleExpanded(app.currentKey); break;
      case '/': $('f-search').focus(); $('f-search').select(); break;
      case '?': $('help').showModal(); $('help-close').focus(); break;
      default: return;
    }
    ev.preventDefault();
  }

  // ---------- wiring ----------

  function wire() {
    document.addEventListener('keydown', onKey);
    $('f-search').addEventListener('input', readFilters);
    $('f-status').addEventListener('change', readFilters);
    $('f-confidence').addEventListener('input', readFilters);
    $('f-category').addEventListener('change', readFilters);
    $('f-clear').addEventListener('click', clearFilters);
    $('select-all').addEventListener('change', (ev) => {
      for (const k of app.shown) if (ev.target.checked) app.selected.add(k); else app.selected.delete(k);
      renderRows();
      renderBulk();
    });
    $('bulk-accept').addEventListener('click', () => {
      const fields = [...app.selected].map((k) => app.fields.get(k)).filter(Boolean);
      if (fields.length > 1) { confirmAccept(fields, 'The ' + plural(fields.length, 'selected field') + '.'); return; }
      app.selected.clear();
      act({ action: 'accept', addresses: fields.map((f) => f.address) }, 'Accepted ' + plural(fields.length, 'field'));
    });
    $('bulk-ignore').addEventListener('click', () => {
      const a = selectedAddresses();
      app.selected.clear();
      act({ action: 'ignore', addresses: a }, 'Ignored ' + plural(a.length, 'field'));
    });
    $('bulk-edit').addEventListener('click', () => {
      const a = selectedAddresses();
      const first = app.fields.get(keyOf(a[0]));
      app.selected.clear();
      openPicker(a, first ? first.categories : [], 'For ' + plural(a.length, 'selected field') + '. The chosen categories replace their current ones.');
    });
    $('accept-shown').addEventListener('click', () => {
      confirmAccept(shownToReview(), 'Every field shown with the current filters that is still to review.');
    });
    $('accept-high').addEventListener('click', () => {
      const fields = shownToReview().filter((f) => bucket(f.confidence) === 'high');
      confirmAccept(fields, 'The fields shown with the current filters that are still to review and have a confidence of ' + bandRange('high') + '.');
    });
    $('confirm-ok').addEventListener('click', () => closeConfirm('all'));
    $('confirm-high').addEventListener('click', () => closeConfirm('high'));
    $('confirm-cancel').addEventListener('click', () => closeConfirm(null));
    $('confirm').addEventListener('cancel', (ev) => { ev.preventDefault(); closeConfirm(null); });
    $('undo-last').addEventListener('click', undoLast);
    $('picker').addEventListener('keydown', onPickerKey);
    $('picker').addEventListener('cancel', (ev) => { ev.preventDefault(); closePicker(); });
    $('picker-search').addEventListener('input', updatePickerList);
    $('picker-cancel').addEventListener('click', closePicker);
    $('picker-save').addEventListener('click', () => savePicker(false));
    $('help-button').addEventListener('click', () => { $('help').showModal(); $('help-close').focus(); });
    $('help-close').addEventListener('click', () => $('help').close());
    $('banner-reload').addEventListener('click', () => location.reload());
    // Notice a change made outside the page early, before the reviewer acts on a stale list.
    setInterval(async () => {
      if (document.hidden || app.conflict || !app.state || app.pending) return;
      const seq = app.seq;
      try {
        const r = await api('GET', '/api/version');
        if (seq === app.seq && !app.pending && !app.conflict && r.version !== app.state.version) showConflict(CHANGED_MSG);
      } catch (e) { /* the next poll tries again */ }
    }, 4000);
  }

  async function start() {
    wire();
    if (!token) { showLoadError('This page needs its full link, including the access token.'); return; }
    try {
      setState(await api('GET', '/api/state'));
    } catch (e) {
      showLoadError('Could not load the dataset file: ' + e.message);
      return;
    }
    readHash();
    writeHash();
    render();
    setSaveStatus('idle', 'All changes are saved to the file');
  }

  function showLoadError(message) {
    $('banner-text').textContent = message;
    $('banner').hidden = false;
    $('view-title').textContent = 'Nothing to show';
  }

  start();
})();
`;
