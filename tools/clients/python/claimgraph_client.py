"""A small Python client for claimgraph (claimgraph.v1 over gRPC).

Uses Debian's python3-grpcio with stubs generated from proto/ at build time
(build/tools/clients/python/gen). Run it with /usr/bin/python3: the separate
python3 on PATH does not have Debian's modules.
"""
import time

import grpc

from claimgraph.v1 import claimgraph_pb2 as pb
from claimgraph.v1 import claimgraph_pb2_grpc as rpc


def value_to_python(v):
    kind = v.WhichOneof("kind")
    if kind in (None, "null_value"):
        return None
    if kind == "entity_value":
        return v.entity_value.name
    if kind == "list_value":
        return [value_to_python(x) for x in v.list_value.values]
    return getattr(v, kind)


class Client:
    def __init__(self, server="127.0.0.1:7687", token=None, timeout=30.0):
        self._channel = grpc.insecure_channel(server)
        self._stub = rpc.ClaimGraphStub(self._channel)
        self._metadata = [("authorization", "Bearer " + token)] if token else []
        self._timeout = timeout

    def query(self, statement):
        """Runs one ClaimQL statement; returns (columns, rows, trailer).

        Each row is a dict keyed by column name, plus "_provenance" when the
        statement asked WITH PROVENANCE. Errors raise grpc.RpcError with the
        server's message (line:column and caret for syntax errors)."""
        columns, rows, trailer = [], [], None
        data = statement.encode("utf-8") if isinstance(statement, str) else statement
        request = pb.QueryRequest(statement=data, integers=True)
        for part in self._stub.Query(request, metadata=self._metadata, timeout=self._timeout):
            # One message may carry the header, rows and the trailer together.
            if part.HasField("header"):
                columns = list(part.header.columns)
            if part.HasField("batch"):
                for r in part.batch.rows:
                    row = {c: value_to_python(v) for c, v in zip(columns, r.values)}
                    if r.provenance:
                        row["_provenance"] = list(r.provenance)
                    rows.append(row)
            if part.HasField("trailer"):
                trailer = part.trailer
        return columns, rows, trailer

    def run_many(self, statements):
        """Runs statements in order over one Session stream (sent at once,
        answered in order). Returns one (columns, rows, trailer, error) per
        statement: error is None or (grpc.StatusCode, message); a failed
        statement does not stop the ones after it."""
        requests = [pb.SessionRequest(id=i, query=pb.QueryRequest(
            statement=t.encode("utf-8") if isinstance(t, str) else t, integers=True)) for i, t in enumerate(statements)]
        results = [([], [], None, None) for _ in statements]
        for part in self._stub.Session(iter(requests), metadata=self._metadata, timeout=self._timeout):
            columns, rows, trailer, error = results[part.id]
            if part.HasField("error"):
                code = next((c for c in grpc.StatusCode if c.value[0] == part.error.code), grpc.StatusCode.UNKNOWN)
                error = (code, part.error.message)
            r = part.response
            if r.HasField("header"):
                columns = list(r.header.columns)
            for row in r.batch.rows:
                rows.append({c: value_to_python(v) for c, v in zip(columns, row.values)})
            if r.HasField("trailer"):
                trailer = r.trailer
            results[part.id] = (columns, rows, trailer, error)
        return results

    def assert_claims(self, claims, idempotency_key=""):
        """claims: dicts with subject, predicate, object, source (and optional quote, confidence,
        valid_from, valid_to: "YYYY", "YYYY-MM" or "YYYY-MM-DD")."""
        request = pb.AssertRequest(idempotency_key=idempotency_key)
        for c in claims:
            ci = request.claims.add()
            ci.subject, ci.predicate, ci.source = c["subject"], c["predicate"], c["source"]
            ci.object_entity = c["object"]
            if "quote" in c:
                ci.quote = c["quote"]
            if "confidence" in c:
                ci.confidence, ci.has_confidence = c["confidence"], True
            ci.valid_from = c.get("valid_from", "")
            ci.valid_to = c.get("valid_to", "")
        return self._stub.Assert(request, metadata=self._metadata, timeout=self._timeout)

    def ingest(self, text, source_key="", title="", publisher="", published="", url="", dry_run=False):
        """One article through the server's rules pipeline. `text` is str (sent as UTF-8)
        or bytes; spans in the answer are byte offsets into its UTF-8 encoding."""
        data = text.encode("utf-8") if isinstance(text, str) else text
        request = pb.IngestDocumentRequest(text=data, source_key=source_key, title=title, publisher=publisher,
                                           published=published, url=url, dry_run=dry_run)
        return self._stub.IngestDocument(request, metadata=self._metadata, timeout=self._timeout)

    def stats(self):
        return self._stub.Stats(pb.StatsRequest(), metadata=self._metadata, timeout=self._timeout)

    def watch(self, since_tx=0, pattern="", resume=True):
        """The change feed (the Watch RPC): yields (tx, time, principal, change) for
        every change after since_tx that matches pattern ("s p o" as in ClaimQL's
        CHANGES ... MATCH), committed ones first, then new ones as they commit.
        With resume, a stream ended by UNAVAILABLE (the server stopping, a dropped
        connection) is called again after the last transaction received in full,
        skipping what was already yielded of a transaction cut mid-way. No
        deadline: stop iterating (or close the generator) to end it."""
        partial_tx, partial_seen, backoff = 0, 0, 0.2
        while True:
            request = pb.WatchRequest(since_tx=since_tx, pattern=pattern)
            current_tx, position = 0, 0
            try:
                for m in self._stub.Watch(request, metadata=self._metadata, wait_for_ready=True):
                    backoff = 0.2
                    if m.tx != current_tx:
                        current_tx, position = m.tx, 0
                    for c in m.changes:
                        seen = m.tx == partial_tx and position < partial_seen
                        position += 1
                        if not seen:
                            yield m.tx, m.time, m.principal, c
                    if m.complete:
                        since_tx, partial_tx, partial_seen = m.tx, 0, 0
                    else:
                        if m.tx != partial_tx:
                            partial_seen = 0
                        partial_tx, partial_seen = m.tx, max(partial_seen, position)
                return
            except grpc.RpcError as e:
                if not resume or e.code() != grpc.StatusCode.UNAVAILABLE:
                    raise
            time.sleep(backoff)
            backoff = min(backoff * 2, 5.0)
