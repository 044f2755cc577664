// An exporter's text as ExportChunk messages of whole lines, for either
// transport: the engine's exporters (engine/io/export.h) write into a stream
// over this buffer, which hands a chunk to `send` once it holds ~64 KiB of
// whole lines (a chunk never splits a line, nor so a UTF-8 character, as a
// string field requires). What is left when the exporter ends goes out with
// the summary in the last chunk (rest()). A send that fails (the client no
// longer reads) or a caller gone away fails the stream, and the exporter
// stops at its next line.
#pragma once

#include <functional>
#include <streambuf>
#include <string>

#include "claimgraph/v1/claimgraph.pb.h"

namespace claimgraph::server {

class ExportChunks final : public std::streambuf {
 public:
  using Send = std::function<bool(v1::ExportChunk* chunk)>;
  ExportChunks(Send send, std::function<bool()> cancelled) : send_(std::move(send)), cancelled_(std::move(cancelled)) {}

  // The text not sent yet (after the exporter finished: its last lines).
  const std::string& rest() const { return buffer_; }
  bool failed() const { return failed_; }

 protected:
  int_type overflow(int_type c) override;
  std::streamsize xsputn(const char* s, std::streamsize n) override;

 private:
  bool SendWholeLines();

  Send send_;
  std::function<bool()> cancelled_;  // may be empty
  std::string buffer_;
  v1::ExportChunk chunk_;
  bool failed_ = false;
};

}  // namespace claimgraph::server
