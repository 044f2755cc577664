#!/usr/bin/python3
"""Example: who shares intelligence with Japan, and why (the claims behind each answer).

    PYTHONPATH=build/tools/clients/python/gen:tools/clients/python \
      /usr/bin/python3 tools/clients/python/example.py --server 127.0.0.1:7687 [--token T]
"""
import argparse
import sys

import grpc

from claimgraph_client import Client


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
    stats = client.stats()
    print("live claims:", stats.live_claims)
    return 0


if __name__ == "__main__":
    sys.exit(main())
