#include "server/http_json.h"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/util/json_util.h>
#include <nlohmann/json.hpp>

#include "codec/diagnostic_text.h"
#include "server/status_convert.h"

namespace claimgraph::server {
namespace {

using google::protobuf::FieldDescriptor;
using Json = nlohmann::ordered_json;  // code, status, message: in the order a person reads them

const FieldDescriptor* FieldNamed(const google::protobuf::Descriptor& d, const std::string& name) {
  if (const FieldDescriptor* f = d.FindFieldByName(name)) return f;
  for (int i = 0; i < d.field_count(); ++i)
    if (d.field(i)->json_name() == name) return d.field(i);
  return nullptr;
}

Status TakeTimeout(Json* object, JsonRequestExtras* extras) {
  auto it = object->find("timeout_ms");
  if (it == object->end()) return Status::Ok();
  if (!it->is_number_unsigned() && !(it->is_number_integer() && it->get<int64_t>() >= 0))
    return Status::InvalidArgument("timeout_ms must be a whole number of milliseconds, at least 0");
  uint64_t ms = it->get<uint64_t>();
  if (ms > 0) extras->timeout_ms = ms;  // 0, as in gRPC: no deadline
  object->erase(it);
  return Status::Ok();
}

// Fills `out` from `object` (a JSON object): `bytes` fields from plain
// strings, the rest by protobuf's JSON parser.
Status FromJsonObject(Json object, const std::map<std::string, std::string>& fixed, google::protobuf::Message* out,
                      JsonRequestExtras* extras) {
  for (const auto& [name, value] : fixed) object[name] = value;
  if (Status s = TakeTimeout(&object, extras); !s.ok()) return s;
  const google::protobuf::Descriptor& d = *out->GetDescriptor();
  std::vector<std::pair<const FieldDescriptor*, std::string>> bytes;
  for (auto it = object.begin(); it != object.end();) {
    const FieldDescriptor* f = FieldNamed(d, it.key());
    if (!f || f->type() != FieldDescriptor::TYPE_BYTES || f->is_repeated()) {
      ++it;
      continue;
    }
    // The mapping wants base64; a person writes the statement itself.
    if (!it->is_string()) return Status::InvalidArgument(it.key() + " must be a JSON string");
    bytes.emplace_back(f, it->get<std::string>());
    it = object.erase(it);
  }
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = false;  // a misspelt field is an error, not a silent default
  auto parsed = google::protobuf::util::JsonStringToMessage(object.dump(), out, options);
  if (!parsed.ok()) return Status::InvalidArgument("request: " + std::string(parsed.message()));
  for (const auto& [f, value] : bytes) out->GetReflection()->SetString(out, f, value);
  return Status::Ok();
}

Json ErrorObject(const grpc::Status& status) {
  Json e = {{"code", static_cast<int>(status.error_code())},
            {"status", GrpcCodeName(status.error_code())},
            {"message", status.error_message()}};
  if (auto p = codec::ParseDiagnostic(status.error_message())) {
    e["line"] = p->line;
    e["column"] = p->column;
    e["length"] = p->length;
  }
  return e;
}

std::string Dump(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

}  // namespace

Status ParseJsonRequest(std::string_view body, const std::map<std::string, std::string>& fixed,
                        google::protobuf::Message* out, JsonRequestExtras* extras) {
  Json object = Json::object();
  if (body.find_first_not_of(" \t\r\n") != std::string_view::npos) {
    try {
      object = Json::parse(body);
    } catch (const Json::parse_error& e) {
      // e.what() is "[json.exception.parse_error.101] parse error at line 1, column 9: ..."
      std::string what = e.what();
      size_t at = what.find("] ");
      return Status::InvalidArgument("request body is not JSON (byte " + std::to_string(e.byte) +
                                     "): " + (at == std::string::npos ? what : what.substr(at + 2)));
    }
    if (!object.is_object())
      return Status::InvalidArgument(std::string("request body must be a JSON object, not ") + object.type_name());
  }
  return FromJsonObject(std::move(object), fixed, out, extras);
}

Status ParseQueryParameters(const std::multimap<std::string, std::string>& params,
                            const std::map<std::string, std::string>& fixed, google::protobuf::Message* out,
                            JsonRequestExtras* extras) {
  Json object = Json::object();
  const google::protobuf::Descriptor& d = *out->GetDescriptor();
  for (const auto& [name, value] : params) {
    if (name == "timeout_ms") {
      char* end = nullptr;
      unsigned long long ms = std::strtoull(value.c_str(), &end, 10);
      if (value.empty() || *end != '\0' || value[0] == '-')
        return Status::InvalidArgument("timeout_ms must be a whole number of milliseconds, at least 0");
      object["timeout_ms"] = ms;
      continue;
    }
    const FieldDescriptor* f = FieldNamed(d, name);
    if (!f) return Status::InvalidArgument("unknown query parameter '" + name + "'");
    Json v = value;  // numbers as strings: the JSON mapping reads "12" as 12
    if (f->type() == FieldDescriptor::TYPE_BOOL) {
      if (value != "true" && value != "false")
        return Status::InvalidArgument("query parameter " + name + " must be true or false");
      v = value == "true";
    }
    if (f->is_repeated()) object[name].push_back(v);
    else if (object.contains(name)) return Status::InvalidArgument("query parameter " + name + " is given twice");
    else object[name] = v;
  }
  return FromJsonObject(std::move(object), fixed, out, extras);
}

std::string ToJson(const google::protobuf::Message& message, bool print_defaults) {
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;               // span_begin, as in the .proto and the docs
  options.always_print_primitive_fields = print_defaults;  // retracted_tx: "0" says "not retracted"
  std::string out;
  auto printed = google::protobuf::util::MessageToJsonString(message, &out, options);
  if (!printed.ok()) return Dump(ErrorObject(grpc::Status(grpc::StatusCode::INTERNAL, std::string(printed.message()))));
  return out;
}

std::string QueryResponseJson(const v1::QueryResponse& message) {
  std::string out = "{";
  auto part = [&](const char* name, const google::protobuf::Message& m, bool print_defaults) {
    if (out.size() > 1) out += ",";
    out.append("\"").append(name).append("\":").append(ToJson(m, print_defaults));
  };
  if (message.has_header()) part("header", message.header(), true);
  if (message.has_batch()) part("batch", message.batch(), false);
  if (message.has_trailer()) part("trailer", message.trailer(), true);
  return out + "}";
}

std::string ErrorJson(const grpc::Status& status) { return Dump(ErrorObject(status)); }

std::string StreamErrorJson(const grpc::Status& status) { return Dump(Json{{"error", ErrorObject(status)}}); }

int HttpStatusFor(grpc::StatusCode code) {
  switch (code) {
    case grpc::StatusCode::OK: return 200;
    case grpc::StatusCode::CANCELLED: return 499;
    case grpc::StatusCode::INVALID_ARGUMENT:
    case grpc::StatusCode::FAILED_PRECONDITION:
    case grpc::StatusCode::OUT_OF_RANGE: return 400;
    case grpc::StatusCode::DEADLINE_EXCEEDED: return 504;
    case grpc::StatusCode::NOT_FOUND:
    case grpc::StatusCode::UNIMPLEMENTED: return 404;
    case grpc::StatusCode::ALREADY_EXISTS:
    case grpc::StatusCode::ABORTED: return 409;
    case grpc::StatusCode::PERMISSION_DENIED: return 403;
    case grpc::StatusCode::UNAUTHENTICATED: return 401;
    case grpc::StatusCode::RESOURCE_EXHAUSTED: return 429;
    case grpc::StatusCode::UNAVAILABLE: return 503;
    default: return 500;
  }
}

}  // namespace claimgraph::server
