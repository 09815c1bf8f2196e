#include "dacu/render/contract.hpp"

namespace dacu {

json::Value json_header(const RenderOptions& options, const std::string& campaign) {
  // DACU_VERSION: the project's version (lib/CMakeLists.txt), the same that `dacu --version` prints.
  return json::Value::object({{"dacu_version", DACU_VERSION},
                              {"schema_version", kJsonSchemaVersion},
                              {"input", json::maybe(options.input)},
                              {"campaign", json::maybe(campaign)}});
}

json::Value diagnostic_json(const Diagnostic& d, Language language, bool hint) {
  bool known = d.where.known();
  auto out = json::Value::object({{"file", json::maybe(std::string(d.where.file_name()))},
                                  {"line", known ? json::Value(d.where.line) : json::Value()},
                                  {"column", known ? json::Value(d.where.column) : json::Value()},
                                  {"severity", d.severity == Severity::error ? "error" : "warning"},
                                  {"code", d.code},
                                  {"message", diagnostic_message(d, language)}});
  if (hint) out["hint"] = json::maybe(d.hint);
  return out;
}

json::Value diagnostics_json(const std::vector<Diagnostic>& diagnostics, Language language, bool hint) {
  auto out = json::Value::array();
  for (const auto& d : diagnostics) out.push_back(diagnostic_json(d, language, hint));
  return out;
}

}  // namespace dacu
