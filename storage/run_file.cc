#include "storage/run_file.h"

#include <unistd.h>

#include <lz4.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace claimgraph::storage {
namespace {

// One block of records: big enough that a merge of many runs reads each in
// long sequential stretches and LZ4 finds the neighbours' repeats, small
// enough that 64 readers (a block and its stored frame each) stay a few tens
// of MiB. Writer and reader share it: a block never holds more.
constexpr size_t kBlock = 256 << 10;
constexpr size_t kFrameHeader = 8;  // u32 raw size, u32 stored size (0 = raw)

Status ErrnoError(const std::string& what, const std::string& path) {
  return Status::IOError(what + " " + path + ": " + std::strerror(errno));
}

void PutU32(char* at, uint32_t v) { std::memcpy(at, &v, 4); }
uint32_t GetU32(const char* at) {
  uint32_t v;
  std::memcpy(&v, at, 4);
  return v;
}

}  // namespace

RunWriter::RunWriter(std::string path, std::FILE* file, RunFormat format)
    : path_(std::move(path)), file_(file), format_(format), buffer_(new char[kBlock]) {
  std::setvbuf(file_.get(), nullptr, _IONBF, 0);
  if (format_ == RunFormat::kLz4) compressed_.reset(new char[kFrameHeader + LZ4_compressBound(kBlock)]);
}

Result<RunWriter> RunWriter::Create(const std::string& path, RunFormat format) {
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return ErrnoError("cannot create", path);
  return RunWriter(path, f, format);
}

Status RunWriter::Flush() {
  if (used_ == 0) return Status::Ok();
  const char* out = buffer_.get();
  size_t size = used_;
  if (format_ == RunFormat::kLz4) {
    char* frame = compressed_.get();
    const int packed = LZ4_compress_default(buffer_.get(), frame + kFrameHeader, static_cast<int>(used_),
                                            LZ4_compressBound(kBlock));
    const bool shrank = packed > 0 && static_cast<size_t>(packed) < used_;
    PutU32(frame, static_cast<uint32_t>(used_));
    PutU32(frame + 4, shrank ? static_cast<uint32_t>(packed) : 0);
    if (!shrank) std::memcpy(frame + kFrameHeader, buffer_.get(), used_);
    out = frame;
    size = kFrameHeader + (shrank ? static_cast<size_t>(packed) : used_);
  }
  if (std::fwrite(out, 1, size, file_.get()) != size) return ErrnoError("cannot write", path_);
  stored_bytes_ += size;
  used_ = 0;
  return Status::Ok();
}

Status RunWriter::Write(const void* bytes, size_t size) {
  if (!file_) return Status::Internal("write to closed run file " + path_);
  bytes_ += size;
  const char* in = static_cast<const char*>(bytes);
  while (size > 0) {
    if (used_ == kBlock) CG_RETURN_IF_ERROR(Flush());
    const size_t n = std::min(size, kBlock - used_);
    std::memcpy(buffer_.get() + used_, in, n);
    used_ += n;
    in += n;
    size -= n;
  }
  return Status::Ok();
}

Status RunWriter::Close() {
  if (!file_) return Status::Ok();
  Status flushed = Flush();
  std::FILE* f = file_.release();
  used_ = 0;
  const bool closed = std::fclose(f) == 0;
  if (!flushed.ok()) return flushed;
  return closed ? Status::Ok() : ErrnoError("cannot write", path_);
}

RunReader::RunReader(std::string path, std::FILE* file, RunFormat format)
    : path_(std::move(path)), file_(file), format_(format), buffer_(new char[kBlock]) {
  std::setvbuf(file_.get(), nullptr, _IONBF, 0);
  if (format_ == RunFormat::kLz4) compressed_.reset(new char[LZ4_compressBound(kBlock)]);
}

Result<RunReader> RunReader::Open(const std::string& path, RunFormat format) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return ErrnoError("cannot open", path);
  return RunReader(path, f, format);
}

Result<size_t> RunReader::Fill() {
  std::FILE* f = file_.get();
  if (format_ == RunFormat::kPlain) {
    const size_t got = std::fread(buffer_.get(), 1, kBlock, f);
    if (got == 0 && std::ferror(f)) return ErrnoError("cannot read", path_);
    return got;
  }
  char header[kFrameHeader];
  const size_t got = std::fread(header, 1, kFrameHeader, f);
  if (got == 0) {
    if (std::ferror(f)) return ErrnoError("cannot read", path_);
    return size_t{0};
  }
  if (got != kFrameHeader) return Status::Corruption("run file " + path_ + " ends inside a block's header");
  const uint32_t raw = GetU32(header), stored = GetU32(header + 4);
  if (raw == 0 || raw > kBlock || stored > static_cast<uint32_t>(LZ4_compressBound(kBlock)))
    return Status::Corruption("run file " + path_ + " has a malformed block header");
  char* into = stored == 0 ? buffer_.get() : compressed_.get();
  const size_t want = stored == 0 ? raw : stored;
  if (std::fread(into, 1, want, f) != want) {
    if (std::ferror(f)) return ErrnoError("cannot read", path_);
    return Status::Corruption("run file " + path_ + " ends inside a block");
  }
  if (stored != 0 && LZ4_decompress_safe(compressed_.get(), buffer_.get(), static_cast<int>(stored),
                                         static_cast<int>(raw)) != static_cast<int>(raw))
    return Status::Corruption("run file " + path_ + " has a block that does not decompress");
  return size_t{raw};
}

Result<bool> RunReader::Read(void* bytes, size_t size) {
  char* out = static_cast<char*>(bytes);
  for (size_t need = size; need > 0;) {
    if (at_ == end_) {
      at_ = 0;
      CG_ASSIGN_OR_RETURN(end_, Fill());
      if (end_ == 0) {
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

Status ReadFullyAt(int fd, const std::string& path, void* out, size_t size, uint64_t offset) {
  char* to = static_cast<char*>(out);
  while (size > 0) {
    const ssize_t got = ::pread(fd, to, size, static_cast<off_t>(offset));
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return Status::IOError("cannot read " + path + ": " + (got < 0 ? std::strerror(errno) : "short read"));
    to += got;
    offset += static_cast<uint64_t>(got);
    size -= static_cast<size_t>(got);
  }
  return Status::Ok();
}

}  // namespace claimgraph::storage
