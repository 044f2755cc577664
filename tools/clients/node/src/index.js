// @claimgraph/client: claimgraphd's gRPC API (claimgraph.v1) from Node, over
// @grpc/grpc-js with the .proto loaded at run time by @grpc/proto-loader.
// Promises for calls, async iterators for streams; every failure throws
// ClaimgraphError. Types: index.d.ts. Values: docs/api.md, "Values".
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import protoLoader from '@grpc/proto-loader';

import { ClaimgraphError, fromGrpcError, grpc, invalidArgument } from './errors.js';
import { ResultReader, changeOf, claimOf, record } from './records.js';
import { ClaimRef, DateText, Entity, Text, fromValue } from './values.js';

export { ClaimgraphError, ClaimRef, DateText, Entity, Text, fromValue };
export const status = grpc.status;

const PROTO = 'claimgraph/v1/claimgraph.proto';

// $CLAIMGRAPH_PROTO_DIR, else the source tree's proto/ (this package lives
// at tools/clients/node in it; `npm install tools/clients/node` links it).
function protoDir() {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [process.env.CLAIMGRAPH_PROTO_DIR, path.join(here, '..', '..', '..', '..', 'proto')];
  const found = candidates.find((d) => d && existsSync(path.join(d, PROTO)));
  if (!found) throw new Error(`claimgraph: ${PROTO} not found; set CLAIMGRAPH_PROTO_DIR to claimgraph's proto/`);
  return found;
}

let service;
function serviceClass() {
  if (!service) {
    const dir = protoDir();
    // longs: Number -- every 64-bit field is an id, a count or an int_value,
    // all within 2^53. oneofs: a Value's `kind` names the member that is set.
    const definition = protoLoader.loadSync(path.join(dir, PROTO), {
      keepCase: true, longs: Number, enums: String, defaults: true, oneofs: true, includeDirs: [dir],
    });
    service = grpc.loadPackageDefinition(definition).claimgraph.v1.ClaimGraph;
  }
  return service;
}

const RETRY_FIRST_SLEEP_MS = 200;
const WATCH_PROGRESS_SECONDS = 30;
const RETRY_LONGEST_SLEEP_MS = 5000;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// UTF-8 for the wire. Bytes go as they are: the server answers invalid UTF-8
// with its line:column. A string with a lone surrogate, which UTF-8 cannot
// encode (Buffer.from would silently put U+FFFD in its place), is refused.
function statementBytes(statement) {
  if (statement instanceof Uint8Array) return Buffer.from(statement);
  if (typeof statement !== 'string') throw invalidArgument('a statement is a string or bytes');
  if (!statement.isWellFormed()) {
    const at = [...statement].findIndex((ch) => /^[\uD800-\uDFFF]$/.test(ch));
    throw invalidArgument(`the statement is not valid UTF-8 text: character ${at + 1} is a lone surrogate`);
  }
  return Buffer.from(statement, 'utf8');
}

function queryRequest(statement, { asOfTx = 0, maxRows = 0, batchRows = 0 } = {}) {
  // integers: COUNTs, ids, integer literals come as int_value (docs/api.md, "Values").
  return { statement: statementBytes(statement), as_of_tx: asOfTx, max_rows: maxRows, batch_rows: batchRows,
    integers: true };
}

// A deadline already past is refused before the call, as the Python client
// does: gRPC would send it, and a fast answer could beat the timer.
function deadlineOptions(ms) {
  if (ms === undefined) return {};
  if (!(ms > 0)) {
    throw new ClaimgraphError(grpc.status.DEADLINE_EXCEEDED,
      `the deadline expired before the call was sent (timeoutMs ${ms})`);
  }
  return { deadline: new Date(Date.now() + ms) };
}

function pemOf(tlsCa) {
  if (typeof tlsCa !== 'string') return Buffer.from(tlsCa);
  try {
    return readFileSync(tlsCa);
  } catch (e) {
    throw invalidArgument(`tlsCa ${tlsCa}: ${e.code ?? e.message}`);
  }
}

const MODALITIES = new Set(['ASSERTED', 'REPORTED', 'PROPOSED', 'DENIED']);

function claimInput(c) {
  const ci = {
    subject: c.subject, predicate: c.predicate, source: c.source, quote: c.quote ?? '', method: c.method ?? '',
    valid_from: c.validFrom ?? '', valid_to: c.validTo ?? '', source_title: c.sourceTitle ?? '',
    source_publisher: c.sourcePublisher ?? '', source_published: c.sourcePublished ?? '',
    source_url: c.sourceUrl ?? '',
  };
  const o = c.object;
  if (typeof o === 'string') ci.object_entity = o;
  else if (o instanceof Entity) ci.object_entity = o.name;
  else if (o instanceof Text) ci.object_string = o.text;
  else if (o instanceof DateText) ci.object_date = o.text;
  else if (typeof o === 'number' && Number.isFinite(o)) ci.object_number = o;
  else throw invalidArgument(`claim object ${JSON.stringify(o)}: an entity name, a finite number, Text or DateText`);
  if (c.confidence !== undefined) {
    ci.confidence = c.confidence;
    ci.has_confidence = true;
  }
  if (c.modality) {
    const m = c.modality.toUpperCase();
    if (!MODALITIES.has(m)) throw invalidArgument(`modality "${c.modality}": one of asserted, reported, proposed, denied`);
    ci.modality = m;
  }
  if (c.span) [ci.has_span, ci.span_begin, ci.span_end] = [true, c.span[0], c.span[1]];
  return ci;
}

export class Client {
  // address: "host:port". token: an --auth-file role's bearer token.
  // tlsCa: the PEM (a path, or its bytes) to trust for a TLS server; none:
  // plaintext. timeoutMs: each call's deadline (none: no deadline; streams
  // get one only when passed to them). retries: how many times a write is
  // sent again after UNAVAILABLE, under the same idempotency key.
  constructor(address, { token, tlsCa, timeoutMs, retries = 3 } = {}) {
    const credentials = tlsCa ? grpc.credentials.createSsl(pemOf(tlsCa)) : grpc.credentials.createInsecure();
    const Service = serviceClass();
    this.stub = new Service(address, credentials);
    this.metadata = new grpc.Metadata();
    if (token) this.metadata.set('authorization', `Bearer ${token}`);
    this.timeoutMs = timeoutMs;
    this.retries = retries;
  }

  close() {
    this.stub.close();
  }

  options(timeoutMs) {
    return deadlineOptions(timeoutMs ?? this.timeoutMs);
  }

  unary(method, request, timeoutMs) {
    return new Promise((resolve, reject) => {
      this.stub[method](request, this.metadata, this.options(timeoutMs), (err, response) => {
        if (err) reject(fromGrpcError(err));
        else resolve(response);
      });
    });
  }

  async withRetries(send) {
    let wait = RETRY_FIRST_SLEEP_MS;
    for (let attempt = 0; ; ++attempt) {
      try {
        return await send();
      } catch (e) {
        if (e.code !== grpc.status.UNAVAILABLE || attempt >= this.retries) throw e;
      }
      await sleep(wait);
      wait = Math.min(wait * 2, RETRY_LONGEST_SLEEP_MS);
    }
  }

  // ---- statements ----

  async query(statement, { asOfTx, maxRows, timeoutMs } = {}) {
    const reader = new ResultReader();
    const call = this.stub.Query(queryRequest(statement, { asOfTx, maxRows }), this.metadata, this.options(timeoutMs));
    try {
      for await (const part of call) reader.add(part);
    } catch (e) {
      throw fromGrpcError(e);
    }
    return reader.result;
  }

  // Yields {row, provenance} as the server streams them. Leaving the loop
  // (break, return, a throw) cancels the statement on the server.
  async *queryIter(statement, { asOfTx, maxRows, batchRows, timeoutMs } = {}) {
    const call = this.stub.Query(queryRequest(statement, { asOfTx, maxRows, batchRows }), this.metadata,
      deadlineOptions(timeoutMs));
    const reader = new ResultReader();
    let ended = false;
    try {
      for await (const part of call) yield* reader.rowsOf(part);
      ended = true;
    } catch (e) {
      ended = true;
      throw fromGrpcError(e);
    } finally {
      if (!ended) call.cancel();
    }
  }

  // Statements in order over one Session stream; one result each. A failed
  // statement has `error` set and does not stop the others.
  async runMany(statements, { timeoutMs } = {}) {
    const requests = statements.map((s, i) => ({ id: i, query: queryRequest(s) }));
    const readers = statements.map(() => new ResultReader());
    const call = this.stub.Session(this.metadata, this.options(timeoutMs));
    for (const r of requests) call.write(r);
    call.end();
    try {
      for await (const part of call) {
        const reader = readers[Number(part.id)];
        if (part.error) reader.result.error = new ClaimgraphError(part.error.code, part.error.message);
        if (part.response) reader.add(part.response);
      }
    } catch (e) {
      throw fromGrpcError(e);
    }
    return readers.map((r) => r.result);
  }

  async explain(statement, { asOfTx, timeoutMs } = {}) {
    const r = await this.unary('Explain', queryRequest(statement, { asOfTx }), timeoutMs);
    return { plan: r.plan, warnings: r.warnings };
  }

  // ---- writes ----

  // One transaction, all or nothing. Sent again after UNAVAILABLE under the
  // same idempotency key (a fresh one unless given), so a batch that
  // committed before the connection dropped is answered, not written twice.
  async assertClaims(claims, { idempotencyKey, timeoutMs } = {}) {
    const key = idempotencyKey || `js-${randomUUID()}`;
    const request = { claims: claims.map(claimInput), idempotency_key: key };
    const r = await this.withRetries(() => this.unary('Assert', request, timeoutMs));
    return { ...record(r), idempotencyKey: key };
  }

  async retract(claimIds, reason, { idempotencyKey, timeoutMs } = {}) {
    const key = idempotencyKey || `js-${randomUUID()}`;
    const request = { claim_ids: claimIds, reason, idempotency_key: key };
    const r = await this.withRetries(() => this.unary('Retract', request, timeoutMs));
    return { ...record(r), idempotencyKey: key };
  }

  // One article through the server's rules pipeline (serve --schema --rules).
  async ingest(text, { sourceKey = '', title = '', publisher = '', published = '', url = '', dryRun = false,
    timeoutMs } = {}) {
    if (typeof text === 'string' && !text.isWellFormed()) throw invalidArgument('the text is not valid UTF-8 text');
    const request = { text: typeof text === 'string' ? Buffer.from(text, 'utf8') : Buffer.from(text),
      source_key: sourceKey, title, publisher, published, url, dry_run: dryRun };
    const r = await this.unary('IngestDocument', request, timeoutMs);
    return { ...record(r, { claims: [], explanations: [] }), claims: r.claims.map(claimOf),
      explanations: r.explanations.map((e) => record(e)) };
  }

  // ---- records ----

  async getClaim(id, { timeoutMs } = {}) {
    return claimOf(await this.unary('GetClaim', { id }, timeoutMs));
  }

  async getClaims(ids, { timeoutMs } = {}) {
    return (await this.unary('BatchGetClaims', { ids }, timeoutMs)).claims.map(claimOf);
  }

  async history(claimId, { timeoutMs } = {}) {
    return (await this.unary('History', { claim_id: claimId }, timeoutMs)).events.map((e) => record(e));
  }

  async verifyAudit({ indexes = false, evidence = false, timeoutMs } = {}) {
    return record(await this.unary('VerifyAudit', { indexes, evidence }, timeoutMs));
  }

  async stats({ byPredicate = false, timeoutMs } = {}) {
    const r = await this.unary('Stats', { by_predicate: byPredicate }, timeoutMs);
    return record(r, { by_predicate: r.by_predicate.map((p) => record(p)) });
  }

  // ---- the change feed ----

  // Every change after sinceTx that matches pattern ("s p o" as in CHANGES
  // ... MATCH): committed ones first, then each as it commits. With resume,
  // a stream ended by UNAVAILABLE (the server stopping, a dropped
  // connection) is called again after the last transaction received in full,
  // nothing missed or repeated; without, that throws. No deadline: leave the
  // loop to end it.
  async *watch({ sinceTx = 0, pattern = '', resume = true } = {}) {
    let since = sinceTx;
    let partialTx = 0;
    let partialSeen = 0;
    let wait = RETRY_FIRST_SLEEP_MS;
    for (;;) {
      // Progress messages (no changes, complete) move `since` on while a
      // filtered watch matches nothing: a resume does not walk that again.
      const call = this.stub.Watch({ since_tx: since, pattern, progress_seconds: WATCH_PROGRESS_SECONDS }, this.metadata,
        { waitForReady: resume });
      let currentTx = 0;
      let position = 0;
      let ended = false;
      try {
        for await (const m of call) {
          wait = RETRY_FIRST_SLEEP_MS;
          if (m.tx !== currentTx) [currentTx, position] = [m.tx, 0];
          for (const c of m.changes) {
            const seen = m.tx === partialTx && position < partialSeen;
            position += 1;
            if (!seen) yield changeOf(m, c);
          }
          if (m.complete) [since, partialTx, partialSeen] = [m.tx, 0, 0];
          else {
            if (m.tx !== partialTx) partialSeen = 0;
            [partialTx, partialSeen] = [m.tx, Math.max(partialSeen, position)];
          }
        }
        ended = true;
        return;
      } catch (e) {
        ended = true;
        const error = fromGrpcError(e);
        if (!resume || error.code !== grpc.status.UNAVAILABLE) throw error;
      } finally {
        if (!ended) call.cancel();
      }
      await sleep(wait);
      wait = Math.min(wait * 2, RETRY_LONGEST_SLEEP_MS);
    }
  }
}
