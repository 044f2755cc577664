// The explorer's wiring: the token dialog, running statements (one at a time:
// a new run or Esc aborts the one running, which cancels it on the server),
// the table/graph/plan tabs, and the TEST_explorer hook the browser test reads.
import { Api, ApiError } from './api.js';
import { Editor } from './editor.js';
import { History } from './history.js';
import { ResultsTable } from './results_table.js';
import { GraphView } from './graph_view.js';
import { SchemaSidebar } from './schema_sidebar.js';
import { ProvenancePanel } from './provenance_panel.js';
import { SourceCache } from './passage.js';
import { TimeTravel } from './time_travel.js';
import { AuditBadge } from './audit_badge.js';
import { withProvenance, isWrite, hasAsOf, tokenize } from './claimql_tokens.js';
import { h, clear, fmtInt } from './dom.js';

const $ = (id) => document.getElementById(id);
const TOKEN_KEY = 'claimgraph.token';

const state = {
  controller: null,
  running: false,
  runs: 0,
  lastTiming: null,
  lastError: null,
  stats: null,
  symmetric: null,
};

function token() {
  try { return sessionStorage.getItem(TOKEN_KEY) || ''; } catch { return ''; }
}

const api = new Api(token);
const sources = new SourceCache(api);
const history = new History();

function firstKeyword(text) {
  const t = tokenize(text).find((x) => x.type !== 'space' && x.type !== 'comment');
  return t && t.type === 'keyword' ? t.text.toUpperCase() : '';
}

// ---- panels ----
const panel = new ProvenancePanel($('provenance'), {
  api, sources,
  onOpenChange: (open) => document.body.classList.toggle('panel-open', open),
});

const table = new ResultsTable($('panel-table'), {
  onEvidence: (row, button) => panel.open({
    title: `row ${row.n}${row.values[0] ? ` (${valuePreview(row)})` : ''}`,
    claimIds: row.provenance, returnFocus: button,
  }),
  onClaim: (id, button) => panel.open({ title: `claim ${id}`, claimIds: [id], returnFocus: button }),
});

function valuePreview(row) {
  return row.values.slice(0, 3).map((v) => (v.entity_value ? v.entity_value.name : Object.values(v)[0])).join(', ');
}

async function symmetricPredicates() {
  if (!state.symmetric) {
    const stats = state.stats || (await api.stats(true));
    state.symmetric = new Set((stats.by_predicate || []).filter((p) => p.symmetric).map((p) => p.name));
  }
  return state.symmetric;
}

const graph = new GraphView({
  canvas: $('graph-canvas'), list: $('graph-list'), summary: $('graph-summary'), api,
  symmetric: symmetricPredicates,
  onSelect: (sel) => panel.open(sel),
});

const editor = new Editor({
  textarea: $('editor'), highlight: $('editor-highlight'), errorRegion: $('query-error'),
  onRun: (t0) => run({ t0 }),
  onCancel: () => cancel(),
  onHistory: (delta) => {
    const s = history.step(delta);
    if (s !== null) { editor.value = s; }
  },
});

const timeTravel = new TimeTravel(document.querySelector('.timetravel'), { onRun: (t0) => run({ t0 }) });
const audit = new AuditBadge($('audit-badge'), api);
const schema = new SchemaSidebar($('schema'), { api, onInsert: (text) => editor.insert(text) });

// ---- tabs (WAI-ARIA tabs: arrows move, Tab leaves) ----
const tabs = ['tab-table', 'tab-graph', 'tab-plan'].map($);
function selectTab(tab, focus) {
  for (const t of tabs) {
    const on = t === tab;
    t.setAttribute('aria-selected', String(on));
    t.tabIndex = on ? 0 : -1;
    $(t.getAttribute('aria-controls')).hidden = !on;
  }
  if (focus) tab.focus();
  if (tab.id === 'tab-graph') graph.show();
}
for (const t of tabs) {
  t.addEventListener('click', () => selectTab(t, false));
  t.addEventListener('keydown', (e) => {
    const i = tabs.indexOf(t);
    if (e.key === 'ArrowRight') selectTab(tabs[(i + 1) % tabs.length], true);
    else if (e.key === 'ArrowLeft') selectTab(tabs[(i + tabs.length - 1) % tabs.length], true);
    else return;
    e.preventDefault();
  });
}

// ---- running ----
const status = $('status');

function cancel() {
  if (!state.controller) return false;
  state.controller.abort();
  return true;
}

function setRunning(on) {
  state.running = on;
  document.body.dataset.state = on ? 'running' : 'idle';
  $('cancel-button').disabled = !on;
  $('results-heading').parentElement.setAttribute('aria-busy', String(on));
}

async function run({ t0 = performance.now() } = {}) {
  const text = editor.value;
  if (!text.trim()) return;
  cancel();
  const controller = new AbortController();
  state.controller = controller;
  state.lastError = null;
  editor.clearError();
  history.add(text);
  refreshHistory();
  setRunning(true);
  const isMatch = firstKeyword(text) === 'MATCH';
  // The time-travel control applies to a MATCH without an AS OF of its own.
  const asOfTx = isMatch && !hasAsOf(text) ? timeTravel.value : 0;
  const ignoredAsOf = timeTravel.value && !asOfTx;
  const statement = isMatch ? withProvenance(text, $('provenance-mode').value) : text;
  const timing = { start: t0, firstRowsMs: null, totalMs: null, rows: 0 };
  let firstDrawn = false;
  let columns = [];
  let header = null;
  const rows = [];
  status.textContent = 'Running…';
  // The old answer goes at once: rows of another statement must not pass for this one's.
  table.reset([], 'Running…');
  graph.invalidate(null);
  try {
    const trailer = await api.query(statement, {
      asOfTx, signal: controller.signal,
      onHeader: (hd) => {
        header = hd;
        columns = hd.columns || [];
        table.reset(columns);
      },
      onRows: (batch) => {
        rows.push(...batch);
        table.append(batch);
        if (!firstDrawn) {
          firstDrawn = true;
          requestAnimationFrame(() => { timing.firstRowsMs = performance.now() - t0; });
        }
      },
    });
    if (!header) table.reset([]);
    timing.totalMs = performance.now() - t0;
    timing.rows = rows.length;
    const asOfText = asOfTx ? ` · as of tx ${asOfTx}` : (header && header.as_of_tx && header.as_of_tx !== '0' ? ` · as of tx ${header.as_of_tx}` : '');
    const summary = `${fmtInt(trailer.rows)} row${trailer.rows === '1' ? '' : 's'} in ${Number(trailer.elapsed_ms).toFixed(1)} ms${asOfText}`;
    table.finish(`${summary}.`);
    clear(status).append(summary);
    if (trailer.message) status.append(h('span', { class: 'trailer-message' }, ` — ${trailer.message}`));
    for (const w of trailer.warnings || []) status.append(h('span', { class: 'warning' }, ` ⚠ ${w}`));
    status.dataset.asOf = String(asOfTx || '');
    if (ignoredAsOf) {
      status.append(h('span', { class: 'warning' },
        ` ⚠ "as of tx ${timeTravel.value}" not applied: it applies to a MATCH without an AS OF of its own`));
    }
    graph.invalidate({ columns, rows });
    if (!$('panel-graph').hidden) graph.show();
    if (isWrite(text) || (trailer.written_tx && trailer.written_tx !== '0')) afterWrite();
  } catch (err) {
    // A run superseded by a newer one leaves the page to the newer one.
    if (state.controller !== controller) return;
    table.finish(controller.signal.aborted ? 'Cancelled.' : 'Failed.');
    graph.invalidate(null);
    if (controller.signal.aborted) {
      status.textContent = 'Cancelled.';
    } else {
      state.lastError = err instanceof ApiError ? err : new ApiError({ message: String(err.message || err) }, 0);
      if (statement !== text && state.lastError.line > text.split('\n').length) {
        // The position is in the clause the page appended, not in the text as typed.
        state.lastError.message += '\n(at the WITH … PROVENANCE the page adds to a MATCH: set Provenance to "off" to run the statement as typed)';
      }
      editor.showError(state.lastError);
      status.textContent = `Failed: ${state.lastError.status}.`;
      if (state.lastError.code === 16) openTokenDialog();
    }
  } finally {
    if (state.controller === controller) {
      state.controller = null;
      setRunning(false);
      state.lastTiming = timing;
    }
    state.runs += 1;
  }
}

async function explain() {
  const text = editor.value;
  if (!text.trim()) return;
  editor.clearError();
  const plan = $('plan');
  plan.textContent = 'Explaining…';
  selectTab($('tab-plan'), false);
  try {
    const answer = await api.explain(text, firstKeyword(text) === 'MATCH' && !hasAsOf(text) ? timeTravel.value : 0);
    plan.textContent = answer.plan + (answer.warnings && answer.warnings.length ? `\n\n${answer.warnings.join('\n')}` : '');
  } catch (err) {
    plan.textContent = `Failed: ${err.message}`;
    editor.showError(err);
  }
}

async function loadStore() {
  try {
    const stats = await api.stats(true);
    state.stats = stats;
    state.symmetric = null;
    timeTravel.setMax(stats.transactions);
    $('store-info').textContent = `${fmtInt(stats.live_claims)} claims · ${fmtInt(stats.entities)} entities · ${fmtInt(stats.sources)} sources · tx ${stats.transactions}`;
    await schema.load(stats);
  } catch (err) {
    $('store-info').textContent = `store: ${err.message}`;
    if (err.code === 16) openTokenDialog();
  }
}

function afterWrite() {
  sources.clear();
  audit.refresh();
  loadStore();
}

// ---- examples and history ----
function refreshHistory() {
  const select = $('history');
  clear(select).append(h('option', { value: '' }, `recent statements (${history.items.length})…`));
  history.items.slice(0, 30).forEach((s, i) => {
    select.append(h('option', { value: String(i) }, s.length > 80 ? `${s.slice(0, 79)}…` : s));
  });
}
$('history').addEventListener('change', (e) => {
  const s = history.items[Number(e.target.value)];
  if (e.target.value !== '' && s) { editor.value = s; editor.focus(); }
  e.target.value = '';
});

async function loadExamples() {
  try {
    const response = await fetch('examples.json', { cache: 'no-cache' });
    const examples = await response.json();
    const select = $('examples');
    examples.forEach((x, i) => select.append(h('option', { value: String(i) }, x.title)));
    select.addEventListener('change', () => {
      const x = examples[Number(select.value)];
      if (select.value !== '' && x) { editor.value = x.statement; editor.focus(); }
      select.value = '';
    });
    if (!editor.value) editor.value = examples[0] ? examples[0].statement : '';
  } catch {
    // The examples are a convenience; the page works without them.
  }
}

// ---- the token dialog ----
const dialog = $('token-dialog');
function openTokenDialog() {
  if (dialog.open) return;
  $('token-input').value = token();
  dialog.showModal();
  $('token-input').focus();
}
$('token-button').addEventListener('click', openTokenDialog);
dialog.addEventListener('close', () => {
  if (dialog.returnValue === 'save' || dialog.returnValue === 'forget') {
    try {
      if (dialog.returnValue === 'save' && $('token-input').value) sessionStorage.setItem(TOKEN_KEY, $('token-input').value.trim());
      else sessionStorage.removeItem(TOKEN_KEY);
    } catch {
      // sessionStorage unavailable: nothing to keep the token in.
    }
    $('token-input').value = '';
    sources.clear();
    audit.refresh();
    loadStore();
  }
  $('token-button').focus();
});

$('run-button').addEventListener('click', () => run({ t0: performance.now() }));
$('cancel-button').addEventListener('click', () => cancel());
$('explain-button').addEventListener('click', () => explain());

// Test hook (tests/browser/explorer_test.py): read-only views of the page's state.
window.TEST_explorer = {
  get cy() { return graph.cy; },
  get graph() { return graph.built; },
  get rowCount() { return table.rowCount; },
  get lastTiming() { return state.lastTiming; },
  get lastError() { return state.lastError && { code: state.lastError.code, status: state.lastError.status, line: state.lastError.line, column: state.lastError.column, message: state.lastError.message }; },
  get runs() { return state.runs; },
  get running() { return state.running; },
  showGraph: () => graph.show(),
};

setRunning(false);
refreshHistory();
loadExamples();
audit.refresh();
loadStore();
