#include "codec/claim_file.h"

#include <filesystem>

#include "codec/jsonl/jsonl_claim.h"
#include "codec/nquads/nquads_parser.h"
#include "codec/nquads/prov_claim.h"
#include "codec/nquads/quad_claim.h"

namespace claimgraph::codec {

Result<ClaimFileFormat> ClaimFileFormatOf(std::string_view path) {
  std::string ext = std::filesystem::path(path).extension().string();
  if (ext == ".nq" || ext == ".nt" || ext == ".nquads") return ClaimFileFormat::kNQuads;
  if (ext == ".jsonl" || ext == ".ndjson") return ClaimFileFormat::kJsonl;
  const std::string name(path);  // named: GCC 12's -Wrestrict false positive on `string + ...` (bug 105651)
  return Status::InvalidArgument(name + ": unknown format (use .nq/.nt for N-Quads, .jsonl for claims)");
}

const char* ClaimFileFormatName(ClaimFileFormat format) {
  return format == ClaimFileFormat::kNQuads ? "N-Quads" : "JSONL";
}

ClaimLineReader::ClaimLineReader(ClaimFileFormat format, ClaimFileOptions options) : format_(format) {
  if (format == ClaimFileFormat::kNQuads) quads_ = std::make_unique<QuadMapper>(std::move(options.default_source));
}

ClaimLineReader::~ClaimLineReader() = default;

void ClaimLineReader::Read(std::string_view line, ClaimLine* out) {
  out->blank = false;
  out->error = {};
  if (format_ == ClaimFileFormat::kJsonl) {
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) {
      out->blank = true;
      return;
    }
    std::optional<FileClaim> claim = ParseJsonlClaim(line, &out->error);
    if (claim) out->claim = std::move(*claim);
    return;
  }
  std::optional<Quad> quad = ParseNQuadsLine(line, &out->error);
  if (!quad) {
    out->blank = out->error.message.empty();  // blank or a comment
    return;
  }
  if (IsProvQuad(*quad)) {
    // Read as a plain quad it would be a claim whose source is the claim
    // graph: wrong, and silently so.
    out->error = {quad->graph ? quad->columns.graph : quad->columns.subject,
                  "a statement of an nquads-prov file (a claim graph or its provenance): claimgraphd import reads "
                  "such a file whole, when its first statement is one"};
    return;
  }
  std::optional<ClaimDraft> draft = quads_->Map(*quad, &out->error);
  if (draft) out->claim = FileClaim{std::move(*draft)};
}

}  // namespace claimgraph::codec
