// The Export RPC: `claimgraphd export` over the wire. The engine's exporters
// (engine/io/export.h) write into a stream whose buffer goes out as
// ExportChunk messages of whole lines (a chunk never splits a UTF-8
// character, as a string field requires); the last message carries the
// summary. A write the client no longer reads fails the stream, and the
// exporter stops at its next line.
#include <streambuf>
#include <string>

#include "engine/io/export.h"
#include "server/admitted_call.h"
#include "server/query_slots.h"
#include "server/service.h"

namespace claimgraph::server {
namespace {

constexpr size_t kChunkBytes = 64 << 10;  // a chunk is sent once this much text has whole lines

class ChunkedLines final : public std::streambuf {
 public:
  ChunkedLines(grpc::ServerWriter<v1::ExportChunk>* writer, grpc::ServerContext* context)
      : writer_(writer), context_(context) {}

  // The text not sent yet (after the exporter finished: its last lines).
  const std::string& rest() const { return buffer_; }
  bool failed() const { return failed_; }

 protected:
  int_type overflow(int_type c) override {
    if (c == traits_type::eof()) return traits_type::not_eof(c);
    const char ch = traits_type::to_char_type(c);
    return xsputn(&ch, 1) == 1 ? c : traits_type::eof();
  }
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    if (failed_) return 0;
    buffer_.append(s, static_cast<size_t>(n));
    if (buffer_.size() >= kChunkBytes && !SendWholeLines()) return 0;
    return n;
  }

 private:
  bool SendWholeLines() {
    const size_t end = buffer_.rfind('\n');
    if (end == std::string::npos) return true;  // one long line: wait for its end
    if (context_->IsCancelled()) return !(failed_ = true);
    chunk_.set_text(buffer_.substr(0, end + 1));
    if (!writer_->Write(chunk_)) return !(failed_ = true);
    buffer_.erase(0, end + 1);
    return true;
  }

  grpc::ServerWriter<v1::ExportChunk>* writer_;
  grpc::ServerContext* context_;
  std::string buffer_;
  v1::ExportChunk chunk_;
  bool failed_ = false;
};

}  // namespace

grpc::Status ClaimGraphService::Export(grpc::ServerContext* context, const v1::ExportRequest* request,
                                       grpc::ServerWriter<v1::ExportChunk>* writer) {
  AdmittedCall call("Export", *context, core_);
  if (!call.ok()) return call.refusal();  // authenticated: every role may read
  auto format = io::ParseExportFormat(request->format());
  if (!format.ok()) return call.Finish(format.status());
  // An export reads the whole store: it holds a query slot, as a query does.
  QuerySlot slot(&core_.slots());
  if (!slot.acquired()) return call.Finish(core_.slots().Refusal());
  std::optional<engine::TxId> as_of;
  if (request->as_of_tx() != 0) as_of = request->as_of_tx();
  ChunkedLines lines(writer, context);
  std::ostream out(&lines);
  auto exported = io::Export(core_.engine(), *format, as_of, out);
  if (lines.failed() || context->IsCancelled())
    return call.log().Done(grpc::Status(grpc::StatusCode::CANCELLED, "the export was cancelled"));
  if (!exported.ok()) return call.Finish(exported.status());
  v1::ExportChunk last;
  last.set_text(lines.rest());
  last.set_complete(true);
  last.set_lines(exported->lines);
  last.set_as_of_tx(exported->as_of);
  call.context().rows = exported->lines;
  writer->WriteLast(last, grpc::WriteOptions());
  return call.Finish(Status::Ok());
}

}  // namespace claimgraph::server
