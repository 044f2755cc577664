// Sequential files of sorted records for the external sorts of a bulk import
// (storage/external_sort.h, storage/row_sorter.h): written once, front to
// back, then read once, front to back. Buffered here, with stdio's own
// buffering off: a merge reads one record at a time, and fread per record
// took its lock each time (2.5% of a 5M-claim import).
#pragma once

#include <cstdio>
#include <memory>
#include <string>

#include "base/status.h"

namespace claimgraph::storage {

class RunWriter {
 public:
  // Creates (truncates) `path`.
  static Result<RunWriter> Create(const std::string& path);
  Status Write(const void* bytes, size_t size);
  // Flushes and closes; the file is complete only when this returned Ok.
  Status Close();
  uint64_t bytes_written() const { return bytes_; }

 private:
  RunWriter(std::string path, std::FILE* file);
  struct Closer {
    void operator()(std::FILE* f) const { std::fclose(f); }
  };
  std::string path_;
  std::unique_ptr<std::FILE, Closer> file_;
  std::unique_ptr<char[]> buffer_;
  size_t used_ = 0;  // bytes of buffer_ not yet written
  uint64_t bytes_ = 0;
};

class RunReader {
 public:
  static Result<RunReader> Open(const std::string& path);
  // Reads exactly `size` bytes: true when read, false at the end of the file
  // (before any byte); an error when the file ends inside the record.
  Result<bool> Read(void* bytes, size_t size);

 private:
  RunReader(std::string path, std::FILE* file);
  struct Closer {
    void operator()(std::FILE* f) const { std::fclose(f); }
  };
  std::string path_;
  std::unique_ptr<std::FILE, Closer> file_;
  std::unique_ptr<char[]> buffer_;
  size_t at_ = 0, end_ = 0;  // buffer_[at_, end_) not yet handed out
};

}  // namespace claimgraph::storage
