"""What the calls answer, as dataclasses with Python types (no protobuf
messages leave the package)."""
import dataclasses
import datetime
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Union

from .errors import ClaimgraphError
from .values import Cell, Entity, Text, from_value

Row = Dict[str, Cell]


@dataclass
class Trailer:
    """The end of a statement's answer."""
    rows: int = 0
    elapsed_ms: float = 0.0  # the statement's wall time in the server
    cpu_ms: float = 0.0      # its server thread's CPU time over that span
    warnings: List[str] = field(default_factory=list)
    message: str = ""      # for writes: "asserted claim 12 in tx 5"
    written_tx: int = 0    # the transaction a write committed (0 if none)
    read_at_tx: int = 0    # the transaction the statement read at
    cluster: str = ""      # cluster mode: the node's state ("node 3, applied tx 42 ..., connected")


@dataclass
class QueryResult:
    """One statement's answer: rows are dicts keyed by column name, in column
    order; provenance[i] is row i's claim ids (empty without WITH PROVENANCE).
    In run_many, a failed statement has `error` set and no rows."""
    columns: List[str] = field(default_factory=list)
    rows: List[Row] = field(default_factory=list)
    provenance: List[List[int]] = field(default_factory=list)
    trailer: Trailer = field(default_factory=Trailer)
    as_of_tx: int = 0  # the transaction a MATCH AS OF read (0: the newest state)
    error: Optional[ClaimgraphError] = None

    def to_pandas(self):
        """The rows as a pandas DataFrame (pandas must be installed); entities
        become their names, so that columns sort and group as text."""
        try:
            import pandas
        except ImportError as e:
            raise ImportError("QueryResult.to_pandas needs pandas (apt-get install python3-pandas)") from e
        plain = [{c: (str(v) if isinstance(v, Entity) else v) for c, v in r.items()} for r in self.rows]
        return pandas.DataFrame(plain, columns=self.columns)


@dataclass
class Explanation:
    plan: str
    warnings: List[str]


@dataclass
class WriteResult:
    """An Assert or Retract: tx is 0 when nothing was written; replayed when
    the idempotency key matched an earlier batch (a retry)."""
    tx: int
    claim_ids: List[int]
    replayed: bool
    warnings: List[str]
    duplicates: List[int]
    new_predicates: List[str]
    new_entities: int
    idempotency_key: str


@dataclass
class Claim:
    """A claim's full provenance record (GetClaim)."""
    id: int
    subject: str
    predicate: str
    object: Cell
    source: str
    has_span: bool
    span_begin: int
    span_end: int
    quote: str
    confidence: float
    method: str
    modality: str          # "ASSERTED", "REPORTED", "PROPOSED", "DENIED"
    asserted_tx: int
    principal: str
    asserted_at: str       # ISO 8601 UTC
    retracted_tx: int      # 0 while live
    retract_reason: str
    retracted_by: str
    retracted_at: str
    valid_from: str        # "" = not known
    valid_to: str
    deprecated: bool
    deprecated_tx: int
    deprecated_reason: str
    deprecated_by_source: bool


@dataclass
class HistoryEvent:
    tx: int
    time: str
    event: str  # "asserted", "retracted", ...
    principal: str
    detail: str


@dataclass
class AuditReport:
    """VerifyAudit: ok, and what was checked (docs/api.md)."""
    ok: bool
    transactions_checked: int
    claims_checked: int
    first_bad_tx: int
    problem: str
    indexes_checked: bool
    indexes_ok: bool
    index_claims_checked: int
    evidence_checked: bool
    evidence_ok: bool
    texts_checked: int
    text_bytes: int
    texts_redacted: int
    quotes_checked: int
    evidence_problem: str
    head_tx: int  # the newest transaction and its hash (hex): the same on every node of a cluster
    head_hash: str


@dataclass
class PredicateStats:
    name: str
    symmetric: bool
    inverse: str  # "" when none
    domain: str
    range: str
    live_claims: int


@dataclass
class Stats:
    transactions: int
    live_claims: int
    entities: int
    predicates: int
    sources: int
    disk_bytes: int
    by_predicate: List[PredicateStats]  # with stats(by_predicate=True)
    deprecated_claims: int


@dataclass
class Change:
    """One change of the Watch feed, with its transaction's tx, time and principal."""
    tx: int
    time: str
    principal: str
    kind: str  # "asserted" | "retracted" | "deprecated" | "restored"
    claim_id: int
    subject: Entity
    predicate: str
    object: Cell
    source: str
    reason: str


@dataclass
class ClaimExplanation:
    """Why the rules pipeline made a claim (IngestResult.explanations[i] is claims[i]'s)."""
    rule: str
    cue: str
    time_text: str
    valid_from: str
    valid_to: str
    clause: str
    clause_begin: int
    clause_end: int
    subject_choice: str
    object_choice: str
    modality_reason: str


@dataclass
class IngestResult:
    claims: List[Claim]
    tx: int                 # 0 for a dry run or when nothing was found
    duplicate: bool         # the same text was ingested before: nothing written
    sha256: str
    source_key: str
    sentences: int
    mentions: int
    boilerplate_blocks: int
    duplicate_claims: int
    explanations: List[ClaimExplanation]


@dataclass
class NewClaim:
    """A claim to assert. `object` is an entity's name (str or Entity), a
    number (int or float), a date (datetime.date, or "YYYY"/"YYYY-MM" as a
    values.PartialDate), or a string literal wrapped in values.Text."""
    subject: str
    predicate: str
    object: Union[str, Entity, Text, int, float, datetime.date]
    source: str
    quote: str = ""
    confidence: Optional[float] = None  # None: 1.0
    method: str = ""
    modality: str = ""  # "" = asserted; "reported", "proposed", "denied"
    valid_from: str = ""
    valid_to: str = ""
    span: Optional[tuple] = None  # (begin, end) byte offsets into the source's text
    source_title: str = ""
    source_publisher: str = ""
    source_published: str = ""
    source_url: str = ""


def fill(cls, message: Any, **converted):
    """A dataclass from a message whose fields have the same names; `converted`
    gives the fields that need more than a copy (repeated fields become lists)."""
    values = {}
    for f in dataclasses.fields(cls):
        if f.name in converted:
            values[f.name] = converted[f.name]
            continue
        v = getattr(message, f.name)
        values[f.name] = list(v) if hasattr(v, "__len__") and not isinstance(v, (str, bytes)) else v
    return cls(**values)


def claim_of(message: Any) -> Claim:
    from .v1 import claimgraph_pb2 as pb
    return fill(Claim, message, object=from_value(message.object), modality=pb.Modality.Name(message.modality))
