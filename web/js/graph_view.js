// The result as a graph (cytoscape.js): entities are nodes, the distinct facts
// (subject, predicate, object) of the claims in the rows' provenance are
// edges, fetched with POST /v1/claims:batchGet. A symmetric predicate's fact is
// one undirected edge. The first draw is capped (MAX_NODES, MAX_EDGES) and says
// so. The canvas is aria-hidden; the list beside it does everything a click
// does, from the keyboard.
import cytoscape from '../vendor/cytoscape.esm.min.mjs';
import { h, clear, fmtInt } from './dom.js';

export const MAX_NODES = 300;
export const MAX_EDGES = 600;
// The claims read to find the edges (10 requests of 1,000): a 1,000-row answer
// on a big store can name hundreds of thousands.
export const MAX_CLAIMS = 10000;

// The graph of a result: {nodes: [{id, claims:Set}], edges: [{id, source, target,
// predicate, symmetric, claims:[]}]}. Pure, so the test's arithmetic and the
// page's can be compared.
export function buildGraph(rows, claims, symmetric) {
  const nodes = new Map();
  const node = (name) => {
    if (!nodes.has(name)) nodes.set(name, { id: name, claims: new Set() });
    return nodes.get(name);
  };
  for (const row of rows) {
    for (const v of row.values || []) if (v && v.entity_value) node(v.entity_value.name);
  }
  const edges = new Map();
  for (const c of claims) {
    if (!c.object || !c.object.entity_value) continue;
    const s = c.subject;
    const o = c.object.entity_value.name;
    const sym = symmetric.has(c.predicate);
    const [a, b] = sym && o < s ? [o, s] : [s, o];
    const key = JSON.stringify([c.predicate, a, b]);
    if (!edges.has(key)) edges.set(key, { id: `e${edges.size}`, source: a, target: b, predicate: c.predicate, symmetric: sym, claims: [] });
    edges.get(key).claims.push(String(c.id));
    node(s).claims.add(String(c.id));
    node(o).claims.add(String(c.id));
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

// At most `budget` distinct claim ids taken across the rows in turn (each
// row's first claim, then each row's second, ...), so that every row's facts
// get their share instead of the first rows' taking it all.
function spread(rows, budget) {
  const out = new Set();
  for (let depth = 0; out.size < budget; depth++) {
    let any = false;
    for (const r of rows) {
      const p = r.provenance || [];
      if (depth < p.length) {
        any = true;
        out.add(String(p[depth]));
        if (out.size >= budget) break;
      }
    }
    if (!any) break;
  }
  return [...out];
}

const STYLE = [
  { selector: 'node', style: {
    'background-color': '#2f6690', label: 'data(label)', color: '#1b1b1b', 'font-size': 11,
    'text-valign': 'bottom', 'text-margin-y': 4, width: 18, height: 18,
    'text-background-color': '#ffffff', 'text-background-opacity': 0.8, 'text-background-padding': 1,
    'min-zoomed-font-size': 7 } },
  { selector: 'node.in-row', style: { 'background-color': '#c8553d', width: 24, height: 24 } },
  { selector: 'edge', style: {
    width: 1.5, 'line-color': '#7a8793', 'curve-style': 'bezier', label: 'data(label)', 'font-size': 9,
    color: '#38434f', 'text-rotation': 'autorotate', 'text-background-color': '#ffffff',
    'text-background-opacity': 0.8, 'target-arrow-shape': 'triangle', 'target-arrow-color': '#7a8793',
    'min-zoomed-font-size': 7 } },
  { selector: 'edge.symmetric', style: { 'target-arrow-shape': 'none', 'line-style': 'solid', 'line-color': '#3a7d44' } },
  { selector: ':selected', style: { 'overlay-color': '#f2a541', 'overlay-opacity': 0.35, 'overlay-padding': 6 } },
];

export class GraphView {
  constructor({ canvas, list, summary, api, symmetric, onSelect }) {
    this.canvas = canvas;
    this.listEl = list;
    this.summary = summary;
    this.api = api;
    this.symmetric = symmetric; // () => Promise<Set<string>>
    this.onSelect = onSelect;
    this.cy = null;
    this.result = null;
    this.built = null;
    this.controller = null;
    // The canvas changes size when the evidence panel opens or the window
    // does; cytoscape only notices when told.
    new ResizeObserver(() => { if (this.cy) { this.cy.resize(); this.fit(); } }).observe(canvas);
  }

  // Everything in view; a few nodes fitted to the canvas would be drawn huge,
  // so the zoom is capped.
  fit() {
    this.cy.fit(undefined, 30);
    if (this.cy.zoom() > 1.3) { this.cy.zoom(1.3); this.cy.center(); }
  }

  // A new result: the graph is rebuilt the next time it is shown.
  invalidate(result) {
    this.result = result;
    this.built = null;
    if (this.controller) this.controller.abort();
    if (this.cy) { this.cy.destroy(); this.cy = null; }
    clear(this.listEl);
    this.summary.textContent = result ? 'The graph is drawn when this tab is shown.' : 'No query run yet.';
  }

  async show() {
    if (this.cy) { this.cy.resize(); return this.built; }
    if (!this.result) return null;
    if (this.building && this.buildingFor === this.result) return this.building;
    const result = this.result;
    this.buildingFor = result;
    this.building = this.build(result).finally(() => {
      if (this.buildingFor === result) this.building = null;
    });
    return this.building;
  }

  async build(result) {
    this.controller = new AbortController();
    const { signal } = this.controller;
    const rows = result.rows;
    this.summary.textContent = 'Loading the claims behind the rows…';
    const allIds = [...new Set(rows.flatMap((r) => (r.provenance || []).map(String)))];
    const ids = allIds.length <= MAX_CLAIMS ? allIds : spread(rows, MAX_CLAIMS);
    let claims;
    let symmetric;
    try {
      [claims, symmetric] = await Promise.all([this.api.claims(ids, signal), this.symmetric()]);
    } catch (err) {
      if (!signal.aborted) this.summary.textContent = `Could not load the claims: ${err.message}`;
      return null;
    }
    if (signal.aborted) return null;
    const g = buildGraph(rows, claims, symmetric);
    const inRow = new Set(rows.flatMap((r) => (r.values || []).filter((v) => v && v.entity_value).map((v) => v.entity_value.name)));
    const nodes = g.nodes.slice(0, MAX_NODES);
    const drawn = new Set(nodes.map((n) => n.id));
    const edges = g.edges.filter((e) => drawn.has(e.source) && drawn.has(e.target)).slice(0, MAX_EDGES);
    const capped = nodes.length < g.nodes.length || edges.length < g.edges.length;
    let text = `${fmtInt(g.nodes.length)} entities, ${fmtInt(g.edges.length)} relations`;
    if (capped) text += ` — showing ${fmtInt(nodes.length)} of ${fmtInt(g.nodes.length)} entities and ${fmtInt(edges.length)} of ${fmtInt(g.edges.length)} relations`;
    if (!ids.length && rows.length) text += ' (the rows carry no provenance: run with provenance on to see relations)';
    if (ids.length < allIds.length) text += ` (relations from the first ${fmtInt(ids.length)} of the ${fmtInt(allIds.length)} claims behind the rows)`;
    this.summary.textContent = text;
    this.summary.dataset.nodes = String(g.nodes.length);
    this.summary.dataset.edges = String(g.edges.length);

    const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    this.cy = cytoscape({
      container: this.canvas,
      elements: [
        ...nodes.map((n) => ({ group: 'nodes', data: { id: n.id, label: n.id }, classes: inRow.has(n.id) ? 'in-row' : '' })),
        ...edges.map((e) => ({ group: 'edges', data: { id: e.id, source: e.source, target: e.target, label: e.predicate },
          classes: e.symmetric ? 'symmetric' : '' })),
      ],
      style: STYLE,
      layout: { name: nodes.length > 1 ? 'cose' : 'grid', animate: !reduced && nodes.length < 150, animationDuration: 400, randomize: false, padding: 20 },
      minZoom: 0.1,
      maxZoom: 4,
    });
    this.cy.one('layoutstop', () => { if (this.cy) this.fit(); });
    const byNode = new Map(nodes.map((n) => [n.id, n]));
    const byEdge = new Map(edges.map((e) => [e.id, e]));
    const buttons = new Map();
    const select = (kind, item) => {
      this.cy.elements().unselect();
      this.cy.getElementById(item.id).select();
      const title = kind === 'node' ? item.id : `${item.source} ${item.predicate} ${item.target}`;
      this.onSelect({ title, claimIds: kind === 'node' ? [...item.claims] : item.claims, returnFocus: buttons.get(item.id) });
    };
    this.cy.on('tap', 'node', (e) => select('node', byNode.get(e.target.id())));
    this.cy.on('tap', 'edge', (e) => select('edge', byEdge.get(e.target.id())));

    // The keyboard's way in: the same entities and relations as buttons.
    clear(this.listEl);
    const nodeList = h('ul', { class: 'graph-items', 'aria-label': 'entities' });
    for (const n of nodes) {
      const b = h('button', { type: 'button', disabled: n.claims.size === 0, onclick: () => select('node', n) },
        n.id, h('span', { class: 'count' }, ` ${n.claims.size} claim${n.claims.size === 1 ? '' : 's'}`));
      buttons.set(n.id, b);
      nodeList.append(h('li', {}, b));
    }
    const edgeList = h('ul', { class: 'graph-items', 'aria-label': 'relations' });
    for (const e of edges) {
      const b = h('button', { type: 'button', onclick: () => select('edge', e) },
        `${e.source} ${e.predicate} ${e.target}`, h('span', { class: 'count' }, ` ${e.claims.length} claim${e.claims.length === 1 ? '' : 's'}`));
      buttons.set(e.id, b);
      edgeList.append(h('li', {}, b));
    }
    this.listEl.append(h('h3', {}, `Entities (${fmtInt(nodes.length)})`), nodeList,
      h('h3', {}, `Relations (${fmtInt(edges.length)})`), edgeList);
    this.built = { nodes: g.nodes.length, edges: g.edges.length, drawnNodes: nodes.length, drawnEdges: edges.length };
    return this.built;
  }
}
