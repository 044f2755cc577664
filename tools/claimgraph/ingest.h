// `claimgraph ingest FILE... --publisher P --published DATE [--title T] [--dry-run]`:
// each article through the server's IngestDocument, printing the claims found
// with their quotes.
#pragma once

#include <string>
#include <vector>

#include "tools/claimgraph/client.h"

namespace claimgraph::cli {

struct IngestOptions {
  std::vector<std::string> files;
  std::string manifest;  // TSV: file, title, publisher, published (per document)
  std::string source_key, title, publisher, published, url;  // override the manifest
  bool dry_run = false;
  bool quiet = false;
  bool explain = false;  // per claim: the rule, cue, clause and how the arguments were chosen
};

// Exit 0 when every document was ingested, 1 when one failed (the others are
// still ingested: each document is its own transaction).
int RunIngest(Client& client, const IngestOptions& options);

}  // namespace claimgraph::cli
