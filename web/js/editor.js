// The query editor: a <textarea> for input (native caret, selection, undo,
// screen readers) with a highlight layer (<pre aria-hidden>) drawn behind it in
// the same font, kept in scroll sync. Errors are put where the server says:
// its line:column count Unicode code points, the textarea counts UTF-16 units.
import { tokenize } from './claimql_tokens.js';
import { h, clear } from './dom.js';

// UTF-16 index of 1-based (line, column in code points); past the end = the end.
export function offsetOf(text, line, column) {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', offset);
    if (nl < 0) return text.length;
    offset = nl + 1;
  }
  for (let c = 1; c < column && offset < text.length && text[offset] !== '\n'; c++) {
    offset += text.codePointAt(offset) > 0xffff ? 2 : 1;
  }
  return offset;
}

// UTF-16 index `count` code points after `offset`, stopping at the line's end.
function advance(text, offset, count) {
  for (let i = 0; i < count && offset < text.length && text[offset] !== '\n'; i++) {
    offset += text.codePointAt(offset) > 0xffff ? 2 : 1;
  }
  return offset;
}

export class Editor {
  // textarea, highlight: the <pre>; errorRegion: the role=alert element;
  // onRun(): Ctrl/Cmd+Enter; onCancel(): Esc; onHistory(delta): Alt+Up/Down.
  constructor({ textarea, highlight, errorRegion, onRun, onCancel, onHistory }) {
    this.textarea = textarea;
    this.highlight = highlight;
    this.errorRegion = errorRegion;
    this.error = null;
    textarea.addEventListener('input', () => { this.error = null; this.render(); });
    textarea.addEventListener('scroll', () => this.syncScroll());
    textarea.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        onRun(performance.now());
      } else if (e.key === 'Escape' && onCancel) {
        if (onCancel()) e.preventDefault();
      } else if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown') && onHistory) {
        e.preventDefault();
        onHistory(e.key === 'ArrowUp' ? -1 : 1);
      }
    });
    this.render();
  }

  get value() { return this.textarea.value; }

  set value(text) {
    this.textarea.value = text;
    this.clearError();
    this.render();
  }

  focus() { this.textarea.focus(); }

  // Inserts text at the caret (the schema sidebar's names), replacing a selection.
  insert(text) {
    const t = this.textarea;
    const start = t.selectionStart;
    t.setRangeText(text, start, t.selectionEnd, 'end');
    this.error = null;
    this.render();
    t.focus();
  }

  clearError() {
    this.error = null;
    clear(this.errorRegion);
    this.errorRegion.hidden = true;
    this.textarea.removeAttribute('aria-invalid');
    this.render();
  }

  // Shows an ApiError (or any Error): the message in the alert region, and, when
  // it has a position, the mark in the highlight layer and the selection there.
  showError(err) {
    clear(this.errorRegion);
    this.errorRegion.hidden = false;
    const title = err.status ? `${err.status}: ` : '';
    const [first, ...rest] = String(err.message).split('\n');
    this.errorRegion.append(h('p', { class: 'error-title' }, title, first));
    if (rest.length) this.errorRegion.append(h('pre', { class: 'error-detail' }, rest.join('\n')));
    if (err.line && err.column) {
      const text = this.value;
      const start = offsetOf(text, err.line, err.column);
      const end = advance(text, start, Math.max(1, err.length || 1));
      this.error = { line: err.line, column: err.column, start, end };
      this.textarea.setAttribute('aria-invalid', 'true');
      this.textarea.focus();
      this.textarea.setSelectionRange(start, end);
    } else {
      this.error = null;
    }
    this.render();
  }

  syncScroll() {
    this.highlight.scrollTop = this.textarea.scrollTop;
    this.highlight.scrollLeft = this.textarea.scrollLeft;
  }

  render() {
    const text = this.value;
    const err = this.error;
    const out = document.createDocumentFragment();
    let mark = null;
    let made = null;
    const target = () => mark || out;
    const openMark = () => {
      mark = h('mark', { class: 'error', dataset: { line: err.line, column: err.column } });
      made = mark;
      out.append(mark);
    };
    for (const tok of tokenize(text)) {
      // Cut each token at the error range's ends so the mark covers exactly it.
      const cuts = [tok.start, tok.end];
      if (err) for (const p of [err.start, err.end]) if (p > tok.start && p < tok.end) cuts.push(p);
      cuts.sort((a, b) => a - b);
      for (let i = 0; i + 1 < cuts.length; i++) {
        const [a, b] = [cuts[i], cuts[i + 1]];
        if (err && a === err.start && !mark) openMark();
        if (err && a === err.end) mark = null;
        target().append(h('span', { class: `tok-${tok.type}` }, text.slice(a, b)));
      }
    }
    if (err && err.start >= text.length && !mark) openMark();
    if (made && !made.firstChild) made.append(' ');
    // A trailing newline needs a character after it to take up its line.
    out.append('\n ');
    clear(this.highlight).append(out);
    this.syncScroll();
  }
}
