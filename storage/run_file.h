// Sequential files of sorted records for the external sorts of a bulk import
// (storage/external_sort.h, storage/row_sorter.h): written once, front to
// back, then read once, front to back. Buffered here, with stdio's own
// buffering off: a merge reads one record at a time, and fread per record
// took its lock each time (2.5% of a 5M-claim import).
//
// A run is written in blocks of up to 256 KiB of records, each compressed
// with LZ4 (RunFormat::kLz4, the default): `u32 raw size, u32 stored size`
// (stored size 0: the block is stored as it is, when LZ4 would not shrink
// it), then the bytes. Why: a 20M-claim import spills ~7 GB of sorted index
// entries, whose ids share most of their bytes with their neighbours', and
// copying them into and out of the page cache was the import's largest
// single cost (13% of its CPU, more on a machine whose memory is touched for
// the first time); LZ4 costs a fraction of that. RunFormat::kPlain is for a
// file read at offsets (the duplicate rule's rows, read by pread).
#pragma once

#include <cstdio>
#include <memory>
#include <string>

#include "base/status.h"

namespace claimgraph::storage {

enum class RunFormat { kLz4, kPlain };

// Reads exactly `size` bytes of `path` (open as `fd`) at `offset`, for the
// tables that read their spilled rows at offsets (RunFormat::kPlain files):
// an IOError naming the file when it cannot, or when the file ends first.
Status ReadFullyAt(int fd, const std::string& path, void* out, size_t size, uint64_t offset);

class RunWriter {
 public:
  // Creates (truncates) `path`.
  static Result<RunWriter> Create(const std::string& path, RunFormat format = RunFormat::kLz4);
  Status Write(const void* bytes, size_t size);
  // Flushes and closes; the file is complete only when this returned Ok.
  Status Close();
  uint64_t bytes_written() const { return bytes_; }       // records' bytes
  uint64_t bytes_stored() const { return stored_bytes_; }  // the file's bytes, once closed

 private:
  RunWriter(std::string path, std::FILE* file, RunFormat format);
  Status Flush();  // buffer_[0, used_) to the file
  struct Closer {
    void operator()(std::FILE* f) const { std::fclose(f); }
  };
  std::string path_;
  std::unique_ptr<std::FILE, Closer> file_;
  RunFormat format_;
  std::unique_ptr<char[]> buffer_;
  std::unique_ptr<char[]> compressed_;  // kLz4: a block's frame
  size_t used_ = 0;  // bytes of buffer_ not yet written
  uint64_t bytes_ = 0, stored_bytes_ = 0;
};

class RunReader {
 public:
  // `format`: the one the file was written in.
  static Result<RunReader> Open(const std::string& path, RunFormat format = RunFormat::kLz4);
  // Reads exactly `size` bytes: true when read, false at the end of the file
  // (before any byte); an error when the file ends inside the record.
  Result<bool> Read(void* bytes, size_t size);

 private:
  RunReader(std::string path, std::FILE* file, RunFormat format);
  // Refills buffer_: its bytes (0 at the end of the file) or an error.
  Result<size_t> Fill();
  struct Closer {
    void operator()(std::FILE* f) const { std::fclose(f); }
  };
  std::string path_;
  std::unique_ptr<std::FILE, Closer> file_;
  RunFormat format_;
  std::unique_ptr<char[]> buffer_;
  std::unique_ptr<char[]> compressed_;  // kLz4: a block as stored
  size_t at_ = 0, end_ = 0;  // buffer_[at_, end_) not yet handed out
};

}  // namespace claimgraph::storage
