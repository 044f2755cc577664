// Fuzz harnesses: checks of what each input-facing stage promises, as plain
// functions, so that the same code runs under libFuzzer (tests/fuzz/*_main.cc,
// a clang build, tools/fuzz.sh) and in the normal test suite over the seeds
// and every input kept in tests/fuzz/regressions/<target>/
// (fuzz_regression_test.cc).
//
// Each Check* returns the first property the input broke, in words, or
// nullopt when every property held. Under libFuzzer a broken property traps
// (TrapOnViolation) so that libFuzzer keeps the input as a crash; the
// regression test reports it as a failure naming the file and the property.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "codec/file_claim.h"
#include "codec/nquads/rdf_term.h"
#include "engine/ingest/pipeline.h"
#include "grammar/parser.h"

namespace claimgraph::fuzz {

// What broke, e.g. "claim 2 quotes \"Japan an\" but its span [10, 18) holds \"Japan and\"".
using Violation = std::optional<std::string>;

// ClaimQL parse + bind against the fixture store. A refused statement has
// diagnostics with a message and a line:column inside the text, shown with
// the line and a caret under that column; "unexpected 'X'" names what is at
// the column. An accepted one has statements whose spans lie in the text and
// say where they start, and each query binds or is refused with
// "line L:C: ..." inside the text and a caret.
Violation CheckClaimQL(std::string_view text);

// The W3C N-Quads line parser, line by line. A refused line has a message and
// a column in [1, length + 1]; a line skipped without an error is blank or a
// comment; an accepted line, written out with codec::FormatQuad, parses back to
// the same quad, and writing that out again gives the same text.
Violation CheckNQuads(std::string_view text);

// The JSONL claim line parser (the importer's and the CLI's). A refused line
// has a reason and a column within the line (or 0, the whole line);
// an accepted one has fields within their documented ranges: confidence in
// [0, 1], span begin <= end, a subject (and an entity object) with letters
// or digits, a method, a predicate and a source.
Violation CheckJsonl(std::string_view line);

// The nquads-prov reader on a file. A refusal has a reason, a line within
// the text and a column within that line (or 0); an accepted claim has fields
// within their ranges (CheckJsonlClaim) and, written out by ProvQuadWriter and
// read back, is the same claim, field for field.
Violation CheckNQuadsProv(std::string_view text);

// The ingestion pipeline on an article. Every claim's span lies in the text
// and its quote is exactly those bytes, its confidence is within [0, 1], it
// relates two different entities; every dropped block lies in the text.
Violation CheckIngest(std::string_view text);

// The property checks on one stage's output alone, so that a test can feed
// them an output that breaks a property and see it named.
Violation CheckDiagnostic(std::string_view text, const grammar::Diagnostic& diagnostic);
Violation CheckJsonlClaim(const codec::FileClaim& claim);
Violation CheckExtraction(std::string_view text, const ingest::Extraction& extraction);

// Test-only: CheckNQuads with `format` in place of codec::FormatQuad, so that a
// test can show that a writer which loses part of a quad is caught.
using QuadFormatter = std::string (*)(const codec::Quad&);
Violation TEST_CheckNQuadsWith(std::string_view text, QuadFormatter format);

// For the libFuzzer entry points: runs `check` on the input; on a violation
// prints it and traps, which libFuzzer records as a crash with its input.
int TrapOnViolation(Violation (*check)(std::string_view), const uint8_t* data, size_t size);

}  // namespace claimgraph::fuzz
