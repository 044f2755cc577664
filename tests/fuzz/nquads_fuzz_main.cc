// libFuzzer entry point for FuzzNQuads (tests/fuzz/harnesses.h); built by tools/fuzz.sh.
#include "tests/fuzz/harnesses.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return claimgraph::fuzz::FuzzNQuads(data, size);
}
