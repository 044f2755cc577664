// Fuzz harnesses: plain functions, so that the same code runs under libFuzzer
// (tests/fuzz/*_main.cc, a clang build, tools/fuzz.sh) and in the normal test
// suite over the seed corpus and every crash ever found
// (tests/fuzz/regressions/<target>/, fuzz_regression_test.cc).
//
// Each returns 0; a violated invariant aborts (libFuzzer reports it as a crash).
#pragma once

#include <cstddef>
#include <cstdint>

namespace claimgraph::fuzz {

int FuzzClaimQL(const uint8_t* data, size_t size);  // parse + bind against a fixture store
int FuzzNQuads(const uint8_t* data, size_t size);   // the W3C N-Quads line parser
int FuzzJsonl(const uint8_t* data, size_t size);    // the JSONL claim line checker
int FuzzIngest(const uint8_t* data, size_t size);   // the ingestion pipeline

}  // namespace claimgraph::fuzz
