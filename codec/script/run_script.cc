#include "codec/script/run_script.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>

#include "codec/script/script_diagnostic.h"
#include "codec/script/split_statements.h"

namespace claimgraph::codec {

Result<Script> ReadScript(const std::string& path) {
  Script script;
  std::stringstream text;
  if (path == "-") {
    script.name = "<stdin>";
    text << std::cin.rdbuf();
    if (std::cin.bad()) return Status::IOError("cannot read standard input");
  } else {
    script.name = path;
    std::ifstream in(path, std::ios::binary);
    if (!in) return Status::NotFound("cannot read " + path + ": " + std::strerror(errno));
    text << in.rdbuf();
    if (in.bad()) return Status::IOError("cannot read " + path + ": " + std::strerror(errno));
  }
  script.text = std::move(text).str();
  constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
  if (std::string_view(script.text).substr(0, 3) == kByteOrderMark) script.text.erase(0, 3);
  return script;
}

int RunScript(const Script& script, const StatementRunner& run, std::ostream& err) {
  for (const ScriptStatement& statement : SplitStatements(script.text)) {
    if (!statement.terminated) err << kUnterminatedLastStatement << "\n";
    Status status = run(statement.text);
    if (!status.ok()) {
      err << LocateInScript(script.name, script.text, statement, status.message()) << "\n";
      return 1;
    }
  }
  return 0;
}

int RunScriptFile(const std::string& path, const StatementRunner& run, std::ostream& err) {
  Result<Script> script = ReadScript(path);
  if (!script.ok()) {
    err << "error: " << script.status().message() << "\n";
    return 1;
  }
  return RunScript(*script, run, err);
}

}  // namespace claimgraph::codec
