#include "dacu/render/contract.hpp"

#include <fmt/format.h>

#include "dacu/base/utf8.hpp"

namespace dacu {

json::Value json_header(const RenderOptions& options, const std::string& campaign) {
  // DACU_VERSION: the project's version (lib/CMakeLists.txt), the same that `dacu --version` prints.
  return json::Value::object({{"dacu_version", DACU_VERSION},
                              {"schema_version", kJsonSchemaVersion},
                              {"input", json::maybe(options.input)},
                              {"campaign", json::maybe(campaign)}});
}

std::string valid_utf8(std::string_view text) {
  if (utf8::find_invalid(text) == std::string_view::npos) return std::string(text);
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    auto cp = utf8::code_point_at(text, i);
    bool invalid = cp.value == U'\uFFFD' && text.substr(i, cp.bytes) != "\xEF\xBF\xBD";
    if (invalid) {
      out += fmt::format("\\x{:02x}", static_cast<unsigned char>(text[i]));
    } else {
      out.append(text.substr(i, cp.bytes));
    }
    i += cp.bytes;
  }
  return out;
}

json::Value diagnostic_json(const Diagnostic& d, Language language, bool hint) {
  bool known = d.where.known();
  auto out = json::Value::object({{"file", json::maybe(valid_utf8(d.where.file_name()))},
                                  {"line", known ? json::Value(d.where.line) : json::Value()},
                                  {"column", known ? json::Value(d.where.column) : json::Value()},
                                  {"severity", d.severity == Severity::error ? "error" : "warning"},
                                  {"code", d.code},
                                  {"message", valid_utf8(diagnostic_message(d, language))}});
  if (hint) {
    out["hint"] = json::maybe(valid_utf8(d.hint));
    out["related"] = d.related.file ? json::Value::object({{"file", valid_utf8(d.related.file_name())},
                                                           {"line", d.related.known() ? json::Value(d.related.line) : json::Value()},
                                                           {"column", d.related.known() ? json::Value(d.related.column) : json::Value()}})
                                    : json::Value();
    out["input"] = d.input.empty() ? json::Value() : json::Value(valid_utf8(d.input));
  }
  return out;
}

json::Value diagnostics_json(const std::vector<Diagnostic>& diagnostics, Language language, bool hint) {
  auto out = json::Value::array();
  for (const auto& d : diagnostics) out.push_back(diagnostic_json(d, language, hint));
  return out;
}

}  // namespace dacu
