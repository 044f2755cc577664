// The Node client (tools/clients/node) against a live claimgraphd on
// loopback, started by tests/clients/live_server.py (CLAIMGRAPH_TEST_ADDRESS,
// CLAIMGRAPH_TEST_TOKENS): every operation, each error code, a reader refused
// a write, deadlines, a cancelled stream, a count arriving as an integer, a
// large streamed result, and bad input -- a bad address, an expired deadline,
// a server that goes away mid-stream, invalid UTF-8 -- each throwing
// ClaimgraphError promptly.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';

import { makeCertificate, ownServer } from './own_server.mjs';

const source = process.env.CLAIMGRAPH_SOURCE_DIR;
const address = process.env.CLAIMGRAPH_TEST_ADDRESS;
if (!source || !address) throw new Error('run through tests/clients/live_server.py (see tests/clients/CMakeLists.txt)');
const tokens = JSON.parse(process.env.CLAIMGRAPH_TEST_TOKENS);
const { Client, ClaimgraphError, ClaimRef, DateText, Entity, Text, status } =
  await import(pathToFileURL(path.join(source, 'tools', 'clients', 'node', 'src', 'index.js')).href);

const CLIQUE = 40; // nodes that all know each other: 40*39*39 two-hop rows; a 4-hop COUNT runs for minutes
const TWO_HOPS = 'MATCH ?a knows ?b, ?b knows ?c RETURN ?a, ?c';
const SLOW_COUNT = 'MATCH ?a knows ?b, ?b knows ?c, ?c knows ?d, ?d knows ?e RETURN COUNT(*)';
const QUAD_COUNT = 'MATCH ?x member-of "Quad" RETURN COUNT(*) AS n';

const reader = new Client(address, { token: tokens.reader, timeoutMs: 30000 });
const writer = new Client(address, { token: tokens.writer, timeoutMs: 30000 });
const admin = new Client(address, { token: tokens.admin, timeoutMs: 30000 });

async function rejectsWith(promise, code) {
  let caught;
  try {
    await promise;
  } catch (e) {
    caught = e;
  }
  assert.ok(caught instanceof ClaimgraphError, `expected a ClaimgraphError, got ${caught}`);
  assert.equal(caught.codeName, Object.keys(status).find((k) => status[k] === code));
  assert.equal(caught.code, code, String(caught));
  assert.ok(caught.message.length > 0);
  return caught;
}

function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

const clique = () => {
  const nodes = Array.from({ length: CLIQUE }, (_, i) => `n${String(i).padStart(2, '0')}`);
  return nodes.flatMap((a) => nodes.filter((b) => b !== a).map((b) => ({ subject: a, predicate: 'knows', object: b,
    source: 'clique' })));
};

before(async () => {
  await writer.query('DEFINE PREDICATE knows');
  await writer.assertClaims(clique());
});

after(() => {
  for (const c of [reader, writer, admin]) c.close();
});

// The fields each interface of index.d.ts declares.
function declaredFields(name) {
  const dts = readFileSync(path.join(source, 'tools', 'clients', 'node', 'src', 'index.d.ts'), 'utf8');
  const body = new RegExp(`export interface ${name} (?:extends \\w+ )?\\{([^}]*)\\}`).exec(dts);
  assert.ok(body, `interface ${name} not in index.d.ts`);
  return [...body[1].matchAll(/^\s*(\w+)\??:/gm)].map((m) => m[1]).sort();
}

// Each answer has exactly the fields its TypeScript interface declares: a
// field added to the .proto reaches the object (records are built from the
// message) and fails this until index.d.ts declares it.
test('answers match their declared types field for field', async () => {
  const w = await writer.assertClaims([{ subject: 'Typeland', predicate: 'pact', object: 'Japan', source: 'types' }]);
  const found = await reader.ingest('Japan and the Philippines signed a defence pact on Tuesday.', { dryRun: true });
  const r = await reader.query(QUAD_COUNT);
  const answers = {
    WriteResult: w, Claim: await reader.getClaim(w.claimIds[0]), HistoryEvent: (await reader.history(w.claimIds[0]))[0],
    AuditReport: await admin.verifyAudit(), Stats: await reader.stats({ byPredicate: true }), IngestResult: found,
    ClaimExplanation: found.explanations[0], QueryResult: { ...r, error: undefined }, Trailer: r.trailer,
    PredicateStats: (await reader.stats({ byPredicate: true })).byPredicate[0],
  };
  for (const [name, answer] of Object.entries(answers)) {
    assert.ok(answer, name);
    assert.deepEqual(Object.keys(answer).sort(), declaredFields(name), name);
  }
});

describe('values', () => {
  test('a count arrives as an integer', async () => {
    const r = await reader.query(QUAD_COUNT);
    assert.deepEqual(r.columns, ['n']);
    assert.deepEqual(r.rows, [{ n: 4 }]);
    assert.ok(Number.isInteger(r.rows[0].n));
  });

  test('cells have JavaScript types', async () => {
    const r = await reader.query('MATCH ?x member-of "Quad" AS ?c RETURN ?x, ?c, ?c.id AS id, 2.5 AS half, '
      + '"text" AS s ORDER BY ?x LIMIT 1');
    const row = r.rows[0];
    const [x, c] = [row[r.columns[0]], row[r.columns[1]]];
    assert.ok(x instanceof Entity);
    assert.equal(String(x), x.name);
    assert.ok(x.id > 0);
    assert.ok(c instanceof ClaimRef);
    assert.equal(c.id, row.id);
    assert.equal(row.half, 2.5);
    assert.equal(row.s, 'text');
  });

  test('dates come as ISO text, partial ones too', async () => {
    await writer.assertClaims([
      { subject: 'Datetown', predicate: 'founded', object: new DateText('2015-04-02'), source: 'dates' },
      { subject: 'Monthville', predicate: 'founded', object: new DateText('2015-04'), source: 'dates' }]);
    const r = await reader.query('MATCH ?x founded ?d RETURN ?x, ?d ORDER BY ?x');
    const got = Object.fromEntries(r.rows.map((row) => [String(row[r.columns[0]]), row[r.columns[1]]]));
    assert.equal(got.Datetown, '2015-04-02');
    assert.equal(got.Monthville, '2015-04');
  });

  test('provenance and as_of_tx', async () => {
    const r = await reader.query('MATCH "Japan" pact ?x RETURN ?x WITH PROVENANCE');
    assert.ok(r.rows.length > 0);
    assert.equal(r.provenance.length, r.rows.length);
    assert.ok(r.provenance.every((ids) => ids.length > 0 && ids.every(Number.isInteger)));
    assert.equal((await reader.query('MATCH "Japan" pact ?x RETURN ?x', { asOfTx: 1 })).asOfTx, 1);
  });
});

describe('operations', () => {
  test('runMany answers each statement in order', async () => {
    const results = await reader.runMany([QUAD_COUNT, 'MATCH ?x pactt ?y RETURN ?x', 'MATCH ?x member-of "Quad" RETURN ?x']);
    assert.deepEqual(results[0].rows, [{ n: 4 }]);
    assert.equal(results[0].error, undefined);
    assert.equal(results[1].error.code, status.INVALID_ARGUMENT);
    assert.deepEqual([results[1].error.line, results[1].error.column], [1, 10]);
    assert.equal(results[2].rows.length, 4);
  });

  test('explain', async () => {
    assert.match((await reader.explain('MATCH ?x member-of "Quad" RETURN ?x')).plan, /member-of/);
  });

  test('assert, getClaim, history, retract', async () => {
    const w = await writer.assertClaims([{ subject: 'Ruritania', predicate: 'population', object: 1990,
      source: 'census', quote: '1990 people', confidence: 0.5, validFrom: '2001' }]);
    assert.ok(w.tx > 0);
    const claim = await reader.getClaim(w.claimIds[0]);
    assert.deepEqual([claim.subject, claim.predicate, claim.object, claim.source], ['Ruritania', 'population', 1990, 'census']);
    assert.deepEqual([claim.confidence, claim.validFrom, claim.modality, claim.assertedTx], [0.5, '2001', 'ASSERTED', w.tx]);
    assert.deepEqual(await reader.getClaims([claim.id, claim.id]), [claim, claim]);
    const r = await writer.retract(w.claimIds, 'a test');
    assert.ok(r.tx > w.tx);
    const events = await reader.history(claim.id);
    assert.deepEqual(events.map((e) => e.event), ['asserted', 'retracted']);
    assert.equal(events[1].tx, r.tx);
    await rejectsWith(writer.retract(w.claimIds, 'again'), status.FAILED_PRECONDITION);
  });

  test('a string literal object', async () => {
    const w = await writer.assertClaims([{ subject: 'Ruritania', predicate: 'motto', object: new Text('Onward'),
      source: 'mottos' }]);
    assert.equal((await reader.getClaim(w.claimIds[0])).object, 'Onward');
  });

  test('an idempotency key replays instead of writing twice', async () => {
    const claim = { subject: 'Idemland', predicate: 'pact', object: 'Japan', source: 'idem' };
    const first = await writer.assertClaims([claim], { idempotencyKey: 'js-idem-1' });
    const again = await writer.assertClaims([claim], { idempotencyKey: 'js-idem-1' });
    assert.equal(first.replayed, false);
    assert.equal(again.replayed, true);
    assert.deepEqual([again.tx, again.claimIds], [first.tx, first.claimIds]);
  });

  test('ingest, a dry run', async () => {
    const found = await reader.ingest('Japan and the Philippines signed a defence pact on Tuesday.',
      { publisher: 'Reuters', published: '2024-05-02', dryRun: true });
    assert.equal(found.tx, 0);
    assert.ok(found.claims.some((c) => c.subject === 'Japan' && c.predicate === 'pact'), JSON.stringify(found.claims));
  });

  test('verifyAudit and stats', async () => {
    const report = await admin.verifyAudit({ indexes: true });
    assert.equal(report.ok, true, report.problem);
    assert.ok(report.transactionsChecked > 0);
    assert.equal(report.indexesOk, true);
    // The chain is every reader's to verify; the index check (writes wait) the admin's.
    assert.equal((await reader.verifyAudit()).ok, true);
    await rejectsWith(reader.verifyAudit({ indexes: true }), status.PERMISSION_DENIED);
    assert.ok((await reader.stats()).liveClaims > CLIQUE * (CLIQUE - 1));
  });

  test('watch sees a new claim', async () => {
    const beforeTx = (await reader.stats()).transactions;
    const w = await writer.assertClaims([{ subject: 'Watchtown', predicate: 'pact', object: 'Japan', source: 'watch' }]);
    let change;
    for await (const c of reader.watch({ sinceTx: beforeTx, pattern: '"Watchtown" pact ?x' })) {
      change = c;
      break;
    }
    assert.deepEqual([change.tx, change.kind, change.claimId], [w.tx, 'asserted', w.claimIds[0]]);
    assert.equal(change.subject.name, 'Watchtown');
    assert.equal(change.object.name, 'Japan');
  });
});

describe('streams', () => {
  test('a large result streams', async () => {
    let n = 0;
    for await (const { row } of reader.queryIter(TWO_HOPS, { batchRows: 100, timeoutMs: 120000 })) {
      assert.ok(row['?a'] instanceof Entity);
      n += 1;
    }
    assert.equal(n, CLIQUE * (CLIQUE - 1) * (CLIQUE - 1));
  });

  test('a cancelled stream ends, and the server serves on', async () => {
    const started = Date.now();
    let n = 0;
    for await (const _ of reader.queryIter(TWO_HOPS, { batchRows: 10 })) { // eslint-disable-line no-unused-vars
      if (++n === 25) break; // cancels the call
    }
    assert.equal(n, 25);
    assert.ok(Date.now() - started < 10000);
    assert.deepEqual((await reader.query(QUAD_COUNT)).rows, [{ n: 4 }]);
  });
});

describe('errors', () => {
  test('a syntax error has line and column', async () => {
    const e = await rejectsWith(reader.query('MATCH ?a pact ?b\nRETURN ?a ?b'), status.INVALID_ARGUMENT);
    assert.equal(e.line, 2);
    assert.ok(e.column > 0);
    assert.match(String(e), /^INVALID_ARGUMENT: line 2:/);
  });

  test('an unknown claim is NOT_FOUND', async () => {
    await rejectsWith(reader.getClaim(987654321), status.NOT_FOUND);
  });

  test('a reader is refused a write', async () => {
    await rejectsWith(reader.assertClaims([{ subject: 'Nowhere', predicate: 'pact', object: 'Japan', source: 'x' }]),
      status.PERMISSION_DENIED);
    await rejectsWith(reader.query('ASSERT "Nowhere" pact "Japan" SOURCE "x"'), status.PERMISSION_DENIED);
  });

  test('an unknown token is UNAUTHENTICATED', async () => {
    const c = new Client(address, { token: 'not-a-token', timeoutMs: 10000 });
    await rejectsWith(c.query(QUAD_COUNT), status.UNAUTHENTICATED);
    c.close();
  });

  test('a deadline ends a slow query', async () => {
    const started = Date.now();
    await rejectsWith(reader.query(SLOW_COUNT, { timeoutMs: 500 }), status.DEADLINE_EXCEEDED);
    assert.ok(Date.now() - started < 10000);
  });

  test('an expired deadline', async () => {
    await rejectsWith(reader.query(QUAD_COUNT, { timeoutMs: -1 }), status.DEADLINE_EXCEEDED);
  });

  test('a limit is RESOURCE_EXHAUSTED', async () => {
    const e = await rejectsWith(reader.query(TWO_HOPS, { maxRows: 10 }), status.RESOURCE_EXHAUSTED);
    assert.match(e.message, /max_rows/);
  });

  test('invalid UTF-8 is answered with its position', async () => {
    const bad = Buffer.concat([Buffer.from('MATCH ?x member-of "Qu'), Buffer.from([0xff]), Buffer.from('ad" RETURN ?x')]);
    const e = await rejectsWith(reader.query(bad), status.INVALID_ARGUMENT);
    assert.equal(e.line, 1);
    assert.ok(e.column > 0);
    assert.match(e.message, /not valid UTF-8/);
    assert.doesNotMatch(e.message, /%0A/); // grpc-js left it percent-encoded; the client decodes it
    // A string UTF-8 cannot encode (a lone surrogate) is refused before it is sent.
    const s = await rejectsWith(reader.query('MATCH ?x member-of "\uDCFF" RETURN ?x'), status.INVALID_ARGUMENT);
    assert.match(s.message, /UTF-8/);
  });

  test('a bad claim object is refused before sending', async () => {
    await rejectsWith(writer.assertClaims([{ subject: 'R', predicate: 'pact', object: {}, source: 'bad' }]),
      status.INVALID_ARGUMENT);
  });
});

describe('bad connections', () => {
  test('nothing listening', async () => {
    const c = new Client(`127.0.0.1:${await freePort()}`, { timeoutMs: 10000, retries: 0 });
    const started = Date.now();
    await rejectsWith(c.query(QUAD_COUNT), status.UNAVAILABLE);
    assert.ok(Date.now() - started < 10000);
    c.close();
  });

  test('a name that does not resolve', async () => {
    const c = new Client('no-such-host.invalid:7687', { timeoutMs: 10000 });
    await rejectsWith(c.stats(), status.UNAVAILABLE);
    c.close();
  });

  test('a write is retried until the server is up', async () => {
    const port = await freePort();
    const late = new Promise((resolve) => setTimeout(() => resolve(ownServer({ port })), 500));
    const c = new Client(`127.0.0.1:${port}`, { timeoutMs: 10000, retries: 8 });
    try {
      const w = await c.assertClaims([{ subject: 'Lateland', predicate: 'pact', object: 'Japan', source: 'late' }]);
      assert.ok(w.tx > 0);
      assert.ok(w.idempotencyKey);
    } finally {
      c.close();
      await (await late).stop();
    }
  });

  test('the server goes away mid-stream', async () => {
    const server = await ownServer();
    const c = new Client(server.address, { timeoutMs: 30000 });
    try {
      await c.assertClaims([{ subject: 'Gone', predicate: 'pact', object: 'Japan', source: 'gone' }]);
      const feed = c.watch({ pattern: '"Gone" pact ?x', resume: false });
      assert.equal((await feed.next()).value.subject.name, 'Gone');
      await server.kill();
      const started = Date.now();
      await rejectsWith(feed.next(), status.UNAVAILABLE);
      assert.ok(Date.now() - started < 10000);
    } finally {
      c.close();
      await server.stop();
    }
  });

  test('the server goes away mid-query', async () => {
    const server = await ownServer();
    const c = new Client(server.address, { timeoutMs: 60000 });
    try {
      await c.query('DEFINE PREDICATE knows');
      await c.assertClaims(clique());
      setTimeout(() => server.kill(), 500);
      const started = Date.now();
      await rejectsWith(c.query(SLOW_COUNT), status.UNAVAILABLE);
      assert.ok(Date.now() - started < 15000);
    } finally {
      c.close();
      await server.stop();
    }
  });
});

test('tls: tlsCa as a path or bytes; plaintext and a wrong certificate get UNAVAILABLE', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'node_client_tls.'));
  const { cert, key } = makeCertificate(dir);
  const other = makeCertificate(dir, 'other').cert;
  const server = await ownServer({ flags: ['--tls-cert', cert, '--tls-key', key] });
  try {
    for (const tlsCa of [cert, readFileSync(cert)]) {
      const c = new Client(server.address, { tlsCa, timeoutMs: 10000 });
      assert.equal(typeof (await c.stats()).transactions, 'number');
      c.close();
    }
    for (const tlsCa of [undefined, other]) {
      const c = new Client(server.address, { tlsCa, timeoutMs: 10000 });
      const started = Date.now();
      await rejectsWith(c.stats(), status.UNAVAILABLE);
      assert.ok(Date.now() - started < 10000);
      c.close();
    }
    let caught;
    try {
      new Client(server.address, { tlsCa: path.join(dir, 'missing.crt') }); // eslint-disable-line no-new
    } catch (e) {
      caught = e;
    }
    assert.ok(caught instanceof ClaimgraphError);
    assert.equal(caught.code, status.INVALID_ARGUMENT);
    assert.match(caught.message, /missing\.crt/);
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the example runs', async () => {
  const example = path.join(source, 'tools', 'clients', 'node', 'example.mjs');
  const out = await new Promise((resolve, reject) => {
    execFile(process.execPath, [example, '--server', address, '--token', tokens.reader], { timeout: 60000 },
      (err, stdout, stderr) => (err ? reject(new Error(`${err.message}\n${stdout}${stderr}`)) : resolve(stdout)));
  });
  for (const expected of ['South Korea because of claims', 'rows: 2', 'session: quad members -> [{"n":4}]',
    'session: typo -> INVALID_ARGUMENT', 'stream: ', 'watch: tx ']) {
    assert.ok(out.includes(expected), `${expected} not in:\n${out}`);
  }
});
