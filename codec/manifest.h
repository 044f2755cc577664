// A corpus manifest (tab-separated, with a header naming at least "file"):
//
//   file<TAB>title<TAB>publisher<TAB>published<TAB>notes
//   000_7b8d84514c241447.txt<TAB>US deepens ...<TAB>Bloomberg (as relayed)<TAB>2023<TAB>...
//
// so that `ingest --manifest MANIFEST.tsv corpus/*.txt` gives each document
// its own publisher and date. Columns other than file, title, publisher,
// published and url are ignored.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "base/status.h"

namespace claimgraph::codec {

struct ManifestEntry {
  std::string title, publisher, published, url;
};

// Keyed by the file's base name. InvalidArgument names the bad line.
Result<std::map<std::string, ManifestEntry>> ParseManifest(std::string_view tsv);

}  // namespace claimgraph::codec
