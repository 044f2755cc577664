// The provenance panel: every claim that supports a row, a node or an edge,
// with its source (publisher, date), modality, confidence, method and quote;
// the passage of the kept text around its span with the quoted bytes
// highlighted; and the claim's history. Focus moves to the heading on open;
// Esc (or the close button) closes it and gives focus back to what opened it.
import { h, clear, fmtInt } from './dom.js';
import * as V from './values.js';
import { renderPassage } from './passage.js';

const SHOWN = 50;

function modalityName(m) {
  return String(m || 'ASSERTED').replace('MODALITY_UNSPECIFIED', 'ASSERTED').toLowerCase();
}

function field(dl, name, ...value) {
  dl.append(h('dt', {}, name), h('dd', {}, ...value));
}

export class ProvenancePanel {
  constructor(aside, { api, sources, onOpenChange }) {
    this.aside = aside;
    this.api = api;
    this.sources = sources;
    this.onOpenChange = onOpenChange;
    this.title = aside.querySelector('#provenance-title');
    this.sub = aside.querySelector('#provenance-sub');
    this.list = aside.querySelector('#provenance-claims');
    this.more = aside.querySelector('#provenance-more');
    this.returnFocus = null;
    this.controller = null;
    this.pending = 0;
    aside.querySelector('#provenance-close').addEventListener('click', () => this.close());
    aside.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') { e.preventDefault(); this.close(); }
    });
    this.more.addEventListener('click', () => this.renderMore());
  }

  get isOpen() { return !this.aside.hidden; }

  // title: what the claims support ("row 3: Japan"); claimIds: strings.
  async open({ title, claimIds, returnFocus }) {
    if (this.controller) this.controller.abort();
    this.controller = new AbortController();
    const { signal } = this.controller;
    this.returnFocus = returnFocus || document.activeElement;
    this.ids = [...new Set(claimIds.map(String))];
    this.shown = 0;
    this.aside.hidden = false;
    this.aside.setAttribute('aria-busy', 'true');
    this.onOpenChange(true);
    this.title.textContent = `Evidence: ${title}`;
    this.sub.textContent = `${fmtInt(this.ids.length)} supporting claim${this.ids.length === 1 ? '' : 's'}`;
    clear(this.list);
    this.more.hidden = true;
    this.title.focus();
    this.signal = signal;
    await this.renderMore();
  }

  async renderMore() {
    const ids = this.ids.slice(this.shown, this.shown + SHOWN);
    this.shown += ids.length;
    const signal = this.signal;
    this.aside.setAttribute('aria-busy', 'true');
    let claims;
    try {
      claims = await this.api.claims(ids, signal);
    } catch (err) {
      if (signal.aborted) return;
      this.list.append(h('li', { class: 'panel-error', role: 'alert' }, `Could not load the claims: ${err.message}`));
      this.aside.setAttribute('aria-busy', 'false');
      return;
    }
    if (signal.aborted) return;
    const work = claims.map((c) => this.renderClaim(c, signal));
    const rest = this.ids.length - this.shown;
    this.more.hidden = rest <= 0;
    this.more.textContent = `Show ${fmtInt(Math.min(rest, SHOWN))} more of ${fmtInt(rest)}`;
    await Promise.allSettled(work);
    if (!signal.aborted) {
      this.aside.setAttribute('aria-busy', 'false');
      this.aside.dataset.loaded = String(this.shown);
    }
  }

  async renderClaim(c, signal) {
    const idText = String(c.id);
    const headingId = `claim-${idText}-h`;
    const dl = h('dl', { class: 'claim-fields' });
    const passage = h('div', { class: 'passage-box' }, h('p', { class: 'muted' }, 'Loading the source…'));
    const history = h('div', { class: 'history-box' }, h('p', { class: 'muted' }, 'Loading the history…'));
    const li = h('li', { class: 'claim', dataset: { claimId: idText }, 'aria-labelledby': headingId },
      h('h3', { id: headingId },
        h('span', { class: 'claim-id' }, `#${idText}`), ' ',
        h('span', { class: 'fact' }, c.subject, ' ', h('span', { class: 'pred' }, c.predicate), ' ', V.text(c.object))),
      dl,
      c.quote ? h('blockquote', { class: 'quote-text' }, c.quote) : null,
      h('h4', {}, 'Passage'), passage,
      h('h4', {}, 'History'), history);
    this.list.append(li);

    const sourceCell = h('dd', {}, c.source);
    dl.append(h('dt', {}, 'Source'), sourceCell);
    field(dl, 'Modality', h('span', { class: `modality m-${modalityName(c.modality)}` }, modalityName(c.modality)));
    field(dl, 'Confidence', String(c.confidence));
    field(dl, 'Method', c.method || '—');
    if (c.valid_from || c.valid_to) field(dl, 'Valid', `${c.valid_from || '…'} to ${c.valid_to || '…'}`);
    field(dl, 'Asserted', `tx ${c.asserted_tx} by ${c.principal || '—'} at ${c.asserted_at}`);
    if (c.retracted_tx && c.retracted_tx !== '0') {
      field(dl, 'Retracted', `tx ${c.retracted_tx} by ${c.retracted_by}: ${c.retract_reason}`);
    }
    if (c.deprecated) {
      field(dl, 'Deprecated', `tx ${c.deprecated_tx}${c.deprecated_by_source ? ' (its source)' : ''}: ${c.deprecated_reason}`);
    }

    const sourceWork = this.sources.get(c.source).then(({ source, bytes }) => {
      if (signal.aborted) return;
      clear(sourceCell).append(
        h('span', { class: 'src-title' }, source.title || source.key), h('br'),
        h('span', { class: 'src-pub' }, source.publisher || 'no publisher'), ', ',
        h('span', { class: 'src-date' }, source.published || 'undated'), ' ',
        h('span', { class: 'src-key' }, `(${source.key})`));
      clear(passage);
      if (source.text_state === 'kept' && c.has_span && bytes) {
        const p = renderPassage(bytes, c.span_begin, c.span_end);
        passage.append(p || h('p', { class: 'muted' }, `The span ${c.span_begin}..${c.span_end} is outside the text.`));
      } else if (source.text_state === 'redacted') {
        passage.append(h('p', { class: 'muted' },
          `The text was redacted in tx ${source.redacted_tx} by ${source.redacted_by}: ${source.redact_reason}`));
      } else if (!c.has_span) {
        passage.append(h('p', { class: 'muted' }, 'The claim names no span of its source.'));
      } else {
        passage.append(h('p', { class: 'muted' }, 'The store keeps no text for this source.'));
      }
    }).catch((err) => {
      if (!signal.aborted) clear(passage).append(h('p', { class: 'panel-error' }, `Source: ${err.message}`));
    });

    const historyWork = this.api.history(idText, signal).then((answer) => {
      const events = answer.events || [];
      const table = h('table', { class: 'history' },
        h('caption', { class: 'visually-hidden' }, `History of claim ${idText}`),
        h('thead', {}, h('tr', {}, ...['tx', 'time', 'event', 'by', 'detail'].map((c2) => h('th', { scope: 'col' }, c2)))),
        h('tbody', {}, ...events.map((e) => h('tr', {},
          h('td', {}, String(e.tx)), h('td', {}, e.time), h('td', {}, e.event), h('td', {}, e.principal), h('td', {}, e.detail)))));
      clear(history).append(table);
    }).catch((err) => {
      if (!signal.aborted) clear(history).append(h('p', { class: 'panel-error' }, `History: ${err.message}`));
    });
    await Promise.allSettled([sourceWork, historyWork]);
  }

  close() {
    if (this.controller) this.controller.abort();
    this.aside.hidden = true;
    this.onOpenChange(false);
    const back = this.returnFocus;
    this.returnFocus = null;
    if (back && back.isConnected) back.focus();
  }
}
