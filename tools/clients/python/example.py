#!/usr/bin/python3
"""Example: who shares intelligence with Japan, and why (the claims behind each answer).

    PYTHONPATH=build/tools/clients/python/gen:tools/clients/python \
      /usr/bin/python3 tools/clients/python/example.py --server 127.0.0.1:7687 [--token T]
"""
import argparse
import sys

import grpc

from claimgraph_client import Client
from claimgraph.v1 import claimgraph_pb2 as pb


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--server", default="127.0.0.1:7687")
    parser.add_argument("--token", default=None)
    args = parser.parse_args()
    client = Client(args.server, args.token)
    try:
        columns, rows, trailer = client.query(
            'MATCH ?who shares-intel "Japan" RETURN ?who ORDER BY ?who WITH PROVENANCE')
    except grpc.RpcError as e:
        print("error:", e.code().name, e.details(), file=sys.stderr)
        return 1
    print(columns)
    for row in rows:
        print(row["?who"], "because of claims", row.get("_provenance", []))
    print("rows:", trailer.rows)
    # Several statements over one Session stream; the typo fails alone.
    for (columns, rows, trailer, error), text in zip(
            client.run_many(['MATCH ?x member-of "Quad" RETURN COUNT(*) AS n', 'MATCH ?x pactt ?y RETURN ?x']),
            ["quad members", "typo"]):
        print("session:", text, "->", error[0].name if error else rows)
    stats = client.stats()
    print("live claims:", stats.live_claims)
    # The change feed from the start of the log: its first change, then stop.
    for tx, when, principal, change in client.watch(since_tx=0):
        print("watch: tx", tx, change.kind, "claim", change.claim_id, "by", principal)
        break
    article = "Officials said Japan and the Philippines signed a defence pact on Monday."
    try:
        found = client.ingest(article, publisher="example", published="2024-01-31", dry_run=True)
    except grpc.RpcError as e:
        print("ingest:", e.code().name, e.details())
        return 0
    data = article.encode("utf-8")
    for c in found.claims:
        print("ingest (dry run):", c.subject, c.predicate, c.object.entity_value.name,
              pb.Modality.Name(c.modality), repr(data[c.span_begin:c.span_end].decode("utf-8")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
