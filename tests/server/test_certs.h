// Certificates for tests, made with Debian's openssl command line: a
// self-signed one, or a CA and certificates it signs (every one for
// 127.0.0.1 and localhost, valid for a day).
#pragma once

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace claimgraph::testing {

struct TestCert {
  std::string cert, key;  // PEM files
};

namespace detail {
inline bool Run(const std::string& command) { return std::system((command + " >/dev/null 2>&1").c_str()) == 0; }

// `dir`/`name`.pem and .key, self-signed with `extensions` (openssl's
// -addext arguments); empty paths when openssl failed.
inline TestCert SelfSigned(const std::string& dir, const std::string& name, const std::string& extensions) {
  std::filesystem::create_directories(dir);
  TestCert c{dir + "/" + name + ".pem", dir + "/" + name + ".key"};
  if (!Run("openssl req -x509 -newkey rsa:2048 -nodes -keyout " + c.key + " -out " + c.cert + " -days 1 -subj /CN=" +
           name + " " + extensions))
    return {};
  return c;
}
}  // namespace detail

// A server certificate for 127.0.0.1 and localhost, self-signed.
inline TestCert SelfSignedCert(const std::string& dir, const std::string& name) {
  return detail::SelfSigned(dir, name, "-addext subjectAltName=IP:127.0.0.1,DNS:localhost");
}

// A CA (`dir`/`name`.pem, .key) that signs certificates with MakeSignedCert.
inline TestCert MakeTestCa(const std::string& dir, const std::string& name) {
  return detail::SelfSigned(dir, name,
                            "-addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign");
}

// `dir`/`name`.pem and .key, signed by `ca` (the CA's certificate is not in
// the file: a peer that trusts only this file cannot verify it).
inline TestCert MakeSignedCert(const std::string& dir, const std::string& name, const TestCert& ca) {
  std::filesystem::create_directories(dir);
  TestCert c{dir + "/" + name + ".pem", dir + "/" + name + ".key"};
  const std::string csr = dir + "/" + name + ".csr", ext = dir + "/" + name + ".ext";
  std::ofstream(ext) << "subjectAltName=IP:127.0.0.1,DNS:localhost\n";
  if (!detail::Run("openssl req -newkey rsa:2048 -nodes -keyout " + c.key + " -out " + csr + " -subj /CN=" + name) ||
      !detail::Run("openssl x509 -req -in " + csr + " -CA " + ca.cert + " -CAkey " + ca.key +
                   " -CAcreateserial -days 1 -out " + c.cert + " -extfile " + ext))
    return {};
  return c;
}

}  // namespace claimgraph::testing
