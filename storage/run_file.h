// Sequential files of sorted records for the external sorts of a bulk import
// (storage/external_sort.h, storage/row_sorter.h): written once, front to
// back, then read once, front to back, through large stdio buffers.
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
};

}  // namespace claimgraph::storage
