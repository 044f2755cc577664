#include "codec/manifest.h"

#include <vector>

namespace claimgraph::codec {
namespace {

std::vector<std::string> SplitTabs(std::string_view line) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (true) {
    size_t tab = line.find('\t', pos);
    out.emplace_back(line.substr(pos, tab == std::string_view::npos ? std::string_view::npos : tab - pos));
    if (tab == std::string_view::npos) break;
    pos = tab + 1;
  }
  if (!out.empty() && !out.back().empty() && out.back().back() == '\r') out.back().pop_back();
  return out;
}

}  // namespace

Result<std::map<std::string, ManifestEntry>> ParseManifest(std::string_view tsv) {
  std::map<std::string, ManifestEntry> out;
  std::vector<std::string> header;
  int file_col = -1, title_col = -1, publisher_col = -1, published_col = -1, url_col = -1;
  size_t line_no = 0;
  for (size_t pos = 0; pos < tsv.size();) {
    size_t nl = tsv.find('\n', pos);
    std::string_view line = tsv.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? tsv.size() : nl + 1;
    ++line_no;
    if (line.empty() || line == "\r") continue;
    auto cols = SplitTabs(line);
    if (header.empty()) {
      header = cols;
      for (int i = 0; i < static_cast<int>(cols.size()); ++i) {
        if (cols[i] == "file") file_col = i;
        else if (cols[i] == "title") title_col = i;
        else if (cols[i] == "publisher") publisher_col = i;
        else if (cols[i] == "published") published_col = i;
        else if (cols[i] == "url") url_col = i;
      }
      if (file_col < 0) return Status::InvalidArgument("manifest line 1: the header has no \"file\" column");
      continue;
    }
    if (cols.size() != header.size())
      return Status::InvalidArgument("manifest line " + std::to_string(line_no) + ": " + std::to_string(cols.size()) +
                                     " columns, the header has " + std::to_string(header.size()));
    auto col = [&](int c) { return c >= 0 ? cols[c] : std::string(); };
    out[cols[file_col]] = {col(title_col), col(publisher_col), col(published_col), col(url_col)};
  }
  return out;
}

}  // namespace claimgraph::codec
