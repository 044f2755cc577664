// A fresh temporary directory per test, removed afterwards.
#pragma once

#include <filesystem>
#include <random>
#include <string>

namespace claimgraph::testing {

class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    path_ = (std::filesystem::temp_directory_path() / ("claimgraph-test-" + std::to_string(rd()) + std::to_string(rd())))
                .string();
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace claimgraph::testing
