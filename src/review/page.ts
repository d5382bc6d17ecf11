/**
 * The review page: one self-contained HTML document (inline CSS and JS, no external resources,
 * the machine may be offline). The skeleton is static; the script (src/review/client/, bundled:
 * client-bundle.ts) fills it from /api/state. Nothing from the dataset file is put into this HTML:
 * the script inserts it as text.
 */
import { PAGE_STYLE } from './page-style.js';

/** `script` is the bundled client; it holds no "</script" (client-bundle.ts checks). */
export function renderReviewPage(options: { nonce: string; script: string }): string {
  const { nonce, script } = options;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Review data categories · piiscout</title>
<link rel="icon" href="data:,">
<style nonce="${nonce}">${PAGE_STYLE}</style>
</head>
<body>
<a class="skip" href="#fields">Skip to the field list</a>
<header class="top">
  <div class="brand">
    <span class="app">piiscout</span>
    <h1>Review data categories</h1>
    <span class="file" id="file-name">Loading…</span>
  </div>
  <div class="progress" id="progress">
    <div class="count" id="left-count" aria-live="polite"></div>
    <div class="track" aria-hidden="true"><div class="fill" id="progress-fill"></div></div>
  </div>
  <div class="save-status" id="save-status" role="status" aria-live="polite"></div>
  <button type="button" id="undo-last" disabled>Undo last action</button>
  <button type="button" id="help-button" aria-keyshortcuts="?">Keyboard shortcuts <kbd aria-hidden="true">?</kbd></button>
</header>
<div class="banner" id="banner" role="alert" hidden>
  <span id="banner-text"></span>
  <button type="button" id="banner-reload" class="primary">Reload</button>
</div>
<div class="layout">
  <nav class="tree" id="tree" aria-label="Datasets and tables"><h2>Datasets and tables</h2><ul id="tree-list"></ul></nav>
  <main id="main">
    <div class="view-head">
      <h2 id="view-title">Loading…</h2>
      <p id="view-sub"></p>
    </div>
    <div class="filters" role="search" aria-label="Filter fields">
      <div class="f">
        <label for="f-search">Search fields <kbd aria-hidden="true">/</kbd></label>
        <input type="search" id="f-search" placeholder="Field or table name" aria-keyshortcuts="/" autocomplete="off">
      </div>
      <div class="f">
        <label for="f-status">Status</label>
        <select id="f-status">
          <option value="">All statuses</option>
          <option value="proposed">To review</option>
          <option value="accepted">Accepted</option>
          <option value="edited">Changed by reviewer</option>
          <option value="ignored">Ignored</option>
        </select>
      </div>
      <div class="f">
        <label for="f-confidence">Minimum confidence</label>
        <div class="range">
          <input type="range" id="f-confidence" min="0" max="100" step="5" value="0" aria-describedby="f-confidence-out">
          <output id="f-confidence-out" for="f-confidence">0%</output>
        </div>
      </div>
      <div class="f">
        <label for="f-category">Category</label>
        <select id="f-category"><option value="">All categories</option></select>
      </div>
      <button type="button" id="f-clear" class="link">Clear filters</button>
    </div>
    <div class="bulk" id="bulk" aria-label="Actions on several fields" role="group">
      <input type="checkbox" id="select-all" aria-label="Select all shown fields">
      <span class="sel-count" id="sel-count">None selected</span>
      <button type="button" id="bulk-accept" disabled>Accept selected</button>
      <button type="button" id="bulk-edit" disabled>Change selected…</button>
      <button type="button" id="bulk-ignore" disabled>Ignore selected</button>
      <span class="spacer"></span>
      <button type="button" id="accept-high" class="primary" disabled>Accept high-confidence shown</button>
      <button type="button" id="accept-shown" disabled>Accept all shown</button>
    </div>
    <table class="fields" id="fields" aria-label="Fields" aria-describedby="fields-help">
      <thead><tr aria-rowindex="1">
        <th scope="col" class="c-sel"><span class="sr-only">Select</span></th>
        <th scope="col" class="c-field">Field</th>
        <th scope="col" class="c-cats">Categories</th>
        <th scope="col" class="c-conf">Confidence</th>
        <th scope="col" class="c-status">Status</th>
        <th scope="col" class="c-actions"><span class="sr-only">Actions</span></th>
      </tr></thead>
      <tbody id="field-rows"></tbody>
    </table>
    <p class="sr-only" id="fields-help">Use j and k to move between fields, a to accept, e to change categories, i to ignore, u to undo, o to show the evidence.</p>
    <p class="empty" id="empty" hidden></p>
  </main>
</div>

<dialog id="picker" aria-labelledby="picker-title" aria-describedby="picker-hint">
  <div class="dlg">
    <h2 id="picker-title">Change categories</h2>
    <p class="for" id="picker-for"></p>
    <div class="chips" id="picker-chips" role="group" aria-label="Chosen categories"></div>
    <label for="picker-search">Search categories by name, key or description</label>
    <input type="search" id="picker-search" autocomplete="off" role="combobox" aria-autocomplete="list" aria-expanded="true" aria-controls="picker-list">
    <ul class="options" id="picker-list" role="listbox" aria-label="Data categories" aria-multiselectable="true" tabindex="0"></ul>
    <p class="hint" id="picker-hint"><kbd>↑</kbd> <kbd>↓</kbd> highlight · <kbd>Enter</kbd> save (with nothing ticked, the highlighted category is used) · <kbd>Tab</kbd> to the list and <kbd>Space</kbd> to tick several · <kbd>Esc</kbd> cancel</p>
    <div class="dlg-actions">
      <button type="button" id="picker-cancel">Cancel</button>
      <button type="button" id="picker-save" class="primary">Save categories</button>
    </div>
  </div>
</dialog>

<dialog id="confirm" aria-labelledby="confirm-title" aria-describedby="confirm-intro">
  <div class="dlg">
    <h2 id="confirm-title">Accept fields?</h2>
    <p class="for" id="confirm-intro"></p>
    <div class="summary" id="confirm-summary"></div>
    <div class="dlg-actions">
      <button type="button" id="confirm-cancel">Cancel</button>
      <button type="button" id="confirm-high" hidden></button>
      <button type="button" id="confirm-ok" class="primary">Accept</button>
    </div>
  </div>
</dialog>

<dialog id="help" aria-labelledby="help-title">
  <div class="dlg">
    <h2 id="help-title">Keyboard shortcuts</h2>
    <dl class="keys">
      <dt><kbd>j</kbd> / <kbd>k</kbd></dt><dd>Next / previous field</dd>
      <dt><kbd>a</kbd></dt><dd>Accept the field's categories</dd>
      <dt><kbd>e</kbd></dt><dd>Change the categories</dd>
      <dt><kbd>i</kbd></dt><dd>Ignore the field</dd>
      <dt><kbd>u</kbd></dt><dd>Undo the last change to the field</dd>
      <dt><kbd>o</kbd></dt><dd>Show or hide the evidence for the suggestion</dd>
      <dt><kbd>x</kbd></dt><dd>Select or unselect the field for a bulk action</dd>
      <dt><kbd>/</kbd></dt><dd>Search fields</dd>
      <dt><kbd>?</kbd></dt><dd>Show this help</dd>
      <dt><kbd>Esc</kbd></dt><dd>Close a dialog</dd>
    </dl>
    <p class="hint">Every change is saved to the file straight away. Shortcuts are off while you type in a box.</p>
    <div class="dlg-actions"><button type="button" id="help-close" class="primary">Close</button></div>
  </div>
</dialog>
<script nonce="${nonce}">${script}</script>
</body>
</html>
`;
}

/** Shown for a request without the right token: says what to do, reveals nothing. */
export function renderForbiddenPage(): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Access denied · piiscout</title><link rel="icon" href="data:,"></head>
<body><h1>Access denied</h1>
<p>This review page needs its full link, including the access token. Copy the link that
<code>piiscout review FILE --serve</code> printed in the terminal.</p></body></html>
`;
}
