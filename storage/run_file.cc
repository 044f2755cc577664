#include "storage/run_file.h"

#include <algorithm>
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
  std::setvbuf(file_.get(), nullptr, _IONBF, 0);
}

Result<RunWriter> RunWriter::Create(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return ErrnoError("cannot create", path);
  return RunWriter(path, f);
}

Status RunWriter::Write(const void* bytes, size_t size) {
  if (!file_) return Status::Internal("write to closed run file " + path_);
  bytes_ += size;
  if (used_ + size > kWriteBuffer) {
    if (used_ && std::fwrite(buffer_.get(), 1, used_, file_.get()) != used_) return ErrnoError("cannot write", path_);
    used_ = 0;
    if (size >= kWriteBuffer) {  // a whole buffer of records: straight to the file
      if (std::fwrite(bytes, 1, size, file_.get()) != size) return ErrnoError("cannot write", path_);
      return Status::Ok();
    }
  }
  std::memcpy(buffer_.get() + used_, bytes, size);
  used_ += size;
  return Status::Ok();
}

Status RunWriter::Close() {
  if (!file_) return Status::Ok();
  std::FILE* f = file_.release();
  const bool written = used_ == 0 || std::fwrite(buffer_.get(), 1, used_, f) == used_;
  used_ = 0;
  const bool closed = std::fclose(f) == 0;
  return written && closed ? Status::Ok() : ErrnoError("cannot write", path_);
}

RunReader::RunReader(std::string path, std::FILE* file)
    : path_(std::move(path)), file_(file), buffer_(new char[kReadBuffer]) {
  std::setvbuf(file_.get(), nullptr, _IONBF, 0);
}

Result<RunReader> RunReader::Open(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return ErrnoError("cannot open", path);
  return RunReader(path, f);
}

Result<bool> RunReader::Read(void* bytes, size_t size) {
  char* out = static_cast<char*>(bytes);
  for (size_t need = size; need > 0;) {
    if (at_ == end_) {
      at_ = 0;
      end_ = std::fread(buffer_.get(), 1, kReadBuffer, file_.get());
      if (end_ == 0) {
        if (std::ferror(file_.get())) return ErrnoError("cannot read", path_);
        if (need == size) return false;
        return Status::Corruption("run file " + path_ + " ends inside a record");
      }
    }
    const size_t n = std::min(need, end_ - at_);
    std::memcpy(out, buffer_.get() + at_, n);
    at_ += n;
    out += n;
    need -= n;
  }
  return true;
}

}  // namespace claimgraph::storage
