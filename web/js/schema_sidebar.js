// The schema beside the editor: predicates with their live claim counts and
// symmetric/inverse flags (GET /v1/stats?by_predicate=true), entities with
// their aliases (SHOW ENTITIES) and sources with publisher and date (SHOW
// SOURCES). One filter narrows all three; a name inserts itself into the editor.
import { h, clear, fmtInt } from './dom.js';
import * as V from './values.js';

const MAX_SHOWN = 150;
// A store can hold millions of entities: the sidebar reads the first ones only
// (SHOW ENTITIES lists them by name) and says so.
const MAX_LOADED = 5000;

const quote = (s) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

export class SchemaSidebar {
  constructor(root, { api, onInsert }) {
    this.api = api;
    this.onInsert = onInsert;
    this.filter = root.querySelector('#schema-filter');
    this.lists = {
      predicates: root.querySelector('#schema-predicates'),
      entities: root.querySelector('#schema-entities'),
      sources: root.querySelector('#schema-sources'),
    };
    this.counts = {
      predicates: root.querySelector('#schema-predicates-count'),
      entities: root.querySelector('#schema-entities-count'),
      sources: root.querySelector('#schema-sources-count'),
    };
    this.items = { predicates: [], entities: [], sources: [] };
    this.truncated = null;
    this.loading = null;
    this.failed = null;
    this.filter.addEventListener('input', () => this.render());
  }

  // stats: a StatsResponse with by_predicate. Each list is drawn as soon as it
  // arrives (on a big store SHOW SOURCES counts every source's claims).
  async load(stats) {
    this.truncated = { entities: 0, sources: 0 };
    this.loading = { entities: true, sources: true };
    this.failed = {};
    this.items.predicates = (stats.by_predicate || []).map((p) => {
      const flags = [];
      if (p.symmetric) flags.push('symmetric');
      if (p.inverse) flags.push(`inverse ${p.inverse}`);
      if (p.range && p.range !== 'ANY') flags.push(`range ${p.range}`);
      return { name: p.name, insert: p.name, search: `${p.name} ${p.inverse}`.toLowerCase(),
        detail: `${fmtInt(p.live_claims)} claims${flags.length ? ` · ${flags.join(' · ')}` : ''}` };
    });
    this.render();
    const cell = (answer, r, name) => {
      const i = answer.columns.indexOf(name);
      return i >= 0 ? V.text(r.values[i]) : '';
    };
    const list = async (kind, statement, total, item) => {
      try {
        const a = await this.api.queryAll(statement, { batchRows: 1000, maxRows: MAX_LOADED });
        this.truncated[kind] = a.truncated ? Number(total) : 0;
        this.items[kind] = a.rows.map((r) => item((name) => cell(a, r, name)));
      } catch (err) {
        this.items[kind] = [];
        this.failed = { ...this.failed, [kind]: err.message };
      }
      this.loading[kind] = false;
      this.render();
    };
    await Promise.all([
      list('entities', 'SHOW ENTITIES', stats.entities, (get) => {
        const name = get('entity');
        const aliases = get('aliases');
        return { name, insert: quote(name), search: `${name} ${aliases}`.toLowerCase(),
          detail: [get('type'), aliases].filter(Boolean).join(' · ') };
      }),
      list('sources', 'SHOW SOURCES', stats.sources, (get) => {
        const key = get('source');
        const title = get('title') || key;
        const publisher = get('publisher');
        const date = get('published');
        return { name: title, insert: quote(key), search: `${key} ${title} ${publisher} ${date}`.toLowerCase(),
          detail: `${publisher || 'no publisher'}, ${date || 'undated'} · ${get('claims')} claims · ${key}` };
      }),
    ]);
  }

  render() {
    const needle = this.filter.value.trim().toLowerCase();
    for (const [kind, items] of Object.entries(this.items)) {
      const list = clear(this.lists[kind]);
      const hits = needle ? items.filter((x) => x.search.includes(needle)) : items;
      const total = (this.truncated && this.truncated[kind]) || items.length;
      if (this.loading && this.loading[kind]) {
        this.counts[kind].textContent = 'loading…';
        continue;
      }
      if (this.failed && this.failed[kind]) list.append(h('li', { class: 'panel-error' }, this.failed[kind]));
      this.counts[kind].textContent = needle ? `${fmtInt(hits.length)} of ${fmtInt(items.length)}` : fmtInt(total);
      if (total > items.length) {
        list.append(h('li', { class: 'muted' }, `the first ${fmtInt(items.length)} of ${fmtInt(total)} (the filter searches these)`));
      }
      for (const x of hits.slice(0, MAX_SHOWN)) {
        list.append(h('li', {},
          h('button', { type: 'button', class: 'insert', title: `insert ${x.insert} into the editor`,
            onclick: () => this.onInsert(x.insert) }, x.name),
          x.detail ? h('span', { class: 'detail' }, x.detail) : null));
      }
      if (hits.length > MAX_SHOWN) list.append(h('li', { class: 'muted' }, `${fmtInt(hits.length - MAX_SHOWN)} more: type in the filter to narrow`));
    }
  }
}
