"""The blocking client (aio.AsyncClient is the same over asyncio)."""
import time
from typing import Callable, Iterable, Iterator, List, Optional, Sequence, Tuple, TypeVar, Union

import grpc

from . import _calls, records
from .errors import ClaimgraphError, from_rpc_error
from .records import QueryResult
from .v1 import claimgraph_pb2 as pb
from .v1 import claimgraph_pb2_grpc as rpc

T = TypeVar("T")


class Client:
    """A connection to claimgraphd's gRPC API.

    address: "host:port". token: the bearer token of an --auth-file role
    (None: no token, right for a server without one). tls_ca: the PEM (path
    or bytes) to trust for a TLS server; None: plaintext. timeout: each call's
    deadline in seconds (None: no deadline; streams -- query_iter and watch --
    never get one unless passed to them). retries: how many times a write is
    sent again after UNAVAILABLE, under the same idempotency key.

    Every failure raises ClaimgraphError (code, message, line, column).
    """

    def __init__(self, address: str, token: Optional[str] = None, tls_ca: Union[None, str, bytes] = None,
                 timeout: Optional[float] = None, retries: int = 3):
        credentials = _calls.channel_credentials(tls_ca)
        self._channel = (grpc.secure_channel(address, credentials) if credentials
                         else grpc.insecure_channel(address))
        self._stub = rpc.ClaimGraphStub(self._channel)
        self._metadata = _calls.metadata(token)
        self._timeout = timeout
        self._retries = retries

    def close(self) -> None:
        self._channel.close()

    def __enter__(self) -> "Client":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _deadline(self, timeout: Optional[float]) -> Optional[float]:
        return _calls.check_deadline(self._timeout if timeout is None else timeout)

    def _unary(self, method: Callable, request, timeout: Optional[float]):
        try:
            return method(request, metadata=self._metadata, timeout=self._deadline(timeout))
        except grpc.RpcError as e:
            raise from_rpc_error(e) from None

    def _with_retries(self, send: Callable[[], T]) -> T:
        sleep = _calls.RETRY_FIRST_SLEEP
        for attempt in range(self._retries + 1):
            try:
                return send()
            except ClaimgraphError as e:
                if e.code != grpc.StatusCode.UNAVAILABLE or attempt == self._retries:
                    raise
            time.sleep(sleep)
            sleep = min(sleep * 2, _calls.RETRY_LONGEST_SLEEP)
        raise AssertionError("unreachable")

    # ---- statements ----

    def query(self, statement: _calls.Statement, *, as_of_tx: int = 0, max_rows: int = 0,
              timeout: Optional[float] = None) -> QueryResult:
        """Runs one ClaimQL statement (str, or bytes sent as they are) and
        returns all of its rows. For a large result, query_iter."""
        reader = _calls.ResultReader()
        request = _calls.query_request(statement, as_of_tx, max_rows)
        try:
            for part in self._stub.Query(request, metadata=self._metadata, timeout=self._deadline(timeout)):
                reader.add(part)
        except grpc.RpcError as e:
            raise from_rpc_error(e) from None
        return reader.result

    def query_iter(self, statement: _calls.Statement, *, as_of_tx: int = 0, max_rows: int = 0,
                   batch_rows: int = 0, timeout: Optional[float] = None
                   ) -> Iterator[Tuple[records.Row, List[int]]]:
        """Yields (row, provenance) as the server streams them, without holding
        the whole result. Closing the generator (or leaving a for loop)
        cancels the statement on the server."""
        request = _calls.query_request(statement, as_of_tx, max_rows, batch_rows)
        call = self._stub.Query(request, metadata=self._metadata,
                                timeout=_calls.check_deadline(timeout))
        reader = _calls.ResultReader()
        try:
            for part in call:
                yield from reader.rows_of(part)
        except grpc.RpcError as e:
            raise from_rpc_error(e) from None
        finally:
            call.cancel()  # a no-op once the call has ended

    def run_many(self, statements: Sequence[_calls.Statement], *, timeout: Optional[float] = None
                 ) -> List[QueryResult]:
        """Runs statements in order over one Session stream; one QueryResult
        each. A failed statement has .error set and does not stop the others;
        a failure of the stream itself raises."""
        results = [QueryResult() for _ in statements]
        readers = [_calls.ResultReader() for _ in statements]
        for r, q in zip(readers, results):
            r.result = q
        requests = _calls.session_requests(statements)
        try:
            for part in self._stub.Session(iter(requests), metadata=self._metadata, timeout=self._deadline(timeout)):
                if part.HasField("error"):
                    results[part.id].error = _calls.statement_error(part.error)
                readers[part.id].add(part.response)
        except grpc.RpcError as e:
            raise from_rpc_error(e) from None
        return results

    def explain(self, statement: _calls.Statement, *, as_of_tx: int = 0,
                timeout: Optional[float] = None) -> records.Explanation:
        r = self._unary(self._stub.Explain, _calls.query_request(statement, as_of_tx), timeout)
        return records.Explanation(plan=r.plan, warnings=list(r.warnings))

    # ---- writes ----

    def assert_claims(self, claims: Iterable[Union[records.NewClaim, dict]], *,
                      idempotency_key: Optional[str] = None, timeout: Optional[float] = None) -> records.WriteResult:
        """One transaction, all or nothing. Sent again after UNAVAILABLE under
        the same idempotency key (a fresh one unless given), so a batch that
        committed before the connection dropped is answered, not written twice."""
        key = _calls.new_key(idempotency_key)
        request = _calls.assert_request(claims, key)
        return _calls.write_result(self._with_retries(lambda: self._unary(self._stub.Assert, request, timeout)), key)

    def retract(self, claim_ids: Iterable[int], reason: str, *, idempotency_key: Optional[str] = None,
                timeout: Optional[float] = None) -> records.WriteResult:
        key = _calls.new_key(idempotency_key)
        request = pb.RetractRequest(claim_ids=list(claim_ids), reason=reason, idempotency_key=key)
        return _calls.write_result(self._with_retries(lambda: self._unary(self._stub.Retract, request, timeout)), key)

    def ingest(self, text: Union[str, bytes], *, source_key: str = "", title: str = "", publisher: str = "",
               published: str = "", url: str = "", dry_run: bool = False,
               timeout: Optional[float] = None) -> records.IngestResult:
        """One article through the server's rules pipeline (serve --schema --rules).
        Spans are byte offsets into the text's UTF-8."""
        try:
            request = _calls.ingest_request(text, source_key, title, publisher, published, url, dry_run)
        except UnicodeEncodeError as e:
            raise ClaimgraphError(grpc.StatusCode.INVALID_ARGUMENT, f"the text is not valid UTF-8: {e}") from None
        return _calls.ingest_result(self._unary(self._stub.IngestDocument, request, timeout))

    # ---- records ----

    def get_claim(self, claim_id: int, *, timeout: Optional[float] = None) -> records.Claim:
        return records.claim_of(self._unary(self._stub.GetClaim, pb.GetClaimRequest(id=claim_id), timeout))

    def get_claims(self, claim_ids: Sequence[int], *, timeout: Optional[float] = None) -> List[records.Claim]:
        """At most 1000 ids, answered in order (BatchGetClaims)."""
        r = self._unary(self._stub.BatchGetClaims, pb.BatchGetClaimsRequest(ids=list(claim_ids)), timeout)
        return [records.claim_of(c) for c in r.claims]

    def history(self, claim_id: int, *, timeout: Optional[float] = None) -> List[records.HistoryEvent]:
        r = self._unary(self._stub.History, pb.HistoryRequest(claim_id=claim_id), timeout)
        return [records.fill(records.HistoryEvent, e) for e in r.events]

    def verify_audit(self, *, indexes: bool = False, evidence: bool = False,
                     timeout: Optional[float] = None) -> records.AuditReport:
        """Recomputes the log's hash chain (any reader); indexes=True also checks the indexes (admin: writes wait)."""
        r = self._unary(self._stub.VerifyAudit, pb.VerifyAuditRequest(indexes=indexes, evidence=evidence), timeout)
        return records.fill(records.AuditReport, r)

    def stats(self, *, by_predicate: bool = False, timeout: Optional[float] = None) -> records.Stats:
        return _calls.stats_of(self._unary(self._stub.Stats, pb.StatsRequest(by_predicate=by_predicate), timeout))

    # ---- the change feed ----

    def watch(self, since_tx: int = 0, pattern: str = "", *, resume: bool = True) -> Iterator[records.Change]:
        """Every change after since_tx that matches pattern ("s p o" as in
        CHANGES ... MATCH): committed ones first, then each new one as it
        commits. With resume, a stream ended by UNAVAILABLE (the server
        stopping, a dropped connection) is called again after the last
        transaction received in full, nothing missed or repeated; without,
        that raises. No deadline: close the generator to end it."""
        position = _calls.WatchPosition(since_tx)
        sleep = _calls.RETRY_FIRST_SLEEP
        while True:
            call = self._stub.Watch(position.request(pattern), metadata=self._metadata, wait_for_ready=resume)
            try:
                for m in call:
                    sleep = _calls.RETRY_FIRST_SLEEP
                    yield from position.changes(m)
                return
            except grpc.RpcError as e:
                if not resume or e.code() != grpc.StatusCode.UNAVAILABLE:
                    raise from_rpc_error(e) from None
            finally:
                call.cancel()
            time.sleep(sleep)
            sleep = min(sleep * 2, _calls.RETRY_LONGEST_SLEEP)
