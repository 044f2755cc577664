#!/usr/bin/env python3
"""Writes a CTest file with one test per GoogleTest suite of a test binary.

Why per suite and not per test (what CMake's gtest_discover_tests does): a
test process pays its start and its fixtures every time -- under the address
sanitizer ~0.5 s to start a binary that links gRPC and RocksDB, and ~1.3 s to
load the full gazetteer -- so the 470 construction sentences took ~1,000
CPU-seconds as 470 processes and take ~3 as two. Each sentence is still its own
GoogleTest test, named in the output; CTest runs the suite that holds it
(`ctest -R 'ingest_tests/Dev/ConstructionTest'`, or the binary itself with
--gtest_filter for one test).

Run after every link of the binary (a POST_BUILD step, as gtest_discover_tests
does). Usage:
  gtest_suites.py --binary B --name N --out F [--env K=V]... [--labels L]
                  [--timeout-per-test S] [--resource-lock R] [--slow SUITE]...
"""
import argparse
import os
import subprocess
import sys


def list_suites(binary):
    """[(suite, number of tests)] in the binary's order, from --gtest_list_tests."""
    out = subprocess.run([binary, "--gtest_list_tests"], capture_output=True, text=True, errors="replace", timeout=300)
    if out.returncode != 0:
        sys.exit(f"{binary} --gtest_list_tests failed ({out.returncode}):\n{out.stderr}")
    suites = []
    for line in out.stdout.splitlines():
        if not line.strip():
            continue
        if not line.startswith(" "):
            # "Suite." or "Prefix/Suite/0.  # TypeParam = ..."
            name = line.split("#", 1)[0].strip()
            if not name.endswith("."):
                if not suites:
                    continue  # gtest_main's "Running main() from ..." before the list
                sys.exit(f"{binary}: unexpected line in the test list: {line!r}")
            suites.append([name[:-1], 0])
        elif suites:
            suites[-1][1] += 1
    if not suites:
        sys.exit(f"{binary} lists no tests")
    return suites


def bracket(text):
    """A CMake bracket argument: nothing inside is interpreted."""
    eq = "="
    while f"]{eq}]" in text:
        eq += "="
    return f"[{eq}[{text}]{eq}]"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--binary", required=True)
    p.add_argument("--name", required=True, help="the binary's target name, the tests' prefix")
    p.add_argument("--out", required=True)
    p.add_argument("--env", action="append", default=[])
    p.add_argument("--labels", default="")
    p.add_argument("--timeout-per-test", type=int, default=0, help="seconds; the suite's timeout is this times its tests")
    p.add_argument("--resource-lock", default="")
    p.add_argument("--slow", action="append", default=[], help="a suite to start first (few tests, long ones)")
    a = p.parse_args()

    lines = [f"# Written by tests/gtest_suites.py from {a.binary} --gtest_list_tests: one CTest test per suite."]
    for suite, count in list_suites(a.binary):
        test = f"{a.name}/{suite}"
        lines.append(f"add_test({bracket(test)} {bracket(a.binary)} {bracket('--gtest_filter=' + suite + '.*')})")
        props = []
        if a.env:
            props.append("ENVIRONMENT " + bracket(";".join(a.env)))
        if a.labels:
            props.append("LABELS " + bracket(a.labels))
        if a.timeout_per_test:
            props.append(f"TIMEOUT {a.timeout_per_test * count}")
        if a.resource_lock:
            props.append("RESOURCE_LOCK " + bracket(a.resource_lock))
        # Without a previous run's timings CTest starts the costliest first:
        # the suite's size, or far more for the few long single tests, so that
        # the long ones do not start last and leave one core idle at the end.
        props.append(f"COST {count + (100000 if suite in a.slow else 0)}")
        lines.append(f"set_tests_properties({bracket(test)} PROPERTIES {' '.join(props)})")
    tmp = a.out + ".tmp"
    with open(tmp, "w") as f:
        f.write("\n".join(lines) + "\n")
    os.replace(tmp, a.out)


if __name__ == "__main__":
    main()
