"""claimgraph: a client for claimgraphd (claimgraph.v1 over gRPC).

    import claimgraph
    with claimgraph.Client("127.0.0.1:7687", token="...") as client:
        result = client.query('MATCH ?x member-of "Quad" RETURN COUNT(*) AS n')
        result.rows  # [{'n': 4}]

claimgraph.aio.AsyncClient is the same over asyncio. Every failure raises
ClaimgraphError. Values: docs/api.md, "Values".
"""
from .client import Client
from .errors import ClaimgraphError
from .records import (AuditReport, Change, Claim, ClaimExplanation, Explanation, HistoryEvent, IngestResult, NewClaim,
                      PredicateStats, QueryResult, Stats, Trailer, WriteResult)
from .values import ClaimId, Entity, PartialDate, Text

__all__ = ["Client", "ClaimgraphError", "AuditReport", "Change", "Claim", "ClaimExplanation", "Explanation",
           "HistoryEvent", "PredicateStats",
           "IngestResult", "NewClaim", "QueryResult", "Stats", "Trailer", "WriteResult", "ClaimId", "Entity",
           "PartialDate", "Text"]
