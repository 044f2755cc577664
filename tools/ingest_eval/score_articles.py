#!/usr/bin/env python3
"""Scores the ingestion pipeline on a directory of articles against a gold file.

Why: the construction suite and the five example articles were written or
tuned by the rules' author. A reviewer with their own held-out articles needs
one command that runs the real pipeline (claimgraphd ingest --dry-run) and
reports precision and recall the way docs/ingest.md defines them, so figures
from different hands are comparable.

  score_articles.py --gold GOLD.jsonl --texts DIR [--split SPLIT.tsv] [--only dev]
                    [--claimgraphd build/server/claimgraphd]
                    [--schema examples/gazetteer.json] [--rules examples/ingest/rules.json]
                    [--list]

GOLD.jsonl: one fact a line, {"doc", "subject", "predicate", "object",
"modality", "time"?}; DIR/<doc>.txt is the article. SPLIT.tsv: doc<TAB>split.
Matching (as the construction suite's README): same document, predicate,
modality and participants (either order for pact and shares-intel); a fact
with a time matches only a claim whose time expression overlaps it as text
(one contains the other, ignoring case). Claims are counted once per
(doc, subject, predicate, object, modality, time): precision counts those,
recall counts facts found at least once. A symmetric claim is counted once
whichever way round the pipeline names its two parties.

The hard rule (issue 13: a proposal, denial or hypothetical is never stored as
a fact) is counted too: an asserted or reported claim whose parties and
predicate the gold holds only as proposed or denied is a violation (printed
with --list as "HARD").
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys
import tempfile

SYMMETRIC = {"pact", "shares-intel"}
CLAIM = re.compile(r"^  \[(\w+) [0-9.]+\] (.+?) (pact|shares-intel|targets|member-of) (.+?)  @\d+\.\.\d+$")
TIME = re.compile(r'^      time "(.*)":')


def run_pipeline(args, path):
    """Returns the claims claimgraphd finds in one file, as (s, p, o, modality, time)."""
    with tempfile.TemporaryDirectory() as data:
        out = subprocess.run(
            [args.claimgraphd, "ingest", "--data", data, "--schema", args.schema,
             "--rules", args.rules, "--dry-run", path],
            capture_output=True, text=True, check=False)
    if out.returncode != 0:
        sys.exit(f"claimgraphd failed on {path}: {out.stderr}")
    claims, last = [], None
    for line in out.stdout.splitlines():
        m = CLAIM.match(line)
        if m:
            last = [m.group(2), m.group(3), m.group(4), m.group(1), ""]
            claims.append(last)
            continue
        t = TIME.match(line)
        if t and last is not None:
            last[4] = t.group(1)
    # A symmetric claim is one claim in either order ("Japan pact Philippines"
    # and "Philippines pact Japan" from two sentences count once).
    for c in claims:
        if c[1] in SYMMETRIC and c[2] < c[0]:
            c[0], c[2] = c[2], c[0]
    return {tuple(c) for c in claims}


def same_parties(fact, s, o):
    if (fact["subject"], fact["object"]) == (s, o):
        return True
    return fact["predicate"] in SYMMETRIC and (fact["object"], fact["subject"]) == (s, o)


def matches(fact, claim):
    s, p, o, mod, time = claim
    if fact["predicate"] != p or fact["modality"] != mod or not same_parties(fact, s, o):
        return False
    want = fact.get("time", "").lower()
    have = time.lower()
    return not want or (have != "" and (want in have or have in want))


def describe(x):
    if isinstance(x, dict):
        t = f' [{x["time"]}]' if x.get("time") else ""
        return f'{x["subject"]} {x["predicate"]} {x["object"]} ({x["modality"]}){t}'
    s, p, o, mod, time = x
    return f"{s} {p} {o} ({mod})" + (f" [{time}]" if time else "")


def violates_hard_rule(facts, claim):
    """An asserted/reported claim whose pair the gold has, but only as proposed or denied."""
    s, p, o, mod, _ = claim
    if mod not in ("asserted", "reported"):
        return False
    same = [f for f in facts if f["predicate"] == p and same_parties(f, s, o)]
    return bool(same) and all(f["modality"] in ("proposed", "denied") for f in same)


def ratio(a, b):
    return f"{a / b:.3f} ({a}/{b})" if b else "n/a (0/0)"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", required=True)
    ap.add_argument("--texts", required=True)
    ap.add_argument("--split")
    ap.add_argument("--only", help="score only documents of this split")
    ap.add_argument("--claimgraphd", default="build/server/claimgraphd")
    ap.add_argument("--schema", default="examples/gazetteer.json")
    ap.add_argument("--rules", default="examples/ingest/rules.json")
    ap.add_argument("--list", action="store_true", help="print every miss and false positive")
    args = ap.parse_args()

    gold = collections.defaultdict(list)
    with open(args.gold, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                fact = json.loads(line)
                gold[fact["doc"]].append(fact)
    split = {}
    if args.split:
        with open(args.split, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    doc, name = line.split()[:2]
                    split[doc] = name
    docs = sorted(d[:-4] for d in os.listdir(args.texts) if d.endswith(".txt"))
    if args.only:
        docs = [d for d in docs if split.get(d) == args.only]

    # per (split, predicate): [claims, correct, facts, found]
    tally = collections.defaultdict(lambda: [0, 0, 0, 0])
    hard = collections.Counter()
    for doc in docs:
        facts = gold.get(doc, [])
        claims = run_pipeline(args, os.path.join(args.texts, doc + ".txt"))
        group = split.get(doc, "all")
        for c in sorted(claims):
            ok = any(matches(f, c) for f in facts)
            for key in ((group, c[1]), (group, "all")):
                tally[key][0] += 1
                tally[key][1] += ok
            if not ok and args.list:
                print(f"{doc} FP   {describe(c)}")
            if violates_hard_rule(facts, c):
                hard[group] += 1
                if args.list:
                    print(f"{doc} HARD {describe(c)}")
        for f in facts:
            ok = any(matches(f, c) for c in claims)
            for key in ((group, f["predicate"]), (group, "all")):
                tally[key][2] += 1
                tally[key][3] += ok
            if not ok and args.list:
                print(f"{doc} MISS {describe(f)}")

    print(f"{'split':6} {'predicate':13} {'precision':>18} {'recall':>18}")
    for (group, pred) in sorted(tally, key=lambda k: (k[0], k[1] == "all", k[1])):
        c, ok, n, found = tally[(group, pred)]
        print(f"{group:6} {pred:13} {ratio(ok, c):>18} {ratio(found, n):>18}")
    for group in sorted({g for g, _ in tally}):
        print(f"{group:6} hard rule: {hard[group]} asserted/reported claims whose pair the gold holds only as proposed or denied")


if __name__ == "__main__":
    main()
