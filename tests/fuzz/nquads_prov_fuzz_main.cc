// libFuzzer entry point for CheckNQuadsProv (tests/fuzz/harnesses.h); built by tools/fuzz.sh.
// A broken property traps, so libFuzzer keeps the input as a crash.
#include "tests/fuzz/harnesses.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return claimgraph::fuzz::TrapOnViolation(claimgraph::fuzz::CheckNQuadsProv, data, size);
}
