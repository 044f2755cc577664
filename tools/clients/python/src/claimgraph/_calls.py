"""What the blocking and the asyncio clients share: requests built from
Python values, answers read into records. No I/O here."""
import datetime
import uuid
from typing import Any, Iterable, List, Optional, Tuple, Union

import grpc

from . import records
from .errors import ClaimgraphError, code_of_number, invalid_argument
from .records import Change, NewClaim, QueryResult, Trailer, fill
from .values import Entity, PartialDate, Text, from_value
from .v1 import claimgraph_pb2 as pb

Statement = Union[str, bytes]


def statement_bytes(statement: Statement) -> bytes:
    """UTF-8 for the wire. bytes go as they are: the server answers invalid
    UTF-8 with its line:column. A str that cannot be encoded (a lone
    surrogate) is refused here with the same code."""
    if isinstance(statement, bytes):
        return statement
    try:
        return statement.encode("utf-8")
    except UnicodeEncodeError as e:
        raise invalid_argument(f"the statement is not valid UTF-8 text: character {e.start + 1} "
                               f"({statement[e.start]!r}) cannot be encoded") from None


def query_request(statement: Statement, as_of_tx: int = 0, max_rows: int = 0, batch_rows: int = 0) -> Any:
    # integers: COUNTs, ids, integer literals come as int_value (docs/api.md, "Values").
    return pb.QueryRequest(statement=statement_bytes(statement), as_of_tx=as_of_tx, max_rows=max_rows,
                           batch_rows=batch_rows, integers=True)


class ResultReader:
    """Reads a statement's QueryResponse messages (header, batches, trailer:
    read independently, as one message may carry all three)."""

    def __init__(self):
        self.result = QueryResult()

    def rows_of(self, part: Any) -> List[Tuple[records.Row, List[int]]]:
        if part.HasField("header"):
            self.result.columns = list(part.header.columns)
            self.result.as_of_tx = part.header.as_of_tx
        out = []
        for r in part.batch.rows:
            out.append(({c: from_value(v) for c, v in zip(self.result.columns, r.values)}, list(r.provenance)))
        if part.HasField("trailer"):
            self.result.trailer = fill(Trailer, part.trailer)
        return out

    def add(self, part: Any) -> None:
        for row, provenance in self.rows_of(part):
            self.result.rows.append(row)
            self.result.provenance.append(provenance)


def session_requests(statements: Iterable[Statement]) -> List[Any]:
    return [pb.SessionRequest(id=i, query=query_request(s)) for i, s in enumerate(statements)]


def statement_error(error: Any) -> ClaimgraphError:
    return ClaimgraphError(code_of_number(error.code), error.message)


def new_key(key: Optional[str]) -> str:
    """An idempotency key: the caller's, or a fresh one, so that a retry after
    UNAVAILABLE (the batch may have committed) cannot write twice."""
    return key if key else "py-" + uuid.uuid4().hex


def claim_input(c: Union[NewClaim, dict]) -> Any:
    if isinstance(c, dict):
        c = NewClaim(**c)
    ci = pb.ClaimInput(subject=c.subject, predicate=c.predicate, source=c.source, quote=c.quote, method=c.method,
                       valid_from=c.valid_from, valid_to=c.valid_to, source_title=c.source_title,
                       source_publisher=c.source_publisher, source_published=c.source_published,
                       source_url=c.source_url)
    o = c.object
    if isinstance(o, Text):
        ci.object_string = str(o)
    elif isinstance(o, PartialDate):
        ci.object_date = str(o)
    elif isinstance(o, Entity):
        ci.object_entity = o.name
    elif isinstance(o, str):
        ci.object_entity = o
    elif isinstance(o, bool):
        raise invalid_argument(f"claim object {o!r}: a claim's object is an entity, number, date or Text")
    elif isinstance(o, (int, float)):
        ci.object_number = float(o)
    elif isinstance(o, datetime.date):
        ci.object_date = o.isoformat()
    else:
        raise invalid_argument(f"claim object {o!r}: a claim's object is an entity, number, date or Text")
    if c.confidence is not None:
        ci.confidence, ci.has_confidence = c.confidence, True
    if c.modality:
        try:
            ci.modality = pb.Modality.Value(c.modality.upper())
        except ValueError:
            raise invalid_argument(f"modality {c.modality!r}: one of asserted, reported, proposed, denied") from None
    if c.span is not None:
        ci.has_span, ci.span_begin, ci.span_end = True, c.span[0], c.span[1]
    return ci


def assert_request(claims: Iterable[Union[NewClaim, dict]], key: str) -> Any:
    return pb.AssertRequest(claims=[claim_input(c) for c in claims], idempotency_key=key)


def write_result(response: Any, key: str) -> records.WriteResult:
    return fill(records.WriteResult, response, idempotency_key=key)


def ingest_request(text: Union[str, bytes], source_key: str, title: str, publisher: str, published: str, url: str,
                   dry_run: bool) -> Any:
    data = text if isinstance(text, bytes) else text.encode("utf-8", errors="strict")
    return pb.IngestDocumentRequest(text=data, source_key=source_key, title=title, publisher=publisher,
                                    published=published, url=url, dry_run=dry_run)


def ingest_result(r: Any) -> records.IngestResult:
    return fill(records.IngestResult, r, claims=[records.claim_of(c) for c in r.claims],
                explanations=[fill(records.ClaimExplanation, e) for e in r.explanations])


def stats_of(r: Any) -> records.Stats:
    return fill(records.Stats, r, by_predicate=[fill(records.PredicateStats, p) for p in r.by_predicate])


class WatchPosition:
    """Where a resumed Watch stands: after the last transaction received in
    full, and how much of a transaction cut mid-way was already yielded (a
    resumed stream sends it again from its start)."""

    def __init__(self, since_tx: int):
        self.since_tx = since_tx
        self.partial_tx = 0
        self.partial_seen = 0
        self.current_tx = 0
        self.position = 0

    def request(self, pattern: str) -> Any:
        self.current_tx, self.position = 0, 0
        # Progress messages (no changes, complete) move since_tx on while a
        # filtered watch matches nothing, so a resume does not walk again
        # what the server has already looked at.
        return pb.WatchRequest(since_tx=self.since_tx, pattern=pattern, progress_seconds=WATCH_PROGRESS_SECONDS)

    def changes(self, m: Any) -> List[Change]:
        if m.tx != self.current_tx:
            self.current_tx, self.position = m.tx, 0
        out = []
        for c in m.changes:
            seen = m.tx == self.partial_tx and self.position < self.partial_seen
            self.position += 1
            if not seen:
                out.append(Change(tx=m.tx, time=m.time, principal=m.principal, kind=c.kind, claim_id=c.claim_id,
                                  subject=Entity(c.subject.id, c.subject.name), predicate=c.predicate,
                                  object=from_value(c.object), source=c.source, reason=c.reason))
        if m.complete:
            self.since_tx, self.partial_tx, self.partial_seen = m.tx, 0, 0
        else:
            if m.tx != self.partial_tx:
                self.partial_seen = 0
            self.partial_tx, self.partial_seen = m.tx, max(self.partial_seen, self.position)
        return out


def channel_credentials(tls_ca: Union[None, str, bytes]) -> Optional[grpc.ChannelCredentials]:
    """TLS trusting tls_ca (a PEM file's path, or the PEM bytes); None: plaintext."""
    if tls_ca is None:
        return None
    if isinstance(tls_ca, bytes):
        pem = tls_ca
    else:
        try:
            with open(tls_ca, "rb") as f:
                pem = f.read()
        except OSError as e:
            raise invalid_argument(f"tls_ca {tls_ca}: {e.strerror}") from None
    return grpc.ssl_channel_credentials(root_certificates=pem)


def metadata(token: Optional[str]) -> List[Tuple[str, str]]:
    return [("authorization", "Bearer " + token)] if token else []


def check_deadline(timeout: Optional[float]) -> Optional[float]:
    """A deadline already past is refused before the call: gRPC would send it
    and a fast answer could still arrive in time (the timer had not fired)."""
    if timeout is not None and timeout <= 0:
        raise ClaimgraphError(grpc.StatusCode.DEADLINE_EXCEEDED,
                              f"the deadline expired before the call was sent (timeout {timeout} s)")
    return timeout


RETRY_FIRST_SLEEP = 0.2
WATCH_PROGRESS_SECONDS = 30
RETRY_LONGEST_SLEEP = 5.0
