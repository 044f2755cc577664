#!/usr/bin/env python3
"""The layering of docs/architecture.md, checked on every #include line.

    check_layering.py [SOURCE_ROOT]    scan the tree, print every violation as
                                       `file:line: <rule>: #include ...`, exit 1 if any
    check_layering.py --self-test      run the scan on a small tree written from the
                                       strings below, one violation per rule; exit 1
                                       unless exactly those are reported

Why a scan: the compiler cannot refuse these includes. RocksDB's, gRPC's and
protobuf's headers are in /usr/include, on every target's include path, and every
library of ours exports the project root, so `#include <rocksdb/db.h>` or
`#include "server/service.h"` compiles anywhere. (The CMake side — who links
what, and that RocksDB and ANTLR are linked PRIVATE — is checked at configure
time by cmake/Layering.cmake.)

The scan reads C++ files (.h .hh .hpp .cc .cpp .cxx) under base/ codec/ grammar/
storage/ engine/ server/ tools/ tests/, skipping build directories and generated
code.
Quoted includes are resolved against the including file's directory first, so
`"../storage/rocks_internal.h"` counts as storage/rocks_internal.h. Comments
are skipped; `#include MACRO` is not understood (we have none).

Python 3 standard library only (run by CTest with /usr/bin/python3).
"""

import io
import os
import re
import sys
import tempfile
from dataclasses import dataclass

SCANNED_DIRS = ("base", "codec", "grammar", "storage", "engine", "server", "tools", "tests")
HEADER_SUFFIXES = (".h", ".hh", ".hpp")
SOURCE_SUFFIXES = HEADER_SUFFIXES + (".cc", ".cpp", ".cxx")

# ---------------------------------------------------------------------------
# What is ours, what is whose.

# storage/'s public API: the only storage headers code outside storage/ may
# include. Each includes nothing but the others and the standard library
# (rule storage-public-header checks that). Every other storage/*.h is
# internal by default — rocks_internal.h (RocksDB handles), commit_sink.h,
# key_codec.h, posting_list.h, record_codec.h, byte_codec.h, tx_log.h, and any
# header added later until someone decides to list it here.
PUBLIC_STORAGE_HEADERS = frozenset({
    "storage/claim_store.h",  # ClaimStore, ReadView, WriteTransaction, TEST_ hooks
    "storage/types.h",        # ids, terms, claims, ClaimIdentity
    "storage/normalize.h",    # name normalization shared with the engine's writers
})

# Our top-level directories, as an include path starts; and the generated
# claimgraph.v1 headers (proto/ is on the include path of claimgraph_proto's users).
OUR_PREFIXES = ("base/", "codec/", "engine/", "storage/", "server/", "tools/", "tests/", "grammar/",
                "proto/", "claimgraph/v1/")

ROCKSDB_INCLUDE = re.compile(r"^rocksdb/")
# ANTLR's runtime (as <antlr4-runtime.h>, <antlr4-runtime/...>, or its own
# top-level names, which resolve only where /usr/include/antlr4-runtime is on
# the include path) and the parser ANTLR generates from grammar/ClaimQL.g4.
# grammar/ headers that include one of these are added at scan time.
ANTLR_INCLUDE = re.compile(
    r"(^|/)antlr4-runtime(\.h$|/)|^antlr4-common\.h$|^ANTLR\w*\.h$"
    r"|(^|/)ClaimQL(Lexer|Parser|Visitor|BaseVisitor|Listener|BaseListener)\.h$"
    r"|^grammar/generated/")
GRPC_INCLUDE = re.compile(r"^(grpc|grpcpp|grpc\+\+)/|^grpc(pp)?\.h$|^google/protobuf/"
                          r"|^claimgraph/v1/|^proto/")
# Who may see gRPC and protobuf: the server, the client tools, their tests.
GRPC_ALLOWED_DIRS = ("server/", "tools/claimgraph/", "tools/bench/", "tools/clients/",
                     "tests/server/")
# HTTP (cpp-httplib) is the server's transport alone, as gRPC is; no client
# tool speaks it.
HTTP_INCLUDE = re.compile(r"^httplib\.h$")
HTTP_ALLOWED_DIRS = ("server/", "tests/server/")
# NATS (nats.c, cluster mode) is the cluster module's alone: the rest of the
# server sees server/cluster_view.h, the engine and storage never see NATS.
NATS_INCLUDE = re.compile(r"^nats/|^nats\.h$")
NATS_ALLOWED_DIRS = ("server/cluster/",)
# The claimgraph CLI is a gRPC client that reads and writes files with the
# codecs: none of these, which would bring the engine (and RocksDB, ANTLR) in.
CLI_DIR = "tools/claimgraph/"
CLI_FORBIDDEN = ("storage/", "engine/", "grammar/")

# ---------------------------------------------------------------------------
# Exceptions.

@dataclass(frozen=True)
class Allowed:
    where: str     # a file, or a directory ending in "/"
    rule: str
    include: str   # the included path as resolved (e.g. "storage/key_codec.h")
    why: str

    def matches(self, file, rule, include):
        where_ok = file.startswith(self.where) if self.where.endswith("/") else file == self.where
        return where_ok and rule == self.rule and include == self.include


# Deliberate and permanent: each is what its file is for.
EXCEPTIONS = (
    # tests/storage/ unit-tests the on-disk codecs and the bulk import's sorts directly. Only these,
    # which it includes today; never RocksDB or rocks_internal.h. A new codec
    # test adds its header here.
    Allowed("tests/storage/", "storage-internal-header", "storage/byte_codec.h",
            "byte_codec_test: varints and fixed-width encodings"),
    Allowed("tests/storage/", "storage-internal-header", "storage/key_codec.h",
            "key_codec_test: key layouts and their order"),
    Allowed("tests/storage/", "storage-internal-header", "storage/posting_list.h",
            "posting_list_test: the posting list encoding"),
    Allowed("tests/storage/", "storage-internal-header", "storage/record_codec.h",
            "record_codec_test: the claim record with and without valid time"),
    Allowed("tests/storage/", "storage-internal-header", "storage/evidence.h",
            "evidence_test: the evidence record encoding it tampers with"),
    Allowed("tests/storage/", "storage-internal-header", "storage/marks.h",
            "marks_test: the mark table's semantics and the mark encoding it tampers with"),
    Allowed("tests/storage/", "storage-internal-header", "storage/external_sort.h",
            "external_sort_test: the bulk import's external sort against std::stable_sort"),
    Allowed("tests/storage/", "storage-internal-header", "storage/row_sorter.h",
            "external_sort_test: the bulk import's key/value row sort"),
    Allowed("tests/storage/", "storage-internal-header", "storage/run_file.h",
            "run_file_test: the spilled runs' LZ4 blocks, round trip and damage"),
    Allowed("tests/storage/", "storage-internal-header", "storage/spilling_identity_table.h",
            "spilling_identity_table_test: the bulk import's spilled duplicate table against a std::map"),
    Allowed("tests/storage/", "storage-internal-header", "storage/spilling_name_table.h",
            "spilling_name_table_test: the bulk import's spilled dictionary of new names against a std::map"),
    Allowed("tests/storage/", "storage-internal-header", "storage/created_name_table.h",
            "created_name_table_test: the write transaction's table of created names against a std::map"),
    # The tamper test changes a txlog record and an osp entry on disk through
    # TEST_RawGet/TEST_RawPut (storage/claim_store.h) and then runs the real
    # `claimgraphd verify`: it needs the key of the entry it changes.
    Allowed("tests/server/tamper_cli_test.cc", "storage-internal-header", "storage/key_codec.h",
            "encodes the txlog and osp keys it tampers with"),
    # Likewise the engine's evidence test changes a claim record's quote on
    # disk and runs AUDIT VERIFY EVIDENCE: it needs the claim's key.
    Allowed("tests/engine/evidence_test.cc", "storage-internal-header", "storage/key_codec.h",
            "encodes the claim key whose quote it tampers with"),
    # The BELIEF migration test puts one posting list back as format 4 wrote
    # it (a migration cut short by a crash): it needs the list's key.
    Allowed("tests/engine/belief_test.cc", "storage-internal-header", "storage/posting_list.h",
            "encodes the posting-list key of the list it restores mid-migration"),
    # The cluster tests' own NATS client: which server leads a stream (to
    # kill the lease bucket's leader) and a set of parts a writer abandoned,
    # put into the stream by hand (a writer killed between two parts cannot
    # be timed reliably).
    Allowed("tests/cluster/nats_probe.h", "nats-outside-cluster-module", "nats/nats.h",
            "the cluster tests' probe: a stream's leader, a message written by hand"),
    # The benchmarks measure each layer on its own, the store's API beneath the
    # engine included (LoadSynthetic writes a synthetic graph through a bulk
    # WriteTransaction, as RocksDB's db_bench drives RocksDB): tools/bench/ may
    # include the store's public header; nothing else on top of the engine may.
    Allowed("tools/bench/", "storage-behind-the-engine", "storage/claim_store.h",
            "benchmarks of the store's own API (load_bench's bulk path, query_bench's loader)"),
    # load_bench measures the store against plain RocksDB writing the same data.
    Allowed("tools/bench/load_bench.cc", "rocksdb-outside-storage", "rocksdb/db.h",
            "the plain-RocksDB baseline"),
    Allowed("tools/bench/load_bench.cc", "rocksdb-outside-storage", "rocksdb/sst_file_writer.h",
            "the plain-RocksDB baseline (SST ingestion)"),
)

# ---------------------------------------------------------------------------
# The scan.

INCLUDE_LINE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]*)[>"]')


@dataclass(frozen=True)
class Include:
    file: str      # project-relative, '/'-separated
    line: int
    text: str      # as written, e.g. '#include <rocksdb/db.h>'
    target: str    # resolved project-relative path, or the path as written


@dataclass(frozen=True)
class Violation:
    file: str
    line: int
    rule: str
    text: str
    target: str

    def __str__(self):
        return f"{self.file}:{self.line}: {self.rule}: {self.text}"


def is_skipped_dir(root, rel_dir, name):
    if name.startswith(".") or name == "__pycache__" or name == "generated":
        return True
    if name.startswith("build") or name.startswith("cmake-build"):
        return True
    return os.path.exists(os.path.join(root, rel_dir, name, "CMakeCache.txt"))


def source_files(root):
    files = []
    for top in SCANNED_DIRS:
        for dirpath, dirnames, filenames in os.walk(os.path.join(root, top)):
            rel_dir = os.path.relpath(dirpath, root)
            dirnames[:] = sorted(d for d in dirnames if not is_skipped_dir(root, rel_dir, d))
            for name in sorted(filenames):
                if name.endswith(SOURCE_SUFFIXES):
                    files.append(os.path.join(rel_dir, name).replace(os.sep, "/"))
    return files


def strip_comments(lines):
    """Yields (line number, line) with /* */ and // comments removed."""
    in_block = False
    for number, line in enumerate(lines, 1):
        out = []
        i = 0
        while i < len(line):
            if in_block:
                end = line.find("*/", i)
                if end < 0:
                    i = len(line)
                else:
                    in_block, i = False, end + 2
            elif line.startswith("/*", i):
                in_block, i = True, i + 2
            elif line.startswith("//", i):
                break
            else:
                out.append(line[i])
                i += 1
        yield number, "".join(out)


def read_includes(root, rel_file):
    with open(os.path.join(root, rel_file), encoding="utf-8", errors="replace") as f:
        lines = f.read().splitlines()
    includes = []
    for number, line in strip_comments(lines):
        m = INCLUDE_LINE.match(line)
        if not m:
            continue
        quote, path = m.group(1), m.group(2).strip()
        text = f"#include {quote}{path}{'>' if quote == '<' else chr(34)}"
        target = os.path.normpath(path).replace(os.sep, "/")
        if quote == '"':
            beside = os.path.normpath(os.path.join(os.path.dirname(rel_file), path)).replace(os.sep, "/")
            if os.path.isfile(os.path.join(root, beside)) and not beside.startswith("../"):
                target = beside
        includes.append(Include(rel_file, number, text, target))
    return includes


def in_dir(path, *dirs):
    return any(path.startswith(d) for d in dirs)


def antlr_grammar_headers(includes_by_file):
    """grammar/ headers that include ANTLR, directly or through another grammar/ header."""
    exposing = set()
    changed = True
    while changed:
        changed = False
        for file, includes in includes_by_file.items():
            if file in exposing or not file.startswith("grammar/") or not file.endswith(HEADER_SUFFIXES):
                continue
            if any(ANTLR_INCLUDE.search(i.target) or i.target in exposing for i in includes):
                exposing.add(file)
                changed = True
    return exposing


def storage_reaching_headers(includes_by_file):
    """Headers of ours outside storage/ that include a storage/ header, directly or through others."""
    reaching = set()
    changed = True
    while changed:
        changed = False
        for file, includes in includes_by_file.items():
            if file in reaching or file.startswith("storage/") or not file.endswith(HEADER_SUFFIXES):
                continue
            if any(i.target.startswith("storage/") or i.target in reaching for i in includes):
                reaching.add(file)
                changed = True
    return reaching


# The engine is the only door to the data: what sits on top of it sees no
# storage type, not even through an engine header.
BEHIND_THE_ENGINE_DIRS = ("server/", "tools/")


def rules_for(inc, antlr_headers, storage_headers=frozenset()):
    """The rules one include breaks (names as printed)."""
    f, t = inc.file, inc.target
    broken = []
    if f.startswith("grammar/") and in_dir(t, *OUR_PREFIXES) and not t.startswith("grammar/"):
        broken.append("grammar-depends-on-nothing")
    if f.startswith("base/") and in_dir(t, *OUR_PREFIXES) and not t.startswith("base/"):
        broken.append("base-depends-on-nothing")
    if f.startswith("codec/") and in_dir(t, *OUR_PREFIXES) and not in_dir(t, "codec/", "base/"):
        broken.append("codec-depends-on-base-only")
    if f.startswith(CLI_DIR) and in_dir(t, *CLI_FORBIDDEN):
        broken.append("cli-is-a-client")
    if not f.startswith("storage/"):
        if ROCKSDB_INCLUDE.search(t):
            broken.append("rocksdb-outside-storage")
        if t.startswith("storage/") and t not in PUBLIC_STORAGE_HEADERS:
            broken.append("storage-internal-header")
    elif f in PUBLIC_STORAGE_HEADERS and (
            ROCKSDB_INCLUDE.search(t) or (t.startswith("storage/") and t not in PUBLIC_STORAGE_HEADERS)):
        broken.append("storage-public-header")
    if in_dir(f, *BEHIND_THE_ENGINE_DIRS) and (t.startswith("storage/") or t in storage_headers):
        broken.append("storage-behind-the-engine")
    if not f.startswith("grammar/") and (ANTLR_INCLUDE.search(t) or t in antlr_headers):
        broken.append("antlr-outside-grammar")
    if not in_dir(f, *GRPC_ALLOWED_DIRS) and GRPC_INCLUDE.search(t):
        broken.append("grpc-outside-server-and-clients")
    if not in_dir(f, *HTTP_ALLOWED_DIRS) and HTTP_INCLUDE.search(t):
        broken.append("http-outside-server")
    if not in_dir(f, *NATS_ALLOWED_DIRS) and NATS_INCLUDE.search(t):
        broken.append("nats-outside-cluster-module")
    if ((f.startswith("storage/") and in_dir(t, "engine/", "grammar/", "server/", "tools/"))
            or (f.startswith("engine/") and in_dir(t, "server/", "tools/"))
            or (t.startswith("server/") and not in_dir(f, "server/", "tests/server/"))):
        broken.append("upward-include")
    return broken


RULES = ("grammar-depends-on-nothing", "base-depends-on-nothing", "codec-depends-on-base-only",
         "cli-is-a-client", "rocksdb-outside-storage", "storage-internal-header", "storage-behind-the-engine",
         "storage-public-header", "antlr-outside-grammar", "grpc-outside-server-and-clients",
         "http-outside-server", "nats-outside-cluster-module", "upward-include")


def check(root, exceptions, out):
    """Scans root; writes violations (and stale allow-list entries) to out. Returns the exit status."""
    files = source_files(root)
    empty = [d for d in SCANNED_DIRS if not any(f.startswith(d + "/") for f in files)]
    if len(files) == 0 or ("storage" in empty and "engine" in empty):
        print(f"check_layering: no C++ files under {root}/{{{','.join(SCANNED_DIRS)}}}: wrong root?", file=out)
        return 2
    includes_by_file = {f: read_includes(root, f) for f in files}
    antlr_headers = antlr_grammar_headers(includes_by_file)
    storage_headers = storage_reaching_headers(includes_by_file)
    allowed = tuple(exceptions)
    used = set()
    violations = []
    for includes in includes_by_file.values():
        for inc in includes:
            for rule in rules_for(inc, antlr_headers, storage_headers):
                hit = next((a for a in allowed if a.matches(inc.file, rule, inc.target)), None)
                if hit is not None:
                    used.add(hit)
                else:
                    violations.append(Violation(inc.file, inc.line, rule, inc.text, inc.target))
    stale = [a for a in allowed if a not in used]
    for v in sorted(violations, key=lambda v: (v.file, v.line, RULES.index(v.rule))):
        print(v, file=out)
    for a in stale:
        print(f"check_layering: stale allow-list entry (matches nothing; remove it): "
              f"{a.where} {a.rule} {a.include}", file=out)
    count = sum(len(i) for i in includes_by_file.values())
    if violations or stale:
        print(f"check_layering: {len(violations)} layering violation(s) and {len(stale)} stale "
              f"allow-list entries in {len(files)} files; the rules: tools/check_layering.py, "
              f"docs/architecture.md", file=out)
        return 1
    print(f"check_layering: {len(files)} files, {count} includes, no violations "
          f"({len(used)} allow-listed)", file=out)
    return 0

# ---------------------------------------------------------------------------
# The self-test: a tree with one violation of each rule (plus includes that
# must NOT be reported), checked against the exact expected report.

SELF_TEST_TREE = {
    # grammar's own headers and its generated parser are fine; one include of ours is not.
    "grammar/parser.h": '#include "grammar/ast.h"\n',
    "grammar/ast.h": "#include <string>\n",
    "grammar/transformer.h": '#include "ClaimQLParser.h"\n#include "grammar/parser.h"\n',
    "grammar/parser.cc": ('#include "antlr4-runtime.h"\n#include "ClaimQLLexer.h"\n'
                          '#include "grammar/transformer.h"\n#include "base/status.h"\n'),
    # base/ includes only base/; codec/ only codec/ and base/.
    "base/status.h": "#include <string>\n",
    "base/status.cc": '#include "base/status.h"\n#include "codec/value.h"\n',
    "codec/line_error.h": "#include <string>\n",
    "codec/nquads/nquads_parser.cc": ('#include "codec/line_error.h"\n#include "base/status.h"\n'
                                      '#include "storage/types.h"\n'),
    # the CLI: gRPC and the codecs are fine; the engine is not.
    "tools/claimgraph/load_export.cc": ('#include "codec/line_error.h"\n#include <grpcpp/grpcpp.h>\n'
                                        '#include "engine/io/jsonl.h"\n'),
    # storage: internals and RocksDB inside are fine; a public header exposing one is not; upward is not.
    "storage/claim_store.h": '#include "base/status.h"\n#include "storage/key_codec.h"\n',
    "storage/key_codec.h": '#include "base/status.h"\n',
    "storage/rocks_internal.h": '#include <rocksdb/db.h>\n#include "storage/key_codec.h"\n',
    "storage/rocks_store.cc": '#include "storage/rocks_internal.h"\n#include "engine/engine.h"\n',
    # engine: public storage and grammar headers are fine.
    "engine/engine.h": '#include "storage/claim_store.h"\n#include "grammar/parser.h"\n',
    "engine/engine.cc": ('#include "engine/engine.h"\n'
                         "/* #include <rocksdb/db.h> in a comment is not an include */\n"
                         "#include <rocksdb/options.h>\n"
                         '#include "../storage/rocks_internal.h"\n'
                         '#include "grammar/transformer.h"\n'
                         "#include <grpcpp/grpcpp.h>\n"
                         '#include "server/service.h"\n'
                         '// #include "tools/claimgraph/client.h"\n'
                         "#include <httplib.h>\n"),
    "engine/io/jsonl.cc": '#include "claimgraph/v1/claimgraph.pb.h"\n#include "tools/bench/synthetic_graph.h"\n',
    # server and its tests may use gRPC and server/.
    "server/service.h": '#include "claimgraph/v1/claimgraph.grpc.pb.h"\n#include "engine/engine.h"\n',
    # NATS inside server/cluster/ is fine; elsewhere in server/ it is not.
    "server/cluster/nats_link.h": "#include <nats/nats.h>\n",
    "server/serve.cc": "#include <nats/nats.h>\n",
    "tests/server/e2e_test.cc": '#include <grpcpp/grpcpp.h>\n#include "server/service.h"\n#include <httplib.h>\n',
    # ... but not storage, directly or through an engine header that exposes it.
    "server/offline.cc": '#include "storage/types.h"\n#include "codec/line_error.h"\n',
    # tests elsewhere: an upward include and an ANTLR one.
    "tests/engine/engine_test.cc": ('#include "engine/engine.h"\n#include "server/service.h"\n'
                                    "#include <antlr4-runtime/antlr4-runtime.h>\n"),
    "tools/bench/synthetic_graph.h": "#include <grpcpp/grpcpp.h>\n",
    "tests/storage/codec_test.cc": ('#include "storage/key_codec.h"\n'
                                    "#include <google/protobuf/message.h>\n"),
}

# Exactly what the scan must print for SELF_TEST_TREE without allow-lists.
SELF_TEST_EXPECTED = """\
base/status.cc:2: base-depends-on-nothing: #include "codec/value.h"
codec/nquads/nquads_parser.cc:3: codec-depends-on-base-only: #include "storage/types.h"
engine/engine.cc:3: rocksdb-outside-storage: #include <rocksdb/options.h>
engine/engine.cc:4: storage-internal-header: #include "../storage/rocks_internal.h"
engine/engine.cc:5: antlr-outside-grammar: #include "grammar/transformer.h"
engine/engine.cc:6: grpc-outside-server-and-clients: #include <grpcpp/grpcpp.h>
engine/engine.cc:7: upward-include: #include "server/service.h"
engine/engine.cc:9: http-outside-server: #include <httplib.h>
engine/io/jsonl.cc:1: grpc-outside-server-and-clients: #include "claimgraph/v1/claimgraph.pb.h"
engine/io/jsonl.cc:2: upward-include: #include "tools/bench/synthetic_graph.h"
grammar/parser.cc:4: grammar-depends-on-nothing: #include "base/status.h"
server/offline.cc:1: storage-behind-the-engine: #include "storage/types.h"
server/serve.cc:1: nats-outside-cluster-module: #include <nats/nats.h>
server/service.h:2: storage-behind-the-engine: #include "engine/engine.h"
storage/claim_store.h:2: storage-public-header: #include "storage/key_codec.h"
storage/rocks_store.cc:2: upward-include: #include "engine/engine.h"
tests/engine/engine_test.cc:2: upward-include: #include "server/service.h"
tests/engine/engine_test.cc:3: antlr-outside-grammar: #include <antlr4-runtime/antlr4-runtime.h>
tests/storage/codec_test.cc:1: storage-internal-header: #include "storage/key_codec.h"
tests/storage/codec_test.cc:2: grpc-outside-server-and-clients: #include <google/protobuf/message.h>
tools/claimgraph/load_export.cc:3: cli-is-a-client: #include "engine/io/jsonl.h"
"""


def write_tree(root, tree):
    for rel, text in tree.items():
        path = os.path.join(root, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)


def self_test():
    failures = []

    def run(tree, exceptions=()):
        with tempfile.TemporaryDirectory(prefix="check_layering_") as root:
            write_tree(root, tree)
            out = io.StringIO()
            status = check(root, exceptions, out)
            return status, out.getvalue()

    def expect(name, ok, detail=""):
        print(f"{'ok  ' if ok else 'FAIL'} {name}")
        if not ok:
            failures.append(name)
            if detail:
                print(detail)

    # 1. Every rule is exercised, and the report is exactly the expected one.
    expected_rules = {line.split(": ")[1] for line in SELF_TEST_EXPECTED.splitlines()}
    expect("the self-test tree breaks every rule", expected_rules == set(RULES),
           f"  missing: {set(RULES) - expected_rules}")
    status, report = run(SELF_TEST_TREE)
    violations = "\n".join(l for l in report.splitlines() if not l.startswith("check_layering:")) + "\n"
    expect("one violation per rule is reported, nothing else", violations == SELF_TEST_EXPECTED,
           f"--- expected\n{SELF_TEST_EXPECTED}--- got\n{report}")
    expect("violations make the exit status 1", status == 1, f"  status {status}")

    # 2. The same tree without the offending lines is clean.
    bad = {(l.split(":")[0], int(l.split(":")[1])) for l in SELF_TEST_EXPECTED.splitlines()}
    clean = {rel: "".join(line + "\n" for n, line in enumerate(text.splitlines(), 1) if (rel, n) not in bad)
             for rel, text in SELF_TEST_TREE.items()}
    status, report = run(clean)
    expect("a clean tree passes", status == 0, report)

    # 3. An allow-list entry silences exactly its include; a stale one fails.
    one = dict(clean)
    one["tools/bench/load_bench.cc"] = "#include <rocksdb/db.h>\n"
    entry = Allowed("tools/bench/load_bench.cc", "rocksdb-outside-storage", "rocksdb/db.h", "baseline")
    status, report = run(one, exceptions=(entry,))
    expect("an exception silences its include", status == 0, report)
    status, report = run(one, exceptions=(Allowed("tools/bench/", "rocksdb-outside-storage", "rocksdb/db.h", "t"),))
    expect("a directory entry silences the includes under it", status == 0, report)
    status, report = run(one, exceptions=(entry, Allowed("engine/engine.cc", "upward-include", "server/x.h", "gone")))
    expect("a stale allow-list entry fails", status == 1 and "stale allow-list entry" in report, report)
    status, report = run(one)
    expect("without the entry the include is reported", status == 1 and "load_bench.cc:1:" in report, report)

    # 4. A wrong root is an error, not a pass.
    status, report = run({"README": "nothing here\n"})
    expect("an empty tree is an error", status == 2, report)

    print(f"check_layering self-test: {'FAILED: ' + ', '.join(failures) if failures else 'passed'}")
    return 1 if failures else 0


def main(argv):
    if argv[1:] == ["--self-test"]:
        return self_test()
    if len(argv) > 2 or (len(argv) == 2 and argv[1].startswith("-")):
        print(__doc__, file=sys.stderr)
        return 2
    root = argv[1] if len(argv) == 2 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    return check(os.path.abspath(root), EXCEPTIONS, sys.stdout)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
