"""The installed Python client (tools/clients/python: `import claimgraph`)
against a live claimgraphd on loopback: every operation, each error code,
a reader refused a write, deadlines, a cancelled stream, a count arriving as
an int, a large streamed result, and bad input -- a bad address, an expired
deadline, a server that goes away mid-stream, invalid UTF-8 -- each raising
ClaimgraphError promptly.

Run by CTest with the venv's python (tests/clients/CMakeLists.txt):
    client_test.py --build BUILD --source SOURCE
"""
import argparse
import asyncio
import datetime
import os
import socket
import sys
import threading
import time
import unittest

import grpc

import claimgraph
import claimgraph.aio
from claimgraph import ClaimgraphError, ClaimId, Entity, NewClaim, PartialDate, Text

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from live_server import LiveServer, make_certificate  # noqa: E402

ARGS = None
CODE = grpc.StatusCode
CLIQUE = 40  # nodes that all know each other: 40*39*39 two-hop rows; a 4-hop COUNT runs for minutes
TWO_HOPS = "MATCH ?a knows ?b, ?b knows ?c RETURN ?a, ?c"
SLOW_COUNT = "MATCH ?a knows ?b, ?b knows ?c, ?c knows ?d, ?d knows ?e RETURN COUNT(*)"


def start(**kw):
    return LiveServer(ARGS.build, ARGS.source, **kw)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Live(unittest.TestCase):
    """One server for the operations; tests that stop a server start their own."""

    @classmethod
    def setUpClass(cls):
        cls.server = start()
        cls.reader = claimgraph.Client(cls.server.address, token=cls.server.tokens["reader"], timeout=30)
        cls.writer = claimgraph.Client(cls.server.address, token=cls.server.tokens["writer"], timeout=30)
        cls.admin = claimgraph.Client(cls.server.address, token=cls.server.tokens["admin"], timeout=30)
        cls.writer.query("DEFINE PREDICATE knows")
        nodes = [f"n{i:02d}" for i in range(CLIQUE)]
        cls.writer.assert_claims([NewClaim(a, "knows", b, "clique") for a in nodes for b in nodes if a != b])

    @classmethod
    def tearDownClass(cls):
        for c in (cls.reader, cls.writer, cls.admin):
            c.close()
        cls.server.stop()

    def assertRaisesCode(self, code, call, *args, **kw):
        with self.assertRaises(ClaimgraphError) as caught:
            call(*args, **kw)
        self.assertEqual(caught.exception.code, code, caught.exception)
        self.assertTrue(caught.exception.message)
        return caught.exception


class Values(Live):
    def test_a_count_arrives_as_an_int(self):
        r = self.reader.query('MATCH ?x member-of "Quad" RETURN COUNT(*) AS n')
        self.assertEqual(r.columns, ["n"])
        self.assertEqual(r.rows, [{"n": 4}])
        self.assertIs(type(r.rows[0]["n"]), int)

    def test_cells_have_python_types(self):
        r = self.reader.query('MATCH ?x member-of "Quad" AS ?c RETURN ?x, ?c, ?c.id AS id, ?c.confidence AS conf, '
                              '2.5 AS half, "text" AS s ORDER BY ?x LIMIT 1')
        row = r.rows[0]
        self.assertIsInstance(row["?x"] if "?x" in row else row[r.columns[0]], Entity)
        entity = row[r.columns[0]]
        self.assertEqual(str(entity), entity.name)
        self.assertGreater(entity.id, 0)
        self.assertIsInstance(row[r.columns[1]], ClaimId)
        self.assertEqual(int(row[r.columns[1]]), row["id"])
        self.assertIs(type(row["id"]), int)
        self.assertIs(type(row["half"]), float)
        self.assertEqual(row["half"], 2.5)
        self.assertIsInstance(row["conf"], (int, float))
        self.assertEqual(row["s"], "text")

    def test_dates_full_and_partial(self):
        self.writer.assert_claims([NewClaim("Datetown", "founded", datetime.date(2015, 4, 2), "dates"),
                                   NewClaim("Monthville", "founded", PartialDate("2015-04"), "dates")])
        r = self.reader.query('MATCH ?x founded ?d RETURN ?x, ?d ORDER BY ?x')
        got = {str(row[r.columns[0]]): row[r.columns[1]] for row in r.rows}
        self.assertEqual(got["Datetown"], datetime.date(2015, 4, 2))
        self.assertEqual(got["Monthville"], "2015-04")
        self.assertIsInstance(got["Monthville"], PartialDate)

    def test_provenance_and_as_of(self):
        r = self.reader.query('MATCH "Japan" pact ?x RETURN ?x WITH PROVENANCE')
        self.assertTrue(r.rows)
        self.assertEqual(len(r.provenance), len(r.rows))
        self.assertTrue(all(ids for ids in r.provenance))
        empty = self.reader.query('MATCH "Japan" pact ?x RETURN ?x', as_of_tx=1)
        self.assertEqual(empty.as_of_tx, 1)

    def test_to_pandas(self):
        r = self.reader.query('MATCH ?x member-of "Quad" RETURN ?x ORDER BY ?x')
        try:
            import pandas  # noqa: F401
        except ImportError:
            with self.assertRaises(ImportError) as caught:
                r.to_pandas()
            self.assertIn("pandas", str(caught.exception))
            return
        frame = r.to_pandas()
        self.assertEqual(list(frame.columns), r.columns)
        self.assertEqual(list(frame.iloc[:, 0]), [str(row[r.columns[0]]) for row in r.rows])


class Records(unittest.TestCase):
    """Each record has exactly its message's fields: a field added to the
    .proto and not to records.py would otherwise be dropped in silence."""

    def test_each_record_mirrors_its_message(self):
        import dataclasses
        from claimgraph import records
        from claimgraph.v1 import claimgraph_pb2 as pb
        pairs = [(records.Claim, pb.Claim, set()), (records.HistoryEvent, pb.HistoryEvent, set()),
                 (records.AuditReport, pb.VerifyAuditResponse, set()), (records.Stats, pb.StatsResponse, set()),
                 (records.PredicateStats, pb.PredicateStats, set()),
                 (records.IngestResult, pb.IngestDocumentResponse, set()),
                 (records.ClaimExplanation, pb.ClaimExplanation, set()), (records.Trailer, pb.QueryTrailer, set()),
                 (records.WriteResult, pb.WriteResponse, {"idempotency_key"}),
                 (records.Change, pb.Change, {"tx", "time", "principal"})]
        for cls, message, ours in pairs:
            self.assertEqual({f.name for f in dataclasses.fields(cls)} - ours, set(message.DESCRIPTOR.fields_by_name),
                             cls.__name__)


class Operations(Live):
    def test_run_many_answers_each_statement_in_order(self):
        results = self.reader.run_many(['MATCH ?x member-of "Quad" RETURN COUNT(*) AS n',
                                        'MATCH ?x pactt ?y RETURN ?x', 'MATCH ?x member-of "Quad" RETURN ?x'])
        self.assertEqual(results[0].rows, [{"n": 4}])
        self.assertIsNone(results[0].error)
        self.assertEqual(results[1].error.code, CODE.INVALID_ARGUMENT)
        self.assertEqual((results[1].error.line, results[1].error.column), (1, 10))
        self.assertEqual(len(results[2].rows), 4)

    def test_explain(self):
        e = self.reader.explain('MATCH ?x member-of "Quad" RETURN ?x')
        self.assertIn("member-of", e.plan)

    def test_assert_get_history_retract(self):
        w = self.writer.assert_claims([{"subject": "Ruritania", "predicate": "population", "object": 1990,
                                        "source": "census", "quote": "1990 people", "confidence": 0.5,
                                        "valid_from": "2001"}])
        self.assertGreater(w.tx, 0)
        self.assertEqual(len(w.claim_ids), 1)
        claim = self.reader.get_claim(w.claim_ids[0])
        self.assertEqual((claim.subject, claim.predicate, claim.source), ("Ruritania", "population", "census"))
        self.assertEqual(claim.object, 1990)  # stored as a double: Claim.object is number_value
        self.assertEqual((claim.confidence, claim.valid_from, claim.modality), (0.5, "2001", "ASSERTED"))
        self.assertEqual(claim.asserted_tx, w.tx)
        self.assertEqual(self.reader.get_claims([w.claim_ids[0]] * 2), [claim, claim])
        r = self.writer.retract(w.claim_ids, "a test")
        self.assertGreater(r.tx, w.tx)
        events = self.reader.history(w.claim_ids[0])
        self.assertEqual([e.event for e in events], ["asserted", "retracted"])
        self.assertEqual(events[1].tx, r.tx)
        self.assertRaisesCode(CODE.FAILED_PRECONDITION, self.writer.retract, w.claim_ids, "again")

    def test_string_literal_objects(self):
        w = self.writer.assert_claims([NewClaim("Ruritania", "motto", Text("Onward"), "mottos")])
        self.assertEqual(self.reader.get_claim(w.claim_ids[0]).object, "Onward")

    def test_an_idempotency_key_replays_instead_of_writing_twice(self):
        claim = NewClaim("Idemland", "pact", "Japan", "idem")
        first = self.writer.assert_claims([claim], idempotency_key="py-idem-1")
        again = self.writer.assert_claims([claim], idempotency_key="py-idem-1")
        self.assertFalse(first.replayed)
        self.assertTrue(again.replayed)
        self.assertEqual(again.tx, first.tx)
        self.assertEqual(again.claim_ids, first.claim_ids)

    def test_ingest_dry_run(self):
        found = self.reader.ingest("Japan and the Philippines signed a defence pact on Tuesday.",
                                   publisher="Reuters", published="2024-05-02", dry_run=True)
        self.assertEqual(found.tx, 0)
        self.assertTrue(any(c.subject == "Japan" and c.predicate == "pact" for c in found.claims), found.claims)
        self.assertEqual(len(found.explanations), len(found.claims))
        self.assertTrue(all(e.rule for e in found.explanations))

    def test_verify_audit_and_stats(self):
        report = self.admin.verify_audit(indexes=True)
        self.assertTrue(report.ok, report.problem)
        self.assertGreater(report.transactions_checked, 0)
        self.assertTrue(report.indexes_ok)
        # The chain is every reader's to verify; the index check (writes wait) the admin's.
        self.assertTrue(self.reader.verify_audit().ok)
        self.assertRaisesCode(CODE.PERMISSION_DENIED, lambda: self.reader.verify_audit(indexes=True))
        s = self.reader.stats(by_predicate=True)
        self.assertGreater(s.live_claims, CLIQUE * (CLIQUE - 1))
        knows = next(p for p in s.by_predicate if p.name == "knows")
        self.assertEqual(knows.live_claims, CLIQUE * (CLIQUE - 1))

    def test_watch_sees_a_new_claim(self):
        before = self.reader.stats().transactions
        w = self.writer.assert_claims([NewClaim("Watchtown", "pact", "Japan", "watch")])
        feed = self.reader.watch(since_tx=before, pattern='"Watchtown" pact ?x')
        change = next(feed)
        feed.close()
        self.assertEqual((change.tx, change.kind, change.claim_id), (w.tx, "asserted", w.claim_ids[0]))
        self.assertEqual(change.subject.name, "Watchtown")
        self.assertEqual(change.object, Entity(change.object.id, "Japan"))


class Streams(Live):
    def test_a_large_result_streams(self):
        n = 0
        for row, provenance in self.reader.query_iter(TWO_HOPS, batch_rows=100, timeout=120):
            self.assertIsInstance(row["?a"] if "?a" in row else next(iter(row.values())), Entity)
            n += 1
        self.assertEqual(n, CLIQUE * (CLIQUE - 1) * (CLIQUE - 1))

    def test_a_cancelled_stream_ends_and_the_server_serves_on(self):
        started = time.monotonic()
        rows = self.reader.query_iter(TWO_HOPS, batch_rows=10)
        for _ in range(25):
            next(rows)
        rows.close()  # cancels the call
        with self.assertRaises(StopIteration):
            next(rows)
        self.assertLess(time.monotonic() - started, 10)
        self.assertEqual(self.reader.query('MATCH ?x member-of "Quad" RETURN COUNT(*) AS n').rows, [{"n": 4}])


class Errors(Live):
    def test_a_syntax_error_has_line_and_column(self):
        e = self.assertRaisesCode(CODE.INVALID_ARGUMENT, self.reader.query, 'MATCH ?a pact ?b\nRETURN ?a ?b')
        self.assertEqual(e.line, 2)
        self.assertIsNotNone(e.column)
        self.assertIn("line 2:", str(e))

    def test_an_unknown_claim_is_not_found(self):
        self.assertRaisesCode(CODE.NOT_FOUND, self.reader.get_claim, 987654321)

    def test_a_reader_is_refused_a_write(self):
        self.assertRaisesCode(CODE.PERMISSION_DENIED, self.reader.assert_claims,
                              [NewClaim("Nowhere", "pact", "Japan", "denied")])
        self.assertRaisesCode(CODE.PERMISSION_DENIED, self.reader.query, 'ASSERT "Nowhere" pact "Japan" SOURCE "x"')

    def test_an_unknown_token_is_unauthenticated(self):
        with claimgraph.Client(self.server.address, token="not-a-token", timeout=10) as c:
            self.assertRaisesCode(CODE.UNAUTHENTICATED, c.query, 'MATCH ?x member-of "Quad" RETURN ?x')

    def test_a_deadline_ends_a_slow_query(self):
        started = time.monotonic()
        self.assertRaisesCode(CODE.DEADLINE_EXCEEDED, self.reader.query, SLOW_COUNT, timeout=0.5)
        self.assertLess(time.monotonic() - started, 10)

    def test_an_expired_deadline(self):
        self.assertRaisesCode(CODE.DEADLINE_EXCEEDED, self.reader.query, 'MATCH ?x member-of "Quad" RETURN ?x',
                              timeout=0)

    def test_a_limit_is_resource_exhausted(self):
        e = self.assertRaisesCode(CODE.RESOURCE_EXHAUSTED, self.reader.query, TWO_HOPS, max_rows=10)
        self.assertIn("max_rows", e.message)

    def test_invalid_utf8_is_answered_with_its_position(self):
        e = self.assertRaisesCode(CODE.INVALID_ARGUMENT, self.reader.query, b'MATCH ?x member-of "Qu\xffad" RETURN ?x')
        self.assertEqual(e.line, 1)
        self.assertIsNotNone(e.column)
        # A str that UTF-8 cannot encode is refused before it is sent, with the same code.
        e = self.assertRaisesCode(CODE.INVALID_ARGUMENT, self.reader.query, 'MATCH ?x member-of "\udcff" RETURN ?x')
        self.assertIn("UTF-8", e.message)

    def test_a_bad_claim_object_is_refused_before_sending(self):
        self.assertRaisesCode(CODE.INVALID_ARGUMENT, self.writer.assert_claims,
                              [NewClaim("Ruritania", "pact", object(), "bad")])


class BadConnections(unittest.TestCase):
    def test_nothing_listening(self):
        started = time.monotonic()
        with claimgraph.Client(f"127.0.0.1:{free_port()}", timeout=10, retries=0) as c:
            e = None
            with self.assertRaises(ClaimgraphError) as caught:
                c.query('MATCH ?x member-of "Quad" RETURN ?x')
            e = caught.exception
        self.assertEqual(e.code, CODE.UNAVAILABLE)
        self.assertLess(time.monotonic() - started, 10)

    def test_a_name_that_does_not_resolve(self):
        with claimgraph.Client("no-such-host.invalid:7687", timeout=10) as c:
            with self.assertRaises(ClaimgraphError) as caught:
                c.stats()
        self.assertEqual(caught.exception.code, CODE.UNAVAILABLE)

    def test_a_write_is_retried_until_the_server_is_up(self):
        port = free_port()
        servers = []
        later = threading.Timer(0.5, lambda: servers.append(start(load_examples=False, auth=False,
                                                                  listen=f"127.0.0.1:{port}")))
        later.start()
        try:
            with claimgraph.Client(f"127.0.0.1:{port}", timeout=10, retries=8) as c:
                w = c.assert_claims([NewClaim("Lateland", "pact", "Japan", "late")])
            self.assertGreater(w.tx, 0)
            self.assertTrue(w.idempotency_key)
        finally:
            later.join()
            for s in servers:
                s.stop()

    def test_the_server_goes_away_mid_stream(self):
        server = start(load_examples=False)
        try:
            token = server.tokens["writer"]
            with claimgraph.Client(server.address, token=token, timeout=30) as c:
                c.assert_claims([NewClaim("Gone", "pact", "Japan", "gone")])
                feed = c.watch(pattern='"Gone" pact ?x', resume=False)
                self.assertEqual(next(feed).subject.name, "Gone")
                server.kill()
                started = time.monotonic()
                with self.assertRaises(ClaimgraphError) as caught:
                    next(feed)
                self.assertEqual(caught.exception.code, CODE.UNAVAILABLE)
                self.assertLess(time.monotonic() - started, 10)
        finally:
            server.stop()

    def test_the_server_goes_away_mid_query(self):
        server = start(load_examples=False)
        try:
            token = server.tokens["writer"]
            with claimgraph.Client(server.address, token=token, timeout=60) as c:
                c.query("DEFINE PREDICATE knows")
                nodes = [f"n{i:02d}" for i in range(CLIQUE)]
                c.assert_claims([NewClaim(a, "knows", b, "clique") for a in nodes for b in nodes if a != b])
                threading.Timer(0.5, server.kill).start()
                started = time.monotonic()
                with self.assertRaises(ClaimgraphError) as caught:
                    c.query(SLOW_COUNT)
                self.assertEqual(caught.exception.code, CODE.UNAVAILABLE)
                self.assertLess(time.monotonic() - started, 15)
        finally:
            server.stop()


class Tls(unittest.TestCase):
    """tls_ca: the PEM to trust, as a path or as bytes; plaintext and a wrong
    certificate get nowhere, with UNAVAILABLE and promptly."""

    def test_tls(self):
        import tempfile
        with tempfile.TemporaryDirectory() as certs:
            cert, key = make_certificate(certs)
            other, _ = make_certificate(certs, "other")
            server = start(load_examples=False, auth=False, flags=["--tls-cert", cert, "--tls-key", key])
            try:
                with claimgraph.Client(server.address, tls_ca=cert, timeout=10) as c:
                    self.assertEqual(c.query('MATCH ?x member-of "Quad" RETURN COUNT(*) AS n').rows, [{"n": 0}])
                with open(cert, "rb") as f:
                    with claimgraph.Client(server.address, tls_ca=f.read(), timeout=10) as c:
                        self.assertGreaterEqual(c.stats().transactions, 0)
                for wrong in (None, other):
                    with claimgraph.Client(server.address, tls_ca=wrong, timeout=10) as c:
                        started = time.monotonic()
                        with self.assertRaises(ClaimgraphError) as caught:
                            c.stats()
                        self.assertEqual(caught.exception.code, CODE.UNAVAILABLE, wrong)
                        self.assertLess(time.monotonic() - started, 10)
                with self.assertRaises(ClaimgraphError) as caught:
                    claimgraph.Client(server.address, tls_ca=os.path.join(certs, "missing.crt"))
                self.assertEqual(caught.exception.code, CODE.INVALID_ARGUMENT)
                self.assertIn("missing.crt", caught.exception.message)
            finally:
                server.stop()


class Example(Live):
    """tools/clients/python/example.py, as README.md runs it, with this venv's python."""

    def test_the_example_runs(self):
        import subprocess
        example = os.path.join(ARGS.source, "tools", "clients", "python", "example.py")
        done = subprocess.run([sys.executable, example, "--server", self.server.address,
                               "--token", self.server.tokens["reader"]],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=60)
        self.assertEqual(done.returncode, 0, done.stdout)
        for expected in ("South Korea because of claims", "rows: 2", "session: quad members -> [{'n': 4}]",
                         "session: typo -> INVALID_ARGUMENT", "watch: tx ",
                         "ingest (dry run): Japan pact Philippines REPORTED 'Japan and the Philippines signed a "
                         "defence pact'"):
            self.assertIn(expected, done.stdout)


class Asyncio(Live):
    def test_the_same_operations_awaited(self):
        async def run():
            address, tokens = self.server.address, self.server.tokens
            async with claimgraph.aio.AsyncClient(address, token=tokens["reader"], timeout=30) as reader, \
                    claimgraph.aio.AsyncClient(address, token=tokens["writer"], timeout=30) as writer:
                r = await reader.query('MATCH ?x member-of "Quad" RETURN COUNT(*) AS n')
                self.assertEqual(r.rows, [{"n": 4}])
                self.assertIs(type(r.rows[0]["n"]), int)
                n = 0
                async for row, _ in reader.query_iter(TWO_HOPS, batch_rows=500, timeout=120):
                    n += 1
                self.assertEqual(n, CLIQUE * (CLIQUE - 1) * (CLIQUE - 1))
                many = await reader.run_many(['MATCH ?x member-of "Quad" RETURN ?x', "MATCH ?x pactt ?y RETURN ?x"])
                self.assertEqual(len(many[0].rows), 4)
                self.assertEqual(many[1].error.code, CODE.INVALID_ARGUMENT)
                self.assertIn("member-of", (await reader.explain('MATCH ?x member-of "Quad" RETURN ?x')).plan)
                before = (await reader.stats()).transactions
                w = await writer.assert_claims([NewClaim("Asyncland", "pact", "Japan", "async")])
                self.assertEqual((await reader.get_claim(w.claim_ids[0])).subject, "Asyncland")
                feed = reader.watch(since_tx=before, pattern='"Asyncland" pact ?x')
                change = await feed.__anext__()
                await feed.aclose()
                self.assertEqual(change.claim_id, w.claim_ids[0])
                await writer.retract(w.claim_ids, "async test")
                self.assertEqual([e.event for e in await reader.history(w.claim_ids[0])], ["asserted", "retracted"])
                with self.assertRaises(ClaimgraphError) as caught:
                    await reader.query(SLOW_COUNT, timeout=0.5)
                self.assertEqual(caught.exception.code, CODE.DEADLINE_EXCEEDED)
                with self.assertRaises(ClaimgraphError) as caught:
                    await reader.assert_claims([NewClaim("Nowhere", "pact", "Japan", "denied")])
                self.assertEqual(caught.exception.code, CODE.PERMISSION_DENIED)
                with self.assertRaises(ClaimgraphError) as caught:
                    await reader.query('MATCH ?a pact ?b\nRETURN ?a ?b')
                self.assertEqual(caught.exception.line, 2)
                # A cancelled stream: leave it part way, then the server still answers.
                rows = reader.query_iter(TWO_HOPS, batch_rows=10)
                await rows.__anext__()
                await rows.aclose()
                self.assertEqual(len((await reader.query('MATCH ?x member-of "Quad" RETURN ?x')).rows), 4)
        asyncio.run(run())


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--build", required=True)
    parser.add_argument("--source", required=True)
    ARGS, rest = parser.parse_known_args()
    unittest.main(argv=[sys.argv[0], "-v", *rest])
