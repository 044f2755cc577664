#!/usr/bin/python3
"""Example: who shares intelligence with Japan, and why (the claims behind each answer).

    /usr/bin/python3 -m pip install --no-build-isolation --break-system-packages tools/clients/python
    /usr/bin/python3 tools/clients/python/example.py --server 127.0.0.1:7687 [--token T]
"""
import argparse
import sys

import claimgraph


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--server", default="127.0.0.1:7687")
    parser.add_argument("--token", default=None)
    args = parser.parse_args()
    with claimgraph.Client(args.server, token=args.token, timeout=30) as client:
        try:
            result = client.query('MATCH ?who shares-intel "Japan" RETURN ?who ORDER BY ?who WITH PROVENANCE')
        except claimgraph.ClaimgraphError as e:
            print("error:", e, file=sys.stderr)
            return 1
        print(result.columns)
        for row, claims in zip(result.rows, result.provenance):
            print(row["?who"], "because of claims", claims)
        print("rows:", result.trailer.rows)
        # Several statements over one Session stream; the typo fails alone.
        for answer, text in zip(client.run_many(['MATCH ?x member-of "Quad" RETURN COUNT(*) AS n',
                                                 'MATCH ?x pactt ?y RETURN ?x']), ["quad members", "typo"]):
            print("session:", text, "->", answer.error.code.name if answer.error else answer.rows)
        print("live claims:", client.stats().live_claims)
        # The change feed from the start of the log: its first change, then stop.
        for change in client.watch(since_tx=0):
            print("watch: tx", change.tx, change.kind, "claim", change.claim_id, "by", change.principal)
            break
        article = "Officials said Japan and the Philippines signed a defence pact on Monday."
        try:
            found = client.ingest(article, publisher="example", published="2024-01-31", dry_run=True)
        except claimgraph.ClaimgraphError as e:
            print("ingest:", e)
            return 0
        data = article.encode("utf-8")
        for c in found.claims:
            print("ingest (dry run):", c.subject, c.predicate, c.object, c.modality,
                  repr(data[c.span_begin:c.span_end].decode("utf-8")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
