#include "dacu/render/render_diagnostics.hpp"

#include <fmt/format.h>

#include "dacu/base/error.hpp"
#include "dacu/render/contract.hpp"
#include "dacu/render/json.hpp"

namespace dacu {

std::string render_diagnostics_json(const std::vector<std::string>& files, const std::vector<Diagnostic>& diagnostics,
                                    const std::vector<bool>& baselined) {
  auto doc = json_header({}, {});
  auto inputs = json::Value::array();
  for (const auto& file : files) inputs.push_back(valid_utf8(file));
  doc["input"] = std::move(inputs);
  auto list = json::Value::array();
  for (std::size_t i = 0; i < diagnostics.size(); ++i) {
    auto item = diagnostic_json(diagnostics[i], message_language(), true);
    if (!baselined.empty()) item["baselined"] = i < baselined.size() && baselined[i];
    list.push_back(std::move(item));
  }
  doc["diagnostics"] = std::move(list);
  return json::dump(doc, 2) + "\n";
}

namespace {

// GitHub's workflow commands escape %, CR and LF in messages, and also : and , in properties.
std::string github_escape(std::string_view text, bool property) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      case ':': out += property ? "%3A" : ":"; break;
      case ',': out += property ? "%2C" : ","; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace

std::string render_diagnostics_github(const std::vector<Diagnostic>& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics) {
    // `<builtin>/聚划算.yaml` and `<command line>` are no file of the repository: the annotation
    // goes on the shop's file, and says where.
    bool on_disk = !d.where.file_name().starts_with("<") || d.input.empty();
    std::string message = valid_utf8(d.message);
    if (!on_disk) {
      message = d.where.known() ? fmt::format("{}:{}:{}: {}", valid_utf8(d.where.file_name()), d.where.line, d.where.column, message)
                                : fmt::format("{}: {}", valid_utf8(d.where.file_name()), message);
    }
    if (!d.hint.empty()) message += fmt::format("\n{}: {}", dacu::message("label.tip"), valid_utf8(d.hint));
    out += fmt::format("::{} file={}", d.severity == Severity::error ? "error" : "warning",
                       github_escape(valid_utf8(on_disk ? d.where.file_name() : std::string_view(d.input)), true));
    if (on_disk && d.where.known()) out += fmt::format(",line={},col={}", d.where.line, d.where.column);
    out += fmt::format(",title={}::{}\n", github_escape(d.code, true), github_escape(message, false));
  }
  return out;
}

}  // namespace dacu
