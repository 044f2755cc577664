#include "tools/claimgraph/shell.h"

#include <editline/readline.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "codec/script/run_script.h"
#include "codec/script/split_statements.h"
#include "tools/claimgraph/run_query.h"

namespace claimgraph::cli {
namespace {

const char* kHelp =
    "Statements end with ';' and may span lines. Examples:\n"
    "  MATCH ?who shares-intel \"Japan\" RETURN ?who;\n"
    "  MATCH \"Japan\" pact+ ?x RETURN ?x WITH PROVENANCE;\n"
    "  MATCH ?a pact ?b AS ?c VALID AT \"2016\" RETURN ?a, ?b, BELIEF(?c) AS belief;\n"
    "  SHOW PREDICATES;  SHOW CLAIM 1;  SHOW SOURCE \"key\" WITH TEXT;  HISTORY CLAIM 1;\n"
    "  AUDIT VERIFY INDEXES EVIDENCE;  CHANGES SINCE TX 1 MATCH ?a pact ?b;\n"
    "  DEPRECATE SOURCE \"key\" REASON \"discredited\";  MATCH ... WITH DEPRECATED RETURN ...;\n"
    "  The language: docs/claimql.md\n"
    "Commands:\n"
    "  \\format table|json|csv   how rows are printed\n"
    "  \\timing                  toggle elapsed time after each statement\n"
    "  \\explain                 toggle: show the plan instead of running MATCH statements\n"
    "  \\help                    this text\n"
    "  \\q                       quit (or Ctrl-D)\n";

size_t TerminalWidth() {
  winsize w{};
  if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &w) == 0 && w.ws_col > 20) return w.ws_col;
  return 0;
}

std::string Trim(const std::string& s) {
  size_t a = s.find_first_not_of(" \t\r\n");
  if (a == std::string::npos) return "";
  size_t b = s.find_last_not_of(" \t\r\n");
  return s.substr(a, b - a + 1);
}

}  // namespace

int RunShell(Client& client) {
  const bool tty = isatty(STDIN_FILENO);
  std::string history_file;
  if (tty && std::getenv("HOME")) {
    history_file = std::string(std::getenv("HOME")) + "/.claimgraph_history";
    read_history(history_file.c_str());
    std::cout << "claimgraph console — \\help for help, \\q to quit\n";
  }
  PrintOptions print;
  bool explain = false;
  int failures = 0;
  auto run = [&](std::string statement) {
    if (explain && statement.size() >= 5 && std::equal(statement.begin(), statement.begin() + 5, "MATCH",
                                                       [](char a, char b) { return std::toupper(a) == b; }))
      statement = "EXPLAIN " + statement;
    print.width = tty ? TerminalWidth() : 0;
    failures += RunQuery(client, statement, print, std::cout, std::cerr);
  };
  std::string buffer;  // lines of statements not yet ended by ';'
  while (true) {
    std::string line;
    if (tty) {
      char* raw = readline(buffer.empty() ? "claimgraph> " : "        ...> ");
      if (!raw) break;
      line = raw;
      std::free(raw);
    } else if (!std::getline(std::cin, line)) {
      break;
    }
    std::string trimmed = Trim(line);
    if (buffer.empty() && !trimmed.empty() && trimmed[0] == '\\') {
      if (tty) add_history(trimmed.c_str());
      if (trimmed == "\\q" || trimmed == "\\quit") break;
      if (trimmed == "\\help" || trimmed == "\\?") {
        std::cout << kHelp;
      } else if (trimmed == "\\timing") {
        print.timing = !print.timing;
        std::cout << "timing " << (print.timing ? "on" : "off") << "\n";
      } else if (trimmed == "\\explain") {
        explain = !explain;
        std::cout << "explain " << (explain ? "on" : "off") << "\n";
      } else if (trimmed.rfind("\\format", 0) == 0) {
        std::string f = Trim(trimmed.substr(7));
        if (f == "table" || f == "json" || f == "csv") {
          print.format = f;
          std::cout << "format " << f << "\n";
        } else {
          std::cerr << "error: \\format takes table, json or csv\n";
          ++failures;
        }
      } else {
        std::cerr << "error: unknown command " << trimmed << " (\\help lists them)\n";
        ++failures;
      }
      continue;
    }
    if (buffer.empty() && trimmed.empty()) continue;
    buffer += (buffer.empty() ? "" : "\n") + line;
    // The same splitter as `claimgraph query -f`: a ';' in a string or a
    // comment does not end a statement; a line may end several.
    std::string rest;
    size_t consumed = 0;
    std::vector<std::string> ended;
    for (const codec::ScriptStatement& s : codec::SplitStatements(buffer)) {
      if (!s.terminated) {
        rest = buffer.substr(s.offset);
        break;
      }
      ended.emplace_back(s.text);
      consumed = s.end;
    }
    if (tty && consumed > 0) add_history(Trim(buffer.substr(0, consumed)).c_str());
    buffer = std::move(rest);  // nothing but blanks and comments left: a fresh prompt
    for (auto& statement : ended) run(std::move(statement));
  }
  if (!buffer.empty()) {
    // Scripted, the input ends the last statement as `claimgraph query -f`'s
    // file does: it runs, with the same warning. At a terminal, Ctrl-D on a
    // half-typed statement abandons it.
    if (tty) {
      std::cerr << "error: the last statement has no closing ';'\n";
      ++failures;
    } else {
      std::cerr << codec::kUnterminatedLastStatement << "\n";
      run(std::string(codec::SplitStatements(buffer).front().text));
    }
  }
  if (!history_file.empty()) write_history(history_file.c_str());
  return failures == 0 ? 0 : 1;
}

}  // namespace claimgraph::cli
