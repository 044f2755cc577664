#include "tools/claimgraph/run_query.h"

#include <chrono>
#include <cstdio>

#include "codec/format/result_format.h"
#include "codec/script/run_script.h"

namespace claimgraph::cli {

codec::Value FromProto(const v1::Value& v) {
  switch (v.kind_case()) {
    case v1::Value::kBoolValue: return codec::Value::Bool(v.bool_value());
    case v1::Value::kNumberValue: return codec::Value::Number(v.number_value());
    // Within +-2^53 (the server sends no other), so exact as a double.
    case v1::Value::kIntValue: return codec::Value::Integer(v.int_value());
    case v1::Value::kStringValue: return codec::Value::String(v.string_value());
    case v1::Value::kDateValue: return codec::Value::Date(v.date_value());
    case v1::Value::kEntityValue: return codec::Value::Entity(v.entity_value().id(), v.entity_value().name());
    case v1::Value::kPredicateValue: return codec::Value::Predicate(0, v.predicate_value());
    case v1::Value::kClaimValue: return codec::Value::Claim(v.claim_value());
    case v1::Value::kListValue: {
      codec::Value out;
      out.kind = codec::Value::Kind::kList;
      for (const auto& x : v.list_value().values()) out.list.push_back(FromProto(x));
      return out;
    }
    default: return codec::Value::Null();
  }
}

grpc::Status RunStatement(Client& client, std::string_view statement, const PrintOptions& print, std::ostream& out,
                          std::ostream& err) {
  auto started = std::chrono::steady_clock::now();
  auto ctx = client.Context();
  v1::QueryRequest request;
  request.set_statement(std::string(statement));
  request.set_integers(true);
  auto reader = client.stub().Query(ctx.get(), request);
  std::vector<std::string> columns;
  std::vector<std::vector<codec::Value>> rows;
  std::vector<std::vector<uint64_t>> provenance;
  bool any_provenance = false;
  v1::QueryTrailer trailer;
  v1::QueryResponse part;
  while (reader->Read(&part)) {
    if (part.has_header()) {
      columns.assign(part.header().columns().begin(), part.header().columns().end());
      if (print.format == "csv" && !columns.empty()) out << codec::FormatCsvRow(columns) << "\n";
    }
    if (part.has_batch()) {  // the first and the last message may carry rows too
      for (const auto& r : part.batch().rows()) {
        std::vector<codec::Value> row;
        for (const auto& v : r.values()) row.push_back(FromProto(v));
        std::vector<uint64_t> prov(r.provenance().begin(), r.provenance().end());
        any_provenance |= !prov.empty();
        if (print.format == "json") {
          out << codec::FormatJsonRow(columns, row, prov.empty() ? nullptr : &prov) << "\n";
        } else if (print.format == "csv") {
          out << codec::FormatCsvRow(codec::CellsOf(row)) << "\n";
        } else {
          rows.push_back(std::move(row));
          provenance.push_back(std::move(prov));
        }
      }
    }
    if (part.has_trailer()) trailer = part.trailer();
  }
  grpc::Status status = reader->Finish();
  if (!status.ok()) return status;
  for (const auto& w : trailer.warnings()) err << "warning: " << w << "\n";
  if (print.format == "table" && !columns.empty() && !(rows.empty() && !trailer.message().empty()))
    out << codec::FormatTable(columns, rows, provenance, {print.width, any_provenance});
  if (!trailer.message().empty()) err << trailer.message() << "\n";
  if (print.timing) {
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    char line[128];
    std::snprintf(line, sizeof line, "time: %.3f ms (server %.3f ms, cpu %.3f ms), %llu rows\n", ms,
                  trailer.elapsed_ms(), trailer.cpu_ms(), (unsigned long long)trailer.rows());
    err << line;
  }
  return grpc::Status::OK;
}

int RunQuery(Client& client, std::string_view statement, const PrintOptions& print, std::ostream& out,
             std::ostream& err) {
  grpc::Status status = RunStatement(client, statement, print, out, err);
  if (status.ok()) return 0;
  err << "error: " << Describe(status) << "\n";
  return 1;
}

int RunQueryFile(Client& client, const std::string& path, const PrintOptions& print, std::ostream& out,
                 std::ostream& err) {
  return codec::RunScriptFile(
      path,
      [&](std::string_view statement) {
        grpc::Status status = RunStatement(client, statement, print, out, err);
        out.flush();  // each statement's results as it finishes, not when the file ends
        return ToStatus(status);
      },
      err);
}

}  // namespace claimgraph::cli
