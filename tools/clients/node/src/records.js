// Answers as plain objects with camelCase fields and JavaScript values (no
// protobuf message leaves the package). The shapes are in index.d.ts.
import { Entity, fromValue } from './values.js';

const camel = (name) => name.replace(/_([a-z])/g, (_, c) => c.toUpperCase());

// A message's fields under camelCase names; `converted` gives those that
// need more than a copy (under their proto names).
export function record(message, converted = {}) {
  const out = {};
  for (const [name, value] of Object.entries(message)) {
    out[camel(name)] = name in converted ? converted[name] : value;
  }
  return out;
}

export const claimOf = (c) => record(c, { object: fromValue(c.object) });

export function changeOf(m, c) {
  return {
    tx: m.tx, time: m.time, principal: m.principal, kind: c.kind, claimId: c.claim_id,
    subject: new Entity(c.subject?.id ?? 0, c.subject?.name ?? ''), predicate: c.predicate,
    object: fromValue(c.object), source: c.source, reason: c.reason,
  };
}

// Reads a statement's QueryResponse messages (header, batch, trailer: read
// independently, as one message may carry all three).
export class ResultReader {
  constructor() {
    this.result = { columns: [], rows: [], provenance: [], trailer: emptyTrailer(), asOfTx: 0, error: undefined };
  }

  rowsOf(part) {
    if (part.header) {
      this.result.columns = part.header.columns ?? [];
      this.result.asOfTx = part.header.as_of_tx ?? 0;
    }
    const out = [];
    for (const r of part.batch?.rows ?? []) {
      const row = {};
      this.result.columns.forEach((c, i) => { row[c] = fromValue(r.values[i]); });
      out.push({ row, provenance: r.provenance ?? [] });
    }
    if (part.trailer) this.result.trailer = record(part.trailer);
    return out;
  }

  add(part) {
    for (const { row, provenance } of this.rowsOf(part)) {
      this.result.rows.push(row);
      this.result.provenance.push(provenance);
    }
  }
}

function emptyTrailer() {
  return { rows: 0, elapsedMs: 0, cpuMs: 0, warnings: [], message: '', writtenTx: 0 };
}
