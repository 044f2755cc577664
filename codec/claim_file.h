// Reading claim files line by line: the one reader `claimgraphd import` and
// `claimgraph load` share, so that the same file gives the same claims and
// the same errors, at the same FILE:LINE:COLUMN, through either.
//
// A claim file is N-Quads (.nq, .nt, .nquads) or JSON Lines claims (.jsonl,
// .ndjson), told apart by its name. Lines end at '\n' (a '\r' before it is
// ignored); blank lines, and N-Quads comment lines, hold nothing.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "base/status.h"
#include "codec/file_claim.h"
#include "codec/line_error.h"
#include "codec/nquads/quad_claim.h"

namespace claimgraph::codec {

enum class ClaimFileFormat { kNQuads, kJsonl };

// InvalidArgument naming the file when its extension is neither.
Result<ClaimFileFormat> ClaimFileFormatOf(std::string_view path);
const char* ClaimFileFormatName(ClaimFileFormat format);  // "N-Quads", "JSONL"

struct ClaimFileOptions {
  std::string default_source = std::string(kDefaultSource);  // the source of N-Quads in the default graph
};

// One line as read.
struct ClaimLine {
  bool blank = false;  // nothing on it
  LineError error;     // message non-empty: the line is refused
  FileClaim claim;     // otherwise: what it says
};

// Reads the lines of one file, in order. Keeps what it learnt from earlier
// lines (IRI names), so one reader serves one file (or one import's files),
// on one thread at a time.
class ClaimLineReader {
 public:
  ClaimLineReader(ClaimFileFormat format, ClaimFileOptions options);
  ~ClaimLineReader();
  ClaimLineReader(const ClaimLineReader&) = delete;
  ClaimLineReader& operator=(const ClaimLineReader&) = delete;

  // Fills *out from one line (without its '\n').
  void Read(std::string_view line, ClaimLine* out);

 private:
  ClaimFileFormat format_;
  std::unique_ptr<QuadMapper> quads_;  // N-Quads only
};

}  // namespace claimgraph::codec
