// The result as a table: rows appended as NDJSON batches arrive (the first
// batch is drawn at once), 100 a page, sortable by any column (aria-sort),
// downloadable as CSV or JSON. Each row's first cell is its evidence button.
import { h, clear, fmtInt, download } from './dom.js';
import * as V from './values.js';

const PAGE = 100;

export class ResultsTable {
  // root: the table panel; onEvidence(row, focusBack) opens the provenance panel;
  // onClaim(id, focusBack) opens one claim.
  constructor(root, { onEvidence, onClaim }) {
    this.onEvidence = onEvidence;
    this.onClaim = onClaim;
    this.caption = h('caption', {}, 'No query run yet.');
    this.thead = h('thead');
    this.tbody = h('tbody');
    this.table = h('table', { id: 'results-table', class: 'result-table' }, this.caption, this.thead, this.tbody);
    this.pageInfo = h('span', { class: 'page-info', 'aria-live': 'polite' });
    this.prev = h('button', { type: 'button', id: 'page-prev', onclick: () => this.go(this.page - 1) }, '‹ Previous');
    this.next = h('button', { type: 'button', id: 'page-next', onclick: () => this.go(this.page + 1) }, 'Next ›');
    this.csv = h('button', { type: 'button', id: 'download-csv', onclick: () => this.downloadCsv() }, 'CSV');
    this.json = h('button', { type: 'button', id: 'download-json', onclick: () => this.downloadJson() }, 'JSON');
    root.append(
      h('div', { class: 'table-tools' },
        h('span', { class: 'tools-label' }, 'Download'), this.csv, this.json,
        h('span', { class: 'spacer' }), this.prev, this.pageInfo, this.next),
      h('div', { class: 'table-scroll', tabindex: '-1' }, this.table));
    this.reset([]);
    this.caption.textContent = 'No query run yet.';
  }

  get rowCount() { return this.rows.length; }

  reset(columns, label = '') {
    this.columns = columns;
    this.rows = [];
    this.sort = null;
    this.selected = null;
    this.page = 0;
    this.done = false;
    this.label = label;
    clear(this.thead);
    clear(this.tbody);
    this.table.classList.remove('no-evidence');
    if (columns.length) {
      const tr = h('tr', {}, h('th', { scope: 'col', class: 'evidence-col' }, h('span', { class: 'visually-hidden' }, 'Evidence')));
      columns.forEach((name, i) => {
        tr.append(h('th', { scope: 'col', 'aria-sort': 'none' },
          h('button', { type: 'button', class: 'sort', onclick: () => this.sortBy(i) }, name)));
      });
      this.thead.append(tr);
    }
    this.updateChrome();
  }

  append(rows) {
    const start = this.rows.length;
    // A result without provenance (SHOW, aggregates, provenance off) has no evidence column.
    if (start === 0) this.table.classList.toggle('no-evidence', !rows.some((r) => r.provenance && r.provenance.length));
    rows.forEach((r, i) => this.rows.push({ values: r.values || [], provenance: r.provenance || [], n: start + i + 1 }));
    if (this.sort) {
      this.applySort();
      this.renderPage();
    } else {
      // Draw only what lands on the page shown.
      const first = this.page * PAGE;
      const last = first + PAGE;
      for (let i = Math.max(start, first); i < Math.min(this.rows.length, last); i++) this.tbody.append(this.rowElement(this.rows[i]));
    }
    this.updateChrome();
  }

  finish(summary) {
    this.done = true;
    this.label = summary;
    this.updateChrome();
  }

  rowElement(row) {
    const hasEvidence = row.provenance.length > 0;
    // The visible text (the number of claims) is part of the accessible name.
    const count = row.provenance.length;
    const button = h('button', {
      type: 'button', class: 'evidence', 'aria-label': `evidence for row ${row.n}: ${count} claim${count === 1 ? '' : 's'}`,
      disabled: !hasEvidence, title: hasEvidence ? `${count} supporting claim(s)` : 'no provenance for this row',
      onclick: (e) => { e.stopPropagation(); this.select(row); this.onEvidence(row, e.currentTarget); },
    }, String(count));
    const tr = h('tr', { dataset: { row: row.n }, class: row === this.selected ? 'selected' : null },
      h('td', { class: 'evidence-col' }, button));
    row.values.forEach((v) => tr.append(h('td', { class: `k-${V.kind(v)}` }, V.node(v, this.onClaim))));
    if (hasEvidence) {
      tr.classList.add('has-evidence');
      tr.addEventListener('click', (e) => {
        if (e.target.closest('button')) return;
        this.select(row);
        this.onEvidence(row, button);
      });
    }
    return tr;
  }

  // The row whose evidence is shown stays marked while the table is paged or sorted.
  select(row) {
    this.selected = row;
    for (const tr of this.tbody.querySelectorAll('tr.selected')) tr.classList.remove('selected');
    const tr = this.tbody.querySelector(`tr[data-row="${row.n}"]`);
    if (tr) tr.classList.add('selected');
  }

  pages() { return Math.max(1, Math.ceil(this.rows.length / PAGE)); }

  go(page) {
    this.page = Math.min(Math.max(0, page), this.pages() - 1);
    this.renderPage();
    this.updateChrome();
  }

  renderPage() {
    clear(this.tbody);
    const first = this.page * PAGE;
    for (const row of this.rows.slice(first, first + PAGE)) this.tbody.append(this.rowElement(row));
  }

  sortBy(i) {
    const dir = this.sort && this.sort.col === i && this.sort.dir === 'ascending' ? 'descending' : 'ascending';
    this.sort = { col: i, dir };
    [...this.thead.querySelectorAll('th[aria-sort]')].forEach((th, j) => th.setAttribute('aria-sort', j === i ? dir : 'none'));
    this.applySort();
    this.page = 0;
    this.renderPage();
    this.updateChrome();
  }

  applySort() {
    const { col, dir } = this.sort;
    const sign = dir === 'ascending' ? 1 : -1;
    this.rows.sort((a, b) => sign * V.compare(a.values[col], b.values[col]) || a.n - b.n);
  }

  updateChrome() {
    const n = this.rows.length;
    // The summary ("N rows in X ms") is already shown in the status line above
    // the tabs; the caption keeps it for screen readers only, so the eye reads
    // it once. What only the table knows (still receiving, sort order) stays visible.
    clear(this.caption);
    if (this.label) this.caption.append(h('span', { class: this.columns.length ? 'visually-hidden' : null }, this.label));
    if (this.columns.length && !this.done) this.caption.append('Receiving…');
    if (this.columns.length && this.sort) this.caption.append(` Sorted by ${this.columns[this.sort.col]}, ${this.sort.dir}.`);
    this.pageInfo.textContent = n ? `Rows ${fmtInt(this.page * PAGE + 1)}–${fmtInt(Math.min(n, (this.page + 1) * PAGE))} of ${fmtInt(n)}` : '';
    this.prev.disabled = this.page === 0;
    this.next.disabled = this.page >= this.pages() - 1;
    this.csv.disabled = this.json.disabled = !this.columns.length;
  }

  ordered() { return [...this.rows].sort((a, b) => (this.sort ? 0 : a.n - b.n)); }

  downloadCsv() {
    const q = (s) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
    const lines = [[...this.columns, 'provenance'].map(q).join(',')];
    for (const r of this.ordered()) lines.push([...r.values.map((v) => q(V.text(v))), q(r.provenance.join(' '))].join(','));
    download('claimgraph-result.csv', 'text/csv', `${lines.join('\r\n')}\r\n`);
  }

  downloadJson() {
    const out = this.ordered().map((r) => {
      const o = {};
      this.columns.forEach((c, i) => { o[c] = V.plain(r.values[i]); });
      if (r.provenance.length) o.provenance = r.provenance;
      return o;
    });
    download('claimgraph-result.json', 'application/json', `${JSON.stringify(out, null, 2)}\n`);
  }
}
