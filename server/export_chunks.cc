#include "server/export_chunks.h"

namespace claimgraph::server {
namespace {
constexpr size_t kChunkBytes = 64 << 10;  // a chunk is sent once this much text has whole lines
}  // namespace

ExportChunks::int_type ExportChunks::overflow(int_type c) {
  if (c == traits_type::eof()) return traits_type::not_eof(c);
  const char ch = traits_type::to_char_type(c);
  return xsputn(&ch, 1) == 1 ? c : traits_type::eof();
}

std::streamsize ExportChunks::xsputn(const char* s, std::streamsize n) {
  if (failed_) return 0;
  buffer_.append(s, static_cast<size_t>(n));
  if (buffer_.size() >= kChunkBytes && !SendWholeLines()) return 0;
  return n;
}

bool ExportChunks::SendWholeLines() {
  const size_t end = buffer_.rfind('\n');
  if (end == std::string::npos) return true;  // one long line: wait for its end
  if (cancelled_ && cancelled_()) return !(failed_ = true);
  chunk_.set_text(buffer_.substr(0, end + 1));
  if (!send_(&chunk_)) return !(failed_ = true);
  buffer_.erase(0, end + 1);
  return true;
}

}  // namespace claimgraph::server
