// The schema beside the editor: predicates with their live claim counts and
// symmetric/inverse flags (GET /v1/stats?by_predicate=true), entities with
// their aliases (SHOW ENTITIES) and sources with publisher and date (SHOW
// SOURCES). One filter narrows all three; a name inserts itself into the editor.
import { h, clear, fmtInt } from './dom.js';
import * as V from './values.js';

const MAX_SHOWN = 150;

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
    this.filter.addEventListener('input', () => this.render());
  }

  // stats: a StatsResponse with by_predicate.
  async load(stats) {
    this.items.predicates = (stats.by_predicate || []).map((p) => {
      const flags = [];
      if (p.symmetric) flags.push('symmetric');
      if (p.inverse) flags.push(`inverse ${p.inverse}`);
      if (p.range && p.range !== 'ANY') flags.push(`range ${p.range}`);
      return { name: p.name, insert: p.name, search: `${p.name} ${p.inverse}`.toLowerCase(),
        detail: `${fmtInt(p.live_claims)} claims${flags.length ? ` · ${flags.join(' · ')}` : ''}` };
    });
    const [entities, sources] = await Promise.allSettled([
      this.api.queryAll('SHOW ENTITIES', { batchRows: 2000 }),
      this.api.queryAll('SHOW SOURCES', { batchRows: 2000 }),
    ]);
    const col = (answer, name) => answer.columns.indexOf(name);
    if (entities.status === 'fulfilled') {
      const a = entities.value;
      const [ie, it, ia] = [col(a, 'entity'), col(a, 'type'), col(a, 'aliases')];
      this.items.entities = a.rows.map((r) => {
        const name = V.text(r.values[ie]);
        const aliases = ia >= 0 ? V.text(r.values[ia]) : '';
        const type = it >= 0 ? V.text(r.values[it]) : '';
        return { name, insert: quote(name), search: `${name} ${aliases}`.toLowerCase(),
          detail: [type, aliases].filter(Boolean).join(' · ') };
      });
    }
    if (sources.status === 'fulfilled') {
      const a = sources.value;
      const [ik, iti, ip, id, ic] = ['source', 'title', 'publisher', 'published', 'claims'].map((n) => col(a, n));
      this.items.sources = a.rows.map((r) => {
        const key = V.text(r.values[ik]);
        const title = cell(r, iti) || key;
        const publisher = cell(r, ip);
        const date = cell(r, id);
        return { name: title, insert: quote(key), search: `${key} ${title} ${publisher} ${date}`.toLowerCase(),
          detail: `${publisher || 'no publisher'}, ${date || 'undated'} · ${cell(r, ic)} claims · ${key}` };
      });
    }
    function cell(r, i) { return i >= 0 ? V.text(r.values[i]) : ''; }
    this.render();
  }

  render() {
    const needle = this.filter.value.trim().toLowerCase();
    for (const [kind, items] of Object.entries(this.items)) {
      const list = clear(this.lists[kind]);
      const hits = needle ? items.filter((x) => x.search.includes(needle)) : items;
      this.counts[kind].textContent = needle ? `${fmtInt(hits.length)} of ${fmtInt(items.length)}` : fmtInt(items.length);
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
