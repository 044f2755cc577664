#include "tests/ingest/construction_suite.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <sstream>
#include <stdexcept>

#include "tests/ingest/ingest_test_util.h"

namespace claimgraph::ingest::testing {
namespace {

std::string SuiteDir() { return SourceDir() + "/tests/ingest/constructions"; }

SuiteClaim ParseClaim(const nlohmann::json& j) {
  SuiteClaim c{j.at("subject"), j.at("predicate"), j.at("object"), j.at("modality"), ""};
  if (j.contains("time")) c.time = j.at("time");
  return c;
}

SuiteEntry ParseEntry(const nlohmann::json& j) {
  SuiteEntry e{j.at("id"), j.at("constructions"), j.at("split"), j.at("text"), {}};
  for (const auto& c : j.at("expect")) e.expect.push_back(ParseClaim(c));
  return e;
}

Suite Load() {
  Suite suite;
  const std::string sentences = SuiteDir() + "/sentences.jsonl";
  const std::string misses = SuiteDir() + "/known_misses.tsv";
  const std::string* file = &sentences;
  int line_no = 0;
  std::string line;
  try {
    std::istringstream in(ReadFileOrDie(sentences));
    while (std::getline(in, line)) {
      ++line_no;
      if (!line.empty()) suite.entries.push_back(ParseEntry(nlohmann::json::parse(line)));
    }
    // id <TAB> reason; lines starting with '#' are comments.
    file = &misses;
    line_no = 0;
    std::istringstream tsv(ReadFileOrDie(misses));
    while (std::getline(tsv, line)) {
      ++line_no;
      if (line.empty() || line[0] == '#') continue;
      auto tab = line.find('\t');
      if (tab == std::string::npos) throw std::runtime_error("expected id<TAB>reason");
      if (!suite.known_misses.emplace(line.substr(0, tab), line.substr(tab + 1)).second)
        throw std::runtime_error("id listed twice");
    }
  } catch (const std::exception& e) {
    suite.entries.clear();
    suite.known_misses.clear();
    suite.error = *file + (line_no ? ":" + std::to_string(line_no) : "") + ": " + e.what();
  }
  return suite;
}

const std::map<std::string, bool>& Symmetry() {
  static const auto symmetry = [] {
    std::map<std::string, bool> m;
    auto j = nlohmann::json::parse(ReadFileOrDie(SourceDir() + "/examples/gazetteer.json"));
    for (const auto& p : j.at("predicates")) m[p.at("name")] = p.value("symmetric", false);
    return m;
  }();
  return symmetry;
}

}  // namespace

bool TimesOverlap(const std::string& found, const std::string& expected) {
  if (found.empty()) return false;
  auto lower = [](std::string x) {
    for (char& ch : x) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return x;
  };
  const std::string f = lower(found), e = lower(expected);
  return e.find(f) != std::string::npos || f.find(e) != std::string::npos;
}

const Suite& LoadedSuite() {
  static const Suite suite = Load();
  return suite;
}

std::shared_ptr<const IngestPipeline> SuitePipeline() { return testing::GazetteerPipeline(); }

bool KnownPredicate(const std::string& predicate) { return Symmetry().count(predicate) > 0; }

bool SymmetricPredicate(const std::string& predicate) {
  auto it = Symmetry().find(predicate);
  return it != Symmetry().end() && it->second;
}

std::string ClaimKey(const std::string& subject, const std::string& predicate, const std::string& object,
                     const std::string& modality) {
  bool swap = SymmetricPredicate(predicate) && object < subject;
  return (swap ? object : subject) + " " + predicate + " " + (swap ? subject : object) + " [" + modality + "]";
}

std::string EntryOutcome::Diff() const {
  std::string out;
  for (const auto& k : missing) out += "  missing:    " + k + "\n";
  for (const auto& k : unexpected) out += "  unexpected: " + k + "\n";
  out += quotes.empty() ? "  the pipeline found no claim\n" : "  the pipeline found:\n";
  for (const auto& q : quotes) out += "    " + q + "\n";
  return out;
}

const EntryOutcome& RunEntry(const SuiteEntry& entry) {
  static std::map<std::string, EntryOutcome> runs;
  auto [it, fresh] = runs.try_emplace(entry.id);
  EntryOutcome& o = it->second;
  if (!fresh) return o;
  for (const auto& c : entry.expect) {
    std::string key = ClaimKey(c.subject, c.predicate, c.object, c.modality);
    o.expected.insert(key);
    o.predicate_of[key] = c.predicate;
  }
  // An expected claim that states its time matches only a claim whose time
  // expression overlaps it as text ("in 2025" in "left ECOWAS in 2025"); one
  // found only without it, or with another, is counted as a different claim.
  std::map<std::string, std::string> expected_time;
  for (const auto& c : entry.expect)
    if (!c.time.empty()) expected_time[ClaimKey(c.subject, c.predicate, c.object, c.modality)] = c.time;
  std::map<std::string, std::vector<std::string>> times_of;  // key -> the time texts it was found with
  for (const auto& c : SuitePipeline()->Extract(entry.text).claims) {
    std::string key = ClaimKey(c.subject, c.predicate, c.object, base::ModalityName(c.modality));
    times_of[key].push_back(c.time.text);
    o.predicate_of[key] = c.predicate;
    o.quotes.push_back(key + "  \"" + c.quote + "\"" + (c.time.text.empty() ? "" : "  time \"" + c.time.text + "\""));
  }
  for (const auto& [key, times] : times_of) {
    auto want = expected_time.find(key);
    if (want == expected_time.end() ||
        std::any_of(times.begin(), times.end(), [&](const std::string& t) { return TimesOverlap(t, want->second); })) {
      o.got.insert(key);
      continue;
    }
    std::string wrong = key + " (time " + (times.front().empty() ? "none" : "\"" + times.front() + "\"") +
                        ", expected \"" + want->second + "\")";
    o.got.insert(wrong);
    o.predicate_of[wrong] = o.predicate_of[key];
  }
  for (const auto& k : o.expected)
    if (!o.got.count(k)) o.missing.insert(k);
  for (const auto& k : o.got)
    if (!o.expected.count(k)) o.unexpected.insert(k);
  return o;
}

}  // namespace claimgraph::ingest::testing
