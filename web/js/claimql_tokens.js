// A ClaimQL tokenizer for the editor: highlighting, and finding a statement's
// last significant token (where the page appends WITH FULL PROVENANCE).
// It follows the lexer of grammar/ClaimQL.g4; the CTest web_keywords_match_grammar
// checks KEYWORDS and PUNCTUATION below against that grammar's literal tokens,
// so the two cannot drift apart. Offsets are UTF-16 indexes into the text.

// Every keyword token of the grammar (case-insensitive there, upper case here).
export const KEYWORDS = new Set([
  'ALIASES', 'AND', 'ANY', 'AS', 'ASC', 'ASSERT', 'AT', 'AUDIT', 'BY', 'CHANGES',
  'CLAIM', 'CONFIDENCE', 'COUNT', 'DEFINE', 'DEPRECATE', 'DEPRECATED', 'DESC',
  'DISTINCT', 'DOMAIN', 'DURING', 'ENTITIES', 'ENTITY', 'EVIDENCE', 'EXISTS',
  'EXPLAIN', 'FALSE', 'FROM', 'FULL', 'GROUP', 'HAVING', 'HISTORY', 'INDEXES',
  'INVERSE', 'LIMIT', 'MATCH', 'MAX', 'METHOD', 'MIN', 'MODALITY', 'NOT', 'NULL',
  'OF', 'OFFSET', 'OPTIONAL', 'OR', 'ORDER', 'PREDICATE', 'PREDICATES',
  'PROVENANCE', 'PUBLISHER', 'QUOTE', 'RANGE', 'REASON', 'REDACT', 'RESTORE',
  'RETRACT', 'RETURN', 'SHOW', 'SINCE', 'SOURCE', 'SOURCES', 'SPAN', 'STATS',
  'SYMMETRIC', 'TEXT', 'TO', 'TRUE', 'TX', 'TYPE', 'UNKNOWN', 'UNTIL', 'VALID',
  'VERIFY', 'WHERE', 'WITH',
]);

// The grammar's quoted literal tokens, longest first so that '..' wins over '.'.
export const PUNCTUATION = [
  '!=', '<>', '<=', '>=', '..',
  ';', ',', '.', '(', ')', '{', '}', '^', '|', '+', '*', '-', '/', '=', '<', '>',
];

const IDENT = /[A-Za-z_][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*/y;
const VARIABLE = /\?[A-Za-z_][A-Za-z0-9_]*/y;
const NUMBER = /[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const STRING = /"(?:[^"\\\r\n]|\\.)*("?)/y;
const SPACE = /[ \t\r\n]+/y;
const COMMENT = /--[^\r\n]*/y;

function matchAt(re, text, pos) {
  re.lastIndex = pos;
  const m = re.exec(text);
  return m ? m : null;
}

// Splits text into tokens {type, text, start, end}; types: keyword, ident,
// variable, string, number, comment, punct, space, error. Every character
// belongs to exactly one token, so joining the tokens gives the text back.
export function tokenize(text) {
  const tokens = [];
  let pos = 0;
  const push = (type, end) => {
    tokens.push({ type, text: text.slice(pos, end), start: pos, end });
    pos = end;
  };
  while (pos < text.length) {
    let m;
    if ((m = matchAt(SPACE, text, pos))) { push('space', pos + m[0].length); continue; }
    if ((m = matchAt(COMMENT, text, pos))) { push('comment', pos + m[0].length); continue; }
    if ((m = matchAt(STRING, text, pos))) {
      push(m[1] ? 'string' : 'error', pos + m[0].length);
      continue;
    }
    if ((m = matchAt(VARIABLE, text, pos))) { push('variable', pos + m[0].length); continue; }
    if ((m = matchAt(NUMBER, text, pos))) { push('number', pos + m[0].length); continue; }
    if ((m = matchAt(IDENT, text, pos))) {
      push(KEYWORDS.has(m[0].toUpperCase()) ? 'keyword' : 'ident', pos + m[0].length);
      continue;
    }
    const p = PUNCTUATION.find((s) => text.startsWith(s, pos));
    if (p) { push('punct', pos + p.length); continue; }
    // One bad character (a whole surrogate pair counts as one).
    const cp = text.codePointAt(pos);
    push('error', pos + (cp > 0xffff ? 2 : 1));
  }
  return tokens;
}

function significant(tokens) {
  return tokens.filter((t) => t.type !== 'space' && t.type !== 'comment');
}

// The statement to send for `text` with provenance mode 'full' | 'witness' |
// 'off'. For a MATCH (not EXPLAIN, not a write) without its own WITH ...
// PROVENANCE, the clause is appended on a new line after the last significant
// token (so a trailing -- comment cannot swallow it), and a trailing ';' is
// dropped. Nothing before the end moves, so the server's line:column stays
// right for the text as typed.
export function withProvenance(text, mode) {
  if (mode !== 'full' && mode !== 'witness') return text;
  const sig = significant(tokenize(text));
  if (sig.length === 0) return text;
  const first = sig[0].text.toUpperCase();
  if (sig[0].type !== 'keyword' || first !== 'MATCH') return text;
  const upper = sig.map((t) => (t.type === 'keyword' ? t.text.toUpperCase() : ''));
  for (let i = 0; i < upper.length; i++) {
    if (upper[i] === 'PROVENANCE' && (upper[i - 1] === 'WITH' || upper[i - 1] === 'FULL')) return text;
  }
  const last = sig[sig.length - 1];
  if (last.type === 'punct' && last.text === ';') {
    // Only the final ';' goes; anything between it and the end stays a comment.
    text = text.slice(0, last.start) + text.slice(last.end);
  }
  const clause = mode === 'full' ? 'WITH FULL PROVENANCE' : 'WITH PROVENANCE';
  return `${text}\n${clause}`;
}

// True when the statement writes (the audit badge and the schema refresh after it).
export function isWrite(text) {
  const sig = significant(tokenize(text));
  if (sig.length === 0 || sig[0].type !== 'keyword') return false;
  return ['ASSERT', 'RETRACT', 'DEFINE', 'REDACT', 'DEPRECATE', 'RESTORE'].includes(sig[0].text.toUpperCase());
}

// True when the statement has its own AS OF clause (the request's as_of_tx
// would then be refused: one statement, one snapshot).
export function hasAsOf(text) {
  const sig = significant(tokenize(text)).map((t) => (t.type === 'keyword' ? t.text.toUpperCase() : ''));
  return sig.some((w, i) => w === 'AS' && sig[i + 1] === 'OF');
}
