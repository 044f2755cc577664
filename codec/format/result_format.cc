#include "codec/format/result_format.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace claimgraph::codec {
namespace {

// Display width in code points (good enough for the scripts our corpus uses).
size_t Width(const std::string& s) {
  return std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
}

std::string Cut(const std::string& s, size_t width) {
  if (Width(s) <= width) return s;
  std::string out;
  size_t w = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    bool start = (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
    if (start && ++w > width - 1) break;
    out.push_back(s[i]);
  }
  return out + "\xE2\x80\xA6";  // …
}

std::string OneLine(std::string s) {
  for (auto& c : s)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  return s;
}

nlohmann::ordered_json ToJson(const Value& v) {
  switch (v.kind) {
    case Value::Kind::kNull: return nullptr;
    case Value::Kind::kBool: return v.boolean;
    case Value::Kind::kNumber:
      if (auto whole = v.integer ? WholeNumber(v.number) : std::nullopt) return *whole;
      return v.number;
    case Value::Kind::kClaim: return v.id;
    case Value::Kind::kList: {
      auto a = nlohmann::ordered_json::array();
      for (const auto& x : v.list) a.push_back(ToJson(x));
      return a;
    }
    default: return v.text;
  }
}

}  // namespace

std::vector<std::string> CellsOf(const std::vector<Value>& row) {
  std::vector<std::string> out;
  for (const auto& v : row) out.push_back(v.ToString());
  return out;
}

std::string FormatTable(const std::vector<std::string>& columns, const std::vector<std::vector<Value>>& rows,
                        const std::vector<std::vector<uint64_t>>& provenance, const TableOptions& options) {
  std::vector<std::string> header = columns;
  std::vector<std::vector<std::string>> cells;
  for (size_t r = 0; r < rows.size(); ++r) {
    std::vector<std::string> line;
    for (const auto& v : rows[r]) line.push_back(OneLine(v.ToString()));
    if (options.show_provenance) {
      std::string ids;
      if (r < provenance.size())
        for (uint64_t id : provenance[r]) {
          if (!ids.empty()) ids += ',';
          ids += std::to_string(id);
        }
      line.push_back(ids);
    }
    cells.push_back(std::move(line));
  }
  if (options.show_provenance) header.push_back("provenance");
  std::vector<size_t> width(header.size());
  for (size_t c = 0; c < header.size(); ++c) {
    width[c] = Width(header[c]);
    for (const auto& line : cells) width[c] = std::max(width[c], Width(line[c]));
  }
  // Shrink the widest columns until the table fits the terminal.
  if (options.max_width) {
    auto total = [&] {
      size_t t = 1;
      for (size_t w : width) t += w + 3;
      return t;
    };
    while (total() > options.max_width) {
      auto widest = std::max_element(width.begin(), width.end());
      if (*widest <= 8) break;
      --*widest;
    }
  }
  auto rule = [&] {
    std::string s = "+";
    for (size_t w : width) s += std::string(w + 2, '-') + "+";
    return s + "\n";
  };
  auto line = [&](const std::vector<std::string>& row) {
    std::string s = "|";
    for (size_t c = 0; c < row.size(); ++c) {
      std::string cell = Cut(row[c], width[c]);
      s += " " + cell + std::string(width[c] - Width(cell), ' ') + " |";
    }
    return s + "\n";
  };
  std::string out = rule() + line(header) + rule();
  for (const auto& row : cells) out += line(row);
  out += rule();
  out += std::to_string(rows.size()) + (rows.size() == 1 ? " row\n" : " rows\n");
  return out;
}

std::string FormatJsonRow(const std::vector<std::string>& columns, const std::vector<Value>& row,
                          const std::vector<uint64_t>* provenance) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  for (size_t i = 0; i < columns.size() && i < row.size(); ++i) j[columns[i]] = ToJson(row[i]);
  if (provenance) j["_provenance"] = *provenance;
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string FormatCsvRow(const std::vector<std::string>& cells) {
  std::string out;
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i) out.push_back(',');
    const std::string& c = cells[i];
    if (c.find_first_of(",\"\n\r") == std::string::npos) {
      out += c;
    } else {
      out.push_back('"');
      for (char ch : c) {
        if (ch == '"') out.push_back('"');
        out.push_back(ch);
      }
      out.push_back('"');
    }
  }
  return out;
}

}  // namespace claimgraph::codec
