// The passage of a source's kept text around a claim's span. Spans are byte
// offsets into the UTF-8 text exactly as ingested, so the work is done on the
// bytes: the window [begin-300, end+300) is snapped to character boundaries,
// and [begin, end) — the quoted bytes — becomes <mark class="quote">. Text is
// only ever set as text nodes, never parsed as HTML.
import { h } from './dom.js';

const CONTEXT_BYTES = 300;
const decoder = new TextDecoder('utf-8');

const isContinuation = (b) => (b & 0xc0) === 0x80;

// bytes: the text's UTF-8 (Uint8Array). Returns a <p class="passage"> or null
// when the span does not fit the text.
export function renderPassage(bytes, begin, end) {
  begin = Number(begin);
  end = Number(end);
  if (!(begin >= 0 && end >= begin && end <= bytes.length)) return null;
  let from = Math.max(0, begin - CONTEXT_BYTES);
  while (from < begin && isContinuation(bytes[from])) from++;
  let to = Math.min(bytes.length, end + CONTEXT_BYTES);
  while (to > end && to < bytes.length && isContinuation(bytes[to])) to--;
  const slice = (a, b) => decoder.decode(bytes.subarray(a, b));
  return h('p', { class: 'passage' },
    from > 0 ? '…' : '',
    slice(from, begin),
    h('mark', { class: 'quote', dataset: { begin, end } }, slice(begin, end)),
    slice(end, to),
    to < bytes.length ? '…' : '');
}

// Kept texts by source key, fetched once each (GET /v1/sources/{key}?include_text=true).
export class SourceCache {
  constructor(api) {
    this.api = api;
    this.map = new Map();
  }

  // Resolves {source, bytes}; bytes is null unless the text is kept.
  get(key) {
    if (!this.map.has(key)) {
      const p = this.api.source(key, true).then((source) => ({
        source,
        bytes: source.text_state === 'kept' && typeof source.text === 'string' ? new TextEncoder().encode(source.text) : null,
      }));
      p.catch(() => this.map.delete(key));
      this.map.set(key, p);
    }
    return this.map.get(key);
  }

  clear() { this.map.clear(); }
}
