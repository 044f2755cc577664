"""The asyncio client, over grpc.aio: Client's operations as coroutines,
streams as async iterators. Create it inside a running event loop."""
import asyncio
from typing import AsyncIterator, Awaitable, Callable, Iterable, List, Optional, Sequence, Tuple, TypeVar, Union

import grpc
import grpc.aio

from . import _calls, records
from .errors import ClaimgraphError, from_rpc_error
from .records import QueryResult
from .v1 import claimgraph_pb2 as pb
from .v1 import claimgraph_pb2_grpc as rpc

T = TypeVar("T")


class AsyncClient:
    """As claimgraph.Client (the same arguments, the same errors), awaited."""

    def __init__(self, address: str, token: Optional[str] = None, tls_ca: Union[None, str, bytes] = None,
                 timeout: Optional[float] = None, retries: int = 3):
        credentials = _calls.channel_credentials(tls_ca)
        self._channel = (grpc.aio.secure_channel(address, credentials) if credentials
                         else grpc.aio.insecure_channel(address))
        self._stub = rpc.ClaimGraphStub(self._channel)
        self._metadata = _calls.metadata(token)
        self._timeout = timeout
        self._retries = retries

    async def close(self) -> None:
        await self._channel.close()

    async def __aenter__(self) -> "AsyncClient":
        return self

    async def __aexit__(self, *exc) -> None:
        await self.close()

    def _deadline(self, timeout: Optional[float]) -> Optional[float]:
        return _calls.check_deadline(self._timeout if timeout is None else timeout)

    async def _unary(self, method: Callable, request, timeout: Optional[float]):
        try:
            return await method(request, metadata=self._metadata, timeout=self._deadline(timeout))
        except grpc.RpcError as e:
            raise from_rpc_error(e) from None

    async def _with_retries(self, send: Callable[[], Awaitable[T]]) -> T:
        sleep = _calls.RETRY_FIRST_SLEEP
        for attempt in range(self._retries + 1):
            try:
                return await send()
            except ClaimgraphError as e:
                if e.code != grpc.StatusCode.UNAVAILABLE or attempt == self._retries:
                    raise
            await asyncio.sleep(sleep)
            sleep = min(sleep * 2, _calls.RETRY_LONGEST_SLEEP)
        raise AssertionError("unreachable")

    async def query(self, statement: _calls.Statement, *, as_of_tx: int = 0, max_rows: int = 0,
                    timeout: Optional[float] = None) -> QueryResult:
        reader = _calls.ResultReader()
        call = self._stub.Query(_calls.query_request(statement, as_of_tx, max_rows), metadata=self._metadata,
                                timeout=self._deadline(timeout))
        try:
            async for part in call:
                reader.add(part)
        except grpc.RpcError as e:
            raise from_rpc_error(e) from None
        return reader.result

    async def query_iter(self, statement: _calls.Statement, *, as_of_tx: int = 0, max_rows: int = 0,
                         batch_rows: int = 0, timeout: Optional[float] = None
                         ) -> AsyncIterator[Tuple[records.Row, List[int]]]:
        """(row, provenance) as they arrive; closing the iterator (aclose, or
        leaving an async for) cancels the statement."""
        call = self._stub.Query(_calls.query_request(statement, as_of_tx, max_rows, batch_rows),
                                metadata=self._metadata,
                                timeout=_calls.check_deadline(timeout))
        reader = _calls.ResultReader()
        try:
            async for part in call:
                for item in reader.rows_of(part):
                    yield item
        except grpc.RpcError as e:
            raise from_rpc_error(e) from None
        finally:
            call.cancel()

    async def run_many(self, statements: Sequence[_calls.Statement], *, timeout: Optional[float] = None
                       ) -> List[QueryResult]:
        results = [QueryResult() for _ in statements]
        readers = [_calls.ResultReader() for _ in statements]
        for r, q in zip(readers, results):
            r.result = q
        call = self._stub.Session(iter(_calls.session_requests(statements)), metadata=self._metadata,
                                  timeout=self._deadline(timeout))
        try:
            async for part in call:
                if part.HasField("error"):
                    results[part.id].error = _calls.statement_error(part.error)
                readers[part.id].add(part.response)
        except grpc.RpcError as e:
            raise from_rpc_error(e) from None
        return results

    async def explain(self, statement: _calls.Statement, *, as_of_tx: int = 0,
                      timeout: Optional[float] = None) -> records.Explanation:
        r = await self._unary(self._stub.Explain, _calls.query_request(statement, as_of_tx), timeout)
        return records.Explanation(plan=r.plan, warnings=list(r.warnings))

    async def assert_claims(self, claims: Iterable[Union[records.NewClaim, dict]], *,
                            idempotency_key: Optional[str] = None,
                            timeout: Optional[float] = None) -> records.WriteResult:
        key = _calls.new_key(idempotency_key)
        request = _calls.assert_request(claims, key)
        return _calls.write_result(await self._with_retries(lambda: self._unary(self._stub.Assert, request, timeout)),
                                   key)

    async def retract(self, claim_ids: Iterable[int], reason: str, *, idempotency_key: Optional[str] = None,
                      timeout: Optional[float] = None) -> records.WriteResult:
        key = _calls.new_key(idempotency_key)
        request = pb.RetractRequest(claim_ids=list(claim_ids), reason=reason, idempotency_key=key)
        return _calls.write_result(await self._with_retries(lambda: self._unary(self._stub.Retract, request, timeout)),
                                   key)

    async def ingest(self, text: Union[str, bytes], *, source_key: str = "", title: str = "", publisher: str = "",
                     published: str = "", url: str = "", dry_run: bool = False,
                     timeout: Optional[float] = None) -> records.IngestResult:
        try:
            request = _calls.ingest_request(text, source_key, title, publisher, published, url, dry_run)
        except UnicodeEncodeError as e:
            raise ClaimgraphError(grpc.StatusCode.INVALID_ARGUMENT, f"the text is not valid UTF-8: {e}") from None
        return _calls.ingest_result(await self._unary(self._stub.IngestDocument, request, timeout))

    async def get_claim(self, claim_id: int, *, timeout: Optional[float] = None) -> records.Claim:
        return records.claim_of(await self._unary(self._stub.GetClaim, pb.GetClaimRequest(id=claim_id), timeout))

    async def get_claims(self, claim_ids: Sequence[int], *, timeout: Optional[float] = None) -> List[records.Claim]:
        r = await self._unary(self._stub.BatchGetClaims, pb.BatchGetClaimsRequest(ids=list(claim_ids)), timeout)
        return [records.claim_of(c) for c in r.claims]

    async def history(self, claim_id: int, *, timeout: Optional[float] = None) -> List[records.HistoryEvent]:
        r = await self._unary(self._stub.History, pb.HistoryRequest(claim_id=claim_id), timeout)
        return [records.fill(records.HistoryEvent, e) for e in r.events]

    async def verify_audit(self, *, indexes: bool = False, evidence: bool = False,
                           timeout: Optional[float] = None) -> records.AuditReport:
        r = await self._unary(self._stub.VerifyAudit, pb.VerifyAuditRequest(indexes=indexes, evidence=evidence),
                              timeout)
        return records.fill(records.AuditReport, r)

    async def stats(self, *, by_predicate: bool = False, timeout: Optional[float] = None) -> records.Stats:
        return _calls.stats_of(await self._unary(self._stub.Stats, pb.StatsRequest(by_predicate=by_predicate),
                                                 timeout))

    async def watch(self, since_tx: int = 0, pattern: str = "", *, resume: bool = True
                    ) -> AsyncIterator[records.Change]:
        """As Client.watch."""
        position = _calls.WatchPosition(since_tx)
        sleep = _calls.RETRY_FIRST_SLEEP
        while True:
            call = self._stub.Watch(position.request(pattern), metadata=self._metadata, wait_for_ready=resume)
            try:
                async for m in call:
                    sleep = _calls.RETRY_FIRST_SLEEP
                    for change in position.changes(m):
                        yield change
                return
            except grpc.RpcError as e:
                if not resume or e.code() != grpc.StatusCode.UNAVAILABLE:
                    raise from_rpc_error(e) from None
            finally:
                call.cancel()
            await asyncio.sleep(sleep)
            sleep = min(sleep * 2, _calls.RETRY_LONGEST_SLEEP)
