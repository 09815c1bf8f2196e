#include "dacu/render/render_diagnostics.hpp"

#include <fmt/format.h>

#include "dacu/base/error.hpp"
#include "dacu/render/contract.hpp"
#include "dacu/render/json.hpp"

namespace dacu {

std::string render_diagnostics_json(const std::vector<std::string>& files, const std::vector<Diagnostic>& diagnostics) {
  auto doc = json_header({}, {});
  doc["input"] = files;
  doc["diagnostics"] = diagnostics_json(diagnostics, message_language(), true);
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
    std::string message = d.message;
    if (!d.hint.empty()) message += fmt::format("\n{}: {}", dacu::message("label.tip"), d.hint);
    out += fmt::format("::{} file={}", d.severity == Severity::error ? "error" : "warning",
                       github_escape(d.where.file_name(), true));
    if (d.where.known()) out += fmt::format(",line={},col={}", d.where.line, d.where.column);
    out += fmt::format(",title={}::{}\n", github_escape(d.code, true), github_escape(message, false));
  }
  return out;
}

}  // namespace dacu
