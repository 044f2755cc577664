#include "storage/run_file.h"

#include <cerrno>
#include <cstring>

namespace claimgraph::storage {
namespace {

// Big enough that a merge of many runs reads each in long sequential
// stretches, small enough that 64 of them stay a few tens of MiB.
constexpr size_t kWriteBuffer = 1 << 20;
constexpr size_t kReadBuffer = 256 << 10;

Status ErrnoError(const std::string& what, const std::string& path) {
  return Status::IOError(what + " " + path + ": " + std::strerror(errno));
}

}  // namespace

RunWriter::RunWriter(std::string path, std::FILE* file)
    : path_(std::move(path)), file_(file), buffer_(new char[kWriteBuffer]) {
  std::setvbuf(file_.get(), buffer_.get(), _IOFBF, kWriteBuffer);
}

Result<RunWriter> RunWriter::Create(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return ErrnoError("cannot create", path);
  return RunWriter(path, f);
}

Status RunWriter::Write(const void* bytes, size_t size) {
  if (!file_) return Status::Internal("write to closed run file " + path_);
  if (size && std::fwrite(bytes, 1, size, file_.get()) != size) return ErrnoError("cannot write", path_);
  bytes_ += size;
  return Status::Ok();
}

Status RunWriter::Close() {
  if (!file_) return Status::Ok();
  std::FILE* f = file_.release();
  const bool flushed = std::fflush(f) == 0;
  const bool closed = std::fclose(f) == 0;
  return flushed && closed ? Status::Ok() : ErrnoError("cannot write", path_);
}

RunReader::RunReader(std::string path, std::FILE* file)
    : path_(std::move(path)), file_(file), buffer_(new char[kReadBuffer]) {
  std::setvbuf(file_.get(), buffer_.get(), _IOFBF, kReadBuffer);
}

Result<RunReader> RunReader::Open(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return ErrnoError("cannot open", path);
  return RunReader(path, f);
}

Result<bool> RunReader::Read(void* bytes, size_t size) {
  const size_t got = std::fread(bytes, 1, size, file_.get());
  if (got == size) return true;
  if (std::ferror(file_.get())) return ErrnoError("cannot read", path_);
  if (got == 0) return false;
  return Status::Corruption("run file " + path_ + " ends inside a record");
}

}  // namespace claimgraph::storage
