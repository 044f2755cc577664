// claimgraph.v1.Value in its JSON form (a oneof: exactly one of null_value,
// bool_value, number_value, int_value, string_value, date_value,
// entity_value, predicate_value, claim_value, list_value). int_value is an
// int64, which the JSON mapping writes as a string ("4"); the server sends
// only whole numbers within 2^53, so Number() of it is exact.
import { h } from './dom.js';

export function kind(v) {
  if (!v) return 'null';
  if ('entity_value' in v) return 'entity';
  if ('claim_value' in v) return 'claim';
  if ('predicate_value' in v) return 'predicate';
  if ('date_value' in v) return 'date';
  if ('number_value' in v || 'int_value' in v) return 'number';
  if ('string_value' in v) return 'string';
  if ('bool_value' in v) return 'bool';
  if ('list_value' in v) return 'list';
  return 'null';
}

// A number's value, whichever kind carries it (a string for NaN and the infinities).
function numeric(v) {
  return 'int_value' in v ? Number(v.int_value) : v.number_value;
}

function number(n) {
  if (typeof n === 'string') return n; // "NaN", "Infinity"
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 1e6) / 1e6);
}

// The value as plain text (CSV, sorting, titles).
export function text(v) {
  switch (kind(v)) {
    case 'entity': return v.entity_value.name;
    case 'claim': return String(v.claim_value);
    case 'predicate': return v.predicate_value;
    case 'date': return v.date_value;
    case 'number': return number(numeric(v));
    case 'string': return v.string_value;
    case 'bool': return v.bool_value ? 'true' : 'false';
    case 'list': return (v.list_value.values || []).map(text).join(', ');
    default: return '';
  }
}

// The value for JSON download: plain JSON types, entities by name.
export function plain(v) {
  switch (kind(v)) {
    case 'number': return typeof numeric(v) === 'number' ? numeric(v) : text(v);
    case 'bool': return v.bool_value;
    case 'list': return (v.list_value.values || []).map(plain);
    case 'null': return null;
    default: return text(v);
  }
}

// Sort key: numbers as numbers, everything else as text; null first.
export function compare(a, b) {
  const ka = kind(a);
  const kb = kind(b);
  if (ka === 'null' || kb === 'null') return (ka === 'null' ? 0 : 1) - (kb === 'null' ? 0 : 1);
  if (ka === 'number' && kb === 'number') return Number(numeric(a)) - Number(numeric(b));
  if (ka === 'claim' && kb === 'claim') return Number(a.claim_value) - Number(b.claim_value);
  return text(a).localeCompare(text(b), 'en', { numeric: true });
}

// A table cell's content. Claim ids become buttons that open the claim.
export function node(v, onClaim) {
  const k = kind(v);
  if (k === 'claim' && onClaim) {
    const id = String(v.claim_value);
    return h('button', { type: 'button', class: 'link claim-link', 'aria-label': `open claim ${id}`,
      onclick: (e) => { e.stopPropagation(); onClaim(id, e.currentTarget); } }, `#${id}`);
  }
  if (k === 'null') return h('span', { class: 'v-null' }, 'null');
  return h('span', { class: `v-${k}` }, text(v));
}
