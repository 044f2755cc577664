// Run files (storage/run_file.h): what is written is read back exactly, in
// either format and whatever the records' sizes against the 256 KiB block;
// sorted index-like records are stored in a fraction of their size and
// random bytes no bigger than they are; a plain file holds the bytes as they
// are (read at offsets); a truncated or damaged file is an error, never
// wrong records.
#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "storage/run_file.h"
#include "tests/storage/store_fixture.h"

namespace claimgraph::storage {
namespace {

using testing::TempDir;
using testing::ValueOrDie;

// Records like a sorted run of index entries: 8 words of small, slowly
// changing ids.
std::vector<std::string> IndexLikeRecords(size_t n) {
  std::vector<std::string> out;
  for (size_t i = 0; i < n; ++i) {
    uint64_t words[8] = {i / 50 + 1, i % 20 + 1, i * 7 + 3, i / 9 + 1, 1, 0, 0x3FE0000000000000ull, 1};
    out.emplace_back(reinterpret_cast<const char*>(words), sizeof(words));
  }
  return out;
}

std::vector<std::string> RandomRecords(std::mt19937_64& rng, size_t n, size_t max_size) {
  std::vector<std::string> out;
  for (size_t i = 0; i < n; ++i) {
    std::string r(1 + rng() % max_size, '\0');
    for (char& c : r) c = static_cast<char>(rng());
    out.push_back(std::move(r));
  }
  return out;
}

RunWriter WriteAll(const std::string& path, const std::vector<std::string>& records, RunFormat format) {
  RunWriter w = ValueOrDie(RunWriter::Create(path, format));
  for (const std::string& r : records) EXPECT_TRUE(w.Write(r.data(), r.size()).ok());
  EXPECT_TRUE(w.Close().ok());
  return w;
}

void ExpectReadsBack(const std::string& path, const std::vector<std::string>& records, RunFormat format) {
  RunReader r = ValueOrDie(RunReader::Open(path, format));
  for (size_t i = 0; i < records.size(); ++i) {
    std::string got(records[i].size(), '\0');
    ASSERT_TRUE(ValueOrDie(r.Read(got.data(), got.size()))) << "record " << i;
    ASSERT_EQ(got, records[i]) << "record " << i;
  }
  char byte;
  EXPECT_FALSE(ValueOrDie(r.Read(&byte, 1)));
}

TEST(RunFile, WhatIsWrittenIsReadBackInEitherFormatAcrossBlocks) {
  TempDir dir;
  std::filesystem::create_directories(dir.path());
  std::mt19937_64 rng(7);
  std::vector<std::vector<std::string>> sets = {
      {},                                      // an empty run
      IndexLikeRecords(20000),                 // 1.2 MiB: several blocks
      RandomRecords(rng, 3000, 700),           // sizes that straddle block ends
      {std::string(700 << 10, 'x'), "tail"},   // one record over two blocks
  };
  sets.push_back(RandomRecords(rng, 4, 300 << 10));  // random records bigger than a block
  for (RunFormat format : {RunFormat::kLz4, RunFormat::kPlain}) {
    for (size_t i = 0; i < sets.size(); ++i) {
      SCOPED_TRACE(std::to_string(i) + (format == RunFormat::kLz4 ? " lz4" : " plain"));
      const std::string path = dir.path() + "/run-" + std::to_string(i);
      WriteAll(path, sets[i], format);
      ExpectReadsBack(path, sets[i], format);
    }
  }
}

TEST(RunFile, SortedRecordsAreStoredSmallerAndRandomOnesNoBigger) {
  TempDir dir;
  std::filesystem::create_directories(dir.path());
  const auto sorted = IndexLikeRecords(40000);  // 2.5 MiB
  RunWriter w = WriteAll(dir.path() + "/sorted", sorted, RunFormat::kLz4);
  EXPECT_EQ(w.bytes_written(), 40000u * 64);
  EXPECT_LT(w.bytes_stored(), w.bytes_written() / 3);
  EXPECT_EQ(std::filesystem::file_size(dir.path() + "/sorted"), w.bytes_stored());

  std::mt19937_64 rng(11);
  const auto noise = RandomRecords(rng, 2000, 1000);
  RunWriter n = WriteAll(dir.path() + "/noise", noise, RunFormat::kLz4);
  // Stored as they are, with an 8-byte header per 256 KiB block.
  EXPECT_LE(n.bytes_stored(), n.bytes_written() + 8 * (n.bytes_written() / (256 << 10) + 1));
  ExpectReadsBack(dir.path() + "/noise", noise, RunFormat::kLz4);

  // Plain: exactly the records' bytes, so a reader may seek to a record.
  RunWriter p = WriteAll(dir.path() + "/plain", sorted, RunFormat::kPlain);
  EXPECT_EQ(std::filesystem::file_size(dir.path() + "/plain"), 40000u * 64);
  std::ifstream in(dir.path() + "/plain", std::ios::binary);
  in.seekg(123 * 64);
  std::string record(64, '\0');
  in.read(record.data(), 64);
  EXPECT_EQ(record, sorted[123]);
}

TEST(RunFile, ATruncatedOrDamagedRunIsAnErrorNotWrongRecords) {
  TempDir dir;
  std::filesystem::create_directories(dir.path());
  const auto records = IndexLikeRecords(20000);
  const std::string path = dir.path() + "/run";
  WriteAll(path, records, RunFormat::kLz4);
  std::string bytes;
  {
    std::ifstream in(path, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  auto read_all = [&](const std::string& content) -> Status {
    std::ofstream(path, std::ios::binary | std::ios::trunc) << content;
    RunReader r = ValueOrDie(RunReader::Open(path));
    std::string got(64, '\0');
    for (size_t i = 0;; ++i) {
      Result<bool> more = r.Read(got.data(), got.size());
      if (!more.ok()) return more.status();
      if (!*more) return i == records.size() ? Status::Ok() : Status::Internal("ended early at " + std::to_string(i));
      if (got != records[i]) return Status::Internal("wrong record " + std::to_string(i));
    }
  };
  ASSERT_TRUE(read_all(bytes).ok());
  const struct {
    std::string content, message;
  } damaged[] = {
      {bytes.substr(0, bytes.size() - 10), "ends inside a block"},
      {bytes.substr(0, 5), "ends inside a block's header"},
      {std::string("\xff\xff\xff\x7f\x10\x00\x00\x00", 8) + bytes.substr(8), "malformed block header"},
      {bytes.substr(0, 8) + std::string(bytes.size() - 8, '\x5a'), "does not decompress"},
  };
  for (const auto& d : damaged) {
    Status st = read_all(d.content);
    EXPECT_EQ(st.code(), StatusCode::kCorruption) << d.message << ": " << st.ToString();
    EXPECT_NE(st.message().find(d.message), std::string::npos) << st.ToString();
  }
}

}  // namespace
}  // namespace claimgraph::storage
