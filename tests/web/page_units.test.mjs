// Unit tests of the explorer's pure functions, run by CTest with node's own
// test runner: node --test tests/web/page_units.test.mjs, with
// CLAIMGRAPH_WEB_DIR set to the built page (build/web, where vendor/ exists).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const web = process.env.CLAIMGRAPH_WEB_DIR;
if (!web) throw new Error('set CLAIMGRAPH_WEB_DIR to the built page (build/web)');
const load = (m) => import(pathToFileURL(path.join(web, 'js', m)).href);
const { tokenize, withProvenance, isWrite, hasAsOf } = await load('claimql_tokens.js');
const { offsetOf } = await load('editor.js');
const { buildGraph } = await load('graph_view.js');
const V = await load('values.js');

test('tokens cover the text exactly', () => {
  const text = 'MATCH ?a shares-intel "Ja\\"pan" -- note\nRETURN ?a, COUNT(*) LIMIT 5; 1..3 0.5e3 §';
  const tokens = tokenize(text);
  assert.equal(tokens.map((t) => t.text).join(''), text);
  const kinds = tokens.filter((t) => t.type !== 'space').map((t) => `${t.type}:${t.text}`);
  assert.deepEqual(kinds, [
    'keyword:MATCH', 'variable:?a', 'ident:shares-intel', 'string:"Ja\\"pan"', 'comment:-- note',
    'keyword:RETURN', 'variable:?a', 'punct:,', 'keyword:COUNT', 'punct:(', 'punct:*', 'punct:)',
    'keyword:LIMIT', 'number:5', 'punct:;', 'number:1', 'punct:..', 'number:3', 'number:0.5e3', 'error:§']);
  assert.equal(tokenize('"open').at(0).type, 'error');
  assert.equal(tokenize('match')[0].type, 'keyword');
});

test('WITH FULL PROVENANCE goes after the last token, on its own line', () => {
  assert.equal(withProvenance('MATCH ?a p ?b RETURN ?a', 'full'), 'MATCH ?a p ?b RETURN ?a\nWITH FULL PROVENANCE');
  assert.equal(withProvenance('MATCH ?a p ?b RETURN ?a', 'witness'), 'MATCH ?a p ?b RETURN ?a\nWITH PROVENANCE');
  assert.equal(withProvenance('MATCH ?a p ?b RETURN ?a', 'off'), 'MATCH ?a p ?b RETURN ?a');
  // A trailing ';' goes; a trailing comment stays a comment and cannot swallow the clause.
  assert.equal(withProvenance('match ?a p ?b return ?a; -- why', 'full'), 'match ?a p ?b return ?a -- why\nWITH FULL PROVENANCE');
  // A statement that asks for provenance itself, and anything but MATCH, is sent as typed.
  for (const s of ['MATCH ?a p ?b RETURN ?a WITH PROVENANCE', 'MATCH ?a p ?b RETURN ?a with full provenance',
    'EXPLAIN MATCH ?a p ?b RETURN ?a', 'SHOW STATS', 'RETRACT CLAIM 1 REASON "x"', '', '  -- only a comment']) {
    assert.equal(withProvenance(s, 'full'), s);
  }
  // Every position before the end is unchanged, so the server's line:column still points into the text as typed.
  const typed = 'MATCH ?a memberof "Quad"\nRETURN ?a';
  assert.ok(withProvenance(typed, 'full').startsWith(typed));
});

test('a statement with its own AS OF is recognized', () => {
  assert.ok(hasAsOf('MATCH ?a p ?b AS OF TX 3 RETURN ?a'));
  assert.ok(hasAsOf('match ?a p ?b as -- c\n of "2026-01-01" return ?a'));
  assert.ok(!hasAsOf('MATCH ?a p ?b AS ?c RETURN ?a'));
  assert.ok(!hasAsOf('MATCH ?a p "AS OF" RETURN ?a'));
});

test('writes are recognized', () => {
  assert.ok(isWrite('retract claim 1 reason "x"'));
  assert.ok(isWrite('-- c\nASSERT "a" p "b" SOURCE "s"'));
  assert.ok(!isWrite('MATCH ?a p ?b RETURN ?a'));
  assert.ok(!isWrite('SHOW SOURCES'));
});

test('line:column in code points becomes a UTF-16 index', () => {
  const text = 'MATCH ?a pact "\u{1F6F0} Tōkyō", ?a memberof "Quad"\nRETURN ?x';
  // The server's column counts the satellite (two UTF-16 units) as one.
  const col = [...'MATCH ?a pact "\u{1F6F0} Tōkyō", ?a '].length + 1;
  assert.equal(text.slice(offsetOf(text, 1, col), offsetOf(text, 1, col) + 8), 'memberof');
  assert.equal(offsetOf(text, 2, 8), text.indexOf('?x'));
  assert.equal(offsetOf(text, 1, 1), 0);
  // Past the end of a line stops at the line's end; past the last line, at the text's end.
  assert.equal(offsetOf(text, 1, 999), text.indexOf('\n'));
  assert.equal(offsetOf(text, 3, 1), text.length);
});

test('the graph: entities as nodes, distinct facts as edges, symmetric facts once', () => {
  const e = (name) => ({ entity_value: { id: '1', name } });
  const rows = [{ values: [e('Japan'), { number_value: 2 }], provenance: ['1', '2', '3'] }, { values: [e('Lonely')], provenance: [] }];
  const claims = [
    { id: '1', subject: 'Japan', predicate: 'pact', object: e('United States') },
    { id: '2', subject: 'United States', predicate: 'pact', object: e('Japan') }, // the same symmetric fact
    { id: '3', subject: 'Japan', predicate: 'targets', object: e('United States') },
    { id: '4', subject: 'United States', predicate: 'targets', object: e('Japan') }, // another directed fact
    { id: '5', subject: 'Japan', predicate: 'population', object: { number_value: 125 } }, // not an edge
  ];
  const g = buildGraph(rows, claims, new Set(['pact']));
  assert.deepEqual(g.nodes.map((n) => n.id).sort(), ['Japan', 'Lonely', 'United States']);
  assert.equal(g.edges.length, 3);
  const pact = g.edges.find((x) => x.predicate === 'pact');
  assert.deepEqual(pact.claims, ['1', '2']);
  assert.ok(pact.symmetric);
  assert.deepEqual(g.edges.filter((x) => x.predicate === 'targets').map((x) => [x.source, x.target]),
    [['Japan', 'United States'], ['United States', 'Japan']]);
});

test('an int_value (a string in the JSON mapping) is a number: shown, sorted and downloaded as one', () => {
  const four = { int_value: '4' };
  const big = { int_value: '9007199254740992' };
  assert.equal(V.kind(four), 'number');
  assert.equal(V.text(four), '4');
  assert.equal(V.text(big), '9007199254740992');
  assert.strictEqual(V.plain(four), 4);
  // Numerically, not as text ("10" < "4"), and beside number_value.
  assert.ok(V.compare({ int_value: '10' }, four) > 0);
  assert.ok(V.compare({ number_value: 4.5 }, four) > 0);
  assert.equal(V.text({ number_value: 2.5 }), '2.5');
});
