#include "storage/spilling_name_table.h"

#include "storage/run_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

namespace claimgraph::storage {
namespace {

// A name's record in the names file: id, the two sizes (name size 0: the
// name is its own normal form, as in CreatedNameTable), norm, name.
constexpr size_t kHeader = 16;

// Appends to one file through a 1 MiB buffer.
class Appender {
 public:
  Appender(int fd, const std::string& path, uint64_t* size) : fd_(fd), path_(path), size_(size) {}
  Status Add(const void* bytes, size_t n) {
    buffer_.append(static_cast<const char*>(bytes), n);
    return buffer_.size() >= (1u << 20) ? Flush() : Status::Ok();
  }
  Status Flush() {
    for (size_t at = 0; at < buffer_.size();) {
      const ssize_t wrote = ::write(fd_, buffer_.data() + at, buffer_.size() - at);
      if (wrote < 0) {
        if (errno == EINTR) continue;
        return Status::IOError("cannot write " + path_ + ": " + std::strerror(errno));
      }
      at += static_cast<size_t>(wrote);
    }
    *size_ += buffer_.size();
    buffer_.clear();
    return Status::Ok();
  }

 private:
  int fd_;
  const std::string& path_;
  uint64_t* size_;
  std::string buffer_;
};

}  // namespace

void SpillingNameTable::Bound(std::string dir, std::string prefix, size_t memory_bytes) {
  names_path_ = dir + "/" + prefix + ".names";
  hashes_path_ = dir + "/" + prefix + ".hashes";
  max_bytes_ = std::max<size_t>(memory_bytes, 1);
}

size_t SpillingNameTable::MemoryBytes() const {
  size_t runs = runs_.capacity() * sizeof(Run);
  for (const Run& r : runs_) runs += r.first_hash.capacity() * sizeof(uint64_t) + r.bloom.bytes();
  return table_.MemoryBytes() + name_blocks_.capacity() * sizeof(NameBlock) + runs +
         block_.capacity();
}

Result<std::optional<EntityId>> SpillingNameTable::Find(std::string_view norm) {
  CG_RETURN_IF_ERROR(status_);
  if (std::optional<EntityId> id = table_.Find(norm)) return id;
  if (runs_.empty()) return std::optional<EntityId>();
  const uint64_t h = hash_(norm);
  for (auto run = runs_.rbegin(); run != runs_.rend(); ++run) {
    if (!run->bloom.MayContain(h)) continue;
    CG_ASSIGN_OR_RETURN(std::optional<EntityId> id, FindInRun(*run, norm, h));
    if (id) return id;
  }
  return std::optional<EntityId>();
}

Result<std::optional<SpillingNameTable::Created>> SpillingNameTable::FindId(EntityId id) {
  CG_RETURN_IF_ERROR(status_);
  if (std::optional<Created> c = table_.FindId(id)) return c;
  return ReadSpilled(id);
}

Status SpillingNameTable::Add(std::string_view norm, std::string_view name, EntityId id) {
  CG_RETURN_IF_ERROR(status_);
  table_.Add(norm, name, id);
  // At least kMinSpill names a spill: the table's first 1 MiB block of names
  // is over a tiny budget's share (the tests'), which would spill every name.
  if (max_bytes_ != 0 && table_.size() >= kMinSpill && table_.MemoryBytes() >= max_bytes_) status_ = Spill();
  return status_;
}

Status SpillingNameTable::ForEach(const std::function<Status(const Created&)>& each) {
  CG_RETURN_IF_ERROR(status_);
  // The names file front to back in 1 MiB reads; a name cut by a read's end
  // starts the next read.
  std::string buffer;
  size_t used = 0;  // bytes of buffer not yet handed out start at `used`
  for (uint64_t at = 0; at < names_size_;) {
    buffer.erase(0, used);
    used = 0;
    const size_t keep = buffer.size();
    const size_t n = static_cast<size_t>(std::min<uint64_t>(std::max<size_t>(1u << 20, keep), names_size_ - at));
    buffer.resize(keep + n);
    CG_RETURN_IF_ERROR(ReadFullyAt(names_fd_, names_path_, buffer.data() + keep, n, at));
    at += n;
    while (buffer.size() - used >= kHeader) {
      const char* p = buffer.data() + used;
      EntityId id;
      uint32_t norm_size, name_size;
      std::memcpy(&id, p, 8);
      std::memcpy(&norm_size, p + 8, 4);
      std::memcpy(&name_size, p + 12, 4);
      if (buffer.size() - used < kHeader + norm_size + name_size) break;  // cut: the next read completes it
      const std::string_view norm(p + kHeader, norm_size);
      CG_RETURN_IF_ERROR(each({id, norm, name_size == 0 ? norm : std::string_view(p + kHeader + norm_size, name_size)}));
      used += kHeader + norm_size + name_size;
    }
  }
  if (used != buffer.size())
    return Status::Corruption(names_path_ + ": its last name is cut short (" + std::to_string(buffer.size() - used) +
                              " bytes left)");
  for (size_t i = 0; i < table_.size(); ++i) CG_RETURN_IF_ERROR(each(table_.At(i)));
  return Status::Ok();
}

void SpillingNameTable::Clear() {
  table_.Clear();
  for (int* fd : {&names_fd_, &hashes_fd_})
    if (*fd >= 0) {
      ::close(*fd);
      *fd = -1;
    }
  std::error_code ec;
  if (!names_path_.empty()) std::filesystem::remove(names_path_, ec);
  if (!hashes_path_.empty()) std::filesystem::remove(hashes_path_, ec);
  names_size_ = hashes_size_ = 0;
  std::vector<NameBlock>().swap(name_blocks_);
  std::vector<Run>().swap(runs_);
  spilled_ = 0;
  last_spilled_id_ = 0;
  std::string().swap(block_);
}

Status SpillingNameTable::OpenFiles() {
  if (names_fd_ >= 0) return Status::Ok();
  for (auto [fd, path] : {std::pair{&names_fd_, &names_path_}, std::pair{&hashes_fd_, &hashes_path_}}) {
    *fd = ::open(path->c_str(), O_RDWR | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0600);
    if (*fd < 0) return Status::IOError("cannot create " + *path + ": " + std::strerror(errno));
  }
  return Status::Ok();
}

Status SpillingNameTable::Spill() {
  CG_RETURN_IF_ERROR(OpenFiles());
  // The names, in id order, after the last spill's.
  Appender names(names_fd_, names_path_, &names_size_);
  uint64_t offset = names_size_;
  std::vector<HashRow> rows;
  rows.reserve(table_.size());
  for (size_t i = 0; i < table_.size(); ++i) {
    const Created c = table_.At(i);
    if ((spilled_ + i) % kBlock == 0) name_blocks_.push_back({c.id, offset});
    const uint32_t norm_size = static_cast<uint32_t>(c.norm.size());
    const uint32_t name_size = c.name == c.norm ? 0 : static_cast<uint32_t>(c.name.size());
    char header[kHeader];
    std::memcpy(header, &c.id, 8);
    std::memcpy(header + 8, &norm_size, 4);
    std::memcpy(header + 12, &name_size, 4);
    CG_RETURN_IF_ERROR(names.Add(header, kHeader));
    CG_RETURN_IF_ERROR(names.Add(c.norm.data(), norm_size));
    if (name_size) CG_RETURN_IF_ERROR(names.Add(c.name.data(), name_size));
    rows.push_back({hash_(c.norm), offset});
    offset += kHeader + norm_size + name_size;
  }
  CG_RETURN_IF_ERROR(names.Flush());
  // The (hash, id) rows, sorted, as one run of the hashes file.
  std::sort(rows.begin(), rows.end(),
            [](const HashRow& a, const HashRow& b) { return a.hash != b.hash ? a.hash < b.hash : a.offset < b.offset; });
  Run run;
  run.offset = hashes_size_;
  run.rows = rows.size();
  run.bloom = BlockedBloom(rows.size());
  Appender hashes(hashes_fd_, hashes_path_, &hashes_size_);
  for (size_t i = 0; i < rows.size(); ++i) {
    if (i % kRowBlock == 0) run.first_hash.push_back(rows[i].hash);
    run.bloom.Add(rows[i].hash);
    CG_RETURN_IF_ERROR(hashes.Add(&rows[i], sizeof(HashRow)));
  }
  CG_RETURN_IF_ERROR(hashes.Flush());
  runs_.push_back(std::move(run));
  spilled_ += rows.size();
  last_spilled_id_ = table_.At(table_.size() - 1).id;
  table_.Clear();
  return Status::Ok();
}

Result<std::optional<EntityId>> SpillingNameTable::FindInRun(const Run& run, std::string_view norm, uint64_t h) {
  // Rows of hash h start in the last block whose first hash is below h (or
  // in the first block).
  size_t b = std::lower_bound(run.first_hash.begin(), run.first_hash.end(), h) - run.first_hash.begin();
  if (b > 0) --b;
  HashRow rows[kRowBlock];
  for (; b < run.first_hash.size(); ++b) {
    if (run.first_hash[b] > h) break;
    const size_t n = std::min<uint64_t>(kRowBlock, run.rows - b * kRowBlock);
    CG_RETURN_IF_ERROR(
        ReadFullyAt(hashes_fd_, hashes_path_, rows, n * sizeof(HashRow), run.offset + b * kRowBlock * sizeof(HashRow)));
    for (size_t i = 0; i < n; ++i) {
      if (rows[i].hash > h) return std::optional<EntityId>();
      if (rows[i].hash != h) continue;
      // The same hash: the name itself decides.
      CG_ASSIGN_OR_RETURN(Created c, ReadNameAt(rows[i].offset));
      if (c.norm == norm) return std::optional<EntityId>(c.id);
    }
  }
  return std::optional<EntityId>();
}

Result<SpillingNameTable::Created> SpillingNameTable::ReadNameAt(uint64_t offset) {
  // One read for most names (a header and ~100 bytes), a second for a longer one.
  const auto corrupt = [&] {
    return Status::Corruption(hashes_path_ + " points at offset " + std::to_string(offset) + ", where " +
                              names_path_ + " holds no whole name");
  };
  if (offset + kHeader > names_size_) return corrupt();
  block_.resize(static_cast<size_t>(std::min<uint64_t>(128, names_size_ - offset)));
  CG_RETURN_IF_ERROR(ReadFullyAt(names_fd_, names_path_, block_.data(), block_.size(), offset));
  EntityId id;
  uint32_t norm_size, name_size;
  std::memcpy(&id, block_.data(), 8);
  std::memcpy(&norm_size, block_.data() + 8, 4);
  std::memcpy(&name_size, block_.data() + 12, 4);
  const uint64_t size = kHeader + uint64_t{norm_size} + name_size;
  if (offset + size > names_size_) return corrupt();
  if (size > block_.size()) {
    const size_t had = block_.size();
    block_.resize(size);
    CG_RETURN_IF_ERROR(ReadFullyAt(names_fd_, names_path_, block_.data() + had, size - had, offset + had));
  }
  const std::string_view norm(block_.data() + kHeader, norm_size);
  return Created{id, norm, name_size == 0 ? norm : std::string_view(norm.data() + norm_size, name_size)};
}

Result<std::optional<SpillingNameTable::Created>> SpillingNameTable::ReadSpilled(EntityId id) {
  if (name_blocks_.empty() || id > last_spilled_id_) return std::optional<Created>();
  auto after = std::upper_bound(name_blocks_.begin(), name_blocks_.end(), id,
                                [](EntityId want, const NameBlock& b) { return want < b.first_id; });
  if (after == name_blocks_.begin()) return std::optional<Created>();
  const uint64_t begin = std::prev(after)->offset;
  const uint64_t end = after == name_blocks_.end() ? names_size_ : after->offset;
  block_.resize(end - begin);
  CG_RETURN_IF_ERROR(ReadFullyAt(names_fd_, names_path_, block_.data(), block_.size(), begin));
  for (size_t at = 0; at + kHeader <= block_.size();) {
    EntityId got;
    uint32_t norm_size, name_size;
    std::memcpy(&got, block_.data() + at, 8);
    std::memcpy(&norm_size, block_.data() + at + 8, 4);
    std::memcpy(&name_size, block_.data() + at + 12, 4);
    if (at + kHeader + norm_size + name_size > block_.size())
      return Status::Corruption(names_path_ + ": a name runs past its block at offset " + std::to_string(begin + at));
    if (got == id) {
      const std::string_view norm(block_.data() + at + kHeader, norm_size);
      return std::optional<Created>(
          Created{id, norm, name_size == 0 ? norm : std::string_view(norm.data() + norm_size, name_size)});
    }
    if (got > id) break;
    at += kHeader + norm_size + name_size;
  }
  return std::optional<Created>();
}

}  // namespace claimgraph::storage
