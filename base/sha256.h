// SHA-256 through OpenSSL's EVP interface (no hand-written crypto).
#pragma once

#include <string>
#include <string_view>

namespace claimgraph::base {

// Incremental hasher; Finish() returns the raw 32-byte digest.
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;
  void Update(std::string_view data);
  std::string Finish();

 private:
  void* ctx_;  // EVP_MD_CTX*, kept opaque so OpenSSL headers stay in sha256.cc
};

std::string Sha256Digest(std::string_view data);  // raw 32 bytes
std::string HexEncode(std::string_view bytes);
std::string Sha256Hex(std::string_view data);

}  // namespace claimgraph::base
