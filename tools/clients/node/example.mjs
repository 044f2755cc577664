// Example: who shares intelligence with Japan, and why (the claims behind each answer).
//   (cd tools/clients/node && npm ci --ignore-scripts)
//   node tools/clients/node/example.mjs --server 127.0.0.1:7687 [--token T]
import { parseArgs } from 'node:util';

import { ClaimgraphError, Client } from './src/index.js';

const { values: args } = parseArgs({ options: { server: { type: 'string', default: '127.0.0.1:7687' },
  token: { type: 'string' } } });
const client = new Client(args.server, { token: args.token, timeoutMs: 30000 });
try {
  const result = await client.query('MATCH ?who shares-intel "Japan" RETURN ?who ORDER BY ?who WITH PROVENANCE');
  console.log(result.columns);
  result.rows.forEach((row, i) => console.log(`${row['?who']} because of claims`, result.provenance[i]));
  console.log('rows:', result.trailer.rows);
  // Several statements over one Session stream; the typo fails alone.
  const answers = await client.runMany(['MATCH ?x member-of "Quad" RETURN COUNT(*) AS n', 'MATCH ?x pactt ?y RETURN ?x']);
  ['quad members', 'typo'].forEach((what, i) =>
    console.log('session:', what, '->', answers[i].error ? answers[i].error.codeName : JSON.stringify(answers[i].rows)));
  console.log('live claims:', (await client.stats()).liveClaims);
  // A large answer, row by row as it streams; leaving the loop cancels it.
  let n = 0;
  for await (const { row } of client.queryIter('MATCH ?a ?p ?b RETURN ?a, ?p, ?b', { batchRows: 100 })) {
    if (++n === 3) break;
    console.log('stream:', String(row['?a']), row['?p'], String(row['?b']));
  }
  // The change feed from the start of the log: its first change, then stop.
  for await (const change of client.watch({ sinceTx: 0 })) {
    console.log('watch: tx', change.tx, change.kind, 'claim', change.claimId, 'by', change.principal);
    break;
  }
} catch (e) {
  if (!(e instanceof ClaimgraphError)) throw e;
  console.error('error:', String(e));
  process.exitCode = 1;
} finally {
  client.close();
}
