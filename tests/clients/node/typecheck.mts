// Checked by tsc --noEmit --strict (tests/clients/CMakeLists.txt,
// node_client_types): a TypeScript program written against
// tools/clients/node/src/index.d.ts, so the published types stay usable --
// and the @ts-expect-error lines fail the check when a type stops refusing
// what it must refuse.
import { ClaimRef, Client, ClaimgraphError, Entity, Text, type Cell, type Change, type QueryResult } from '@claimgraph/client';

const seen: unknown[] = [];

async function main(): Promise<void> {
  const client = new Client('127.0.0.1:7687', { token: 'reader-token', timeoutMs: 5000 });
  const result: QueryResult = await client.query('MATCH ?x member-of "Quad" RETURN COUNT(*) AS n');
  const n: Cell = result.rows[0]['n'];
  if (typeof n === 'number') seen.push(n + 1);
  for (const cell of Object.values(result.rows[0])) {
    if (cell instanceof Entity) seen.push(cell.name.toUpperCase(), cell.id + 1);
    if (cell instanceof ClaimRef) seen.push(cell.id);
  }
  for await (const { row, provenance } of client.queryIter('MATCH ?a ?p ?b RETURN ?a', { batchRows: 10 })) {
    seen.push(row, provenance.length);
  }
  const w = await client.assertClaims([{ subject: 'A', predicate: 'pact', object: new Text('x'), source: 's' }],
    { idempotencyKey: 'k' });
  const claim = await client.getClaim(w.claimIds[0]);
  seen.push(claim.assertedTx, claim.object, claim.modality);
  for await (const change of client.watch({ sinceTx: 0, pattern: '?a pact ?b' })) {
    const c: Change = change;
    seen.push(c.subject.name, c.kind);
    break;
  }
  try {
    await client.explain('MATCH ?x RETURN ?x');
  } catch (e) {
    if (e instanceof ClaimgraphError) seen.push(e.code, e.codeName, e.line ?? 0, e.column ?? 0);
  }
  // @ts-expect-error: an object is an entity name, a number, Text or DateText
  await client.assertClaims([{ subject: 'A', predicate: 'p', object: true, source: 's' }]);
  // @ts-expect-error: timeouts are milliseconds, a number
  await client.query('MATCH ?x p ?y RETURN ?x', { timeoutMs: '5s' });
  client.close();
}

void main();
