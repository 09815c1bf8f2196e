#include "dacu/render/render_diagnostics.hpp"

#include <fmt/format.h>

#include "dacu/base/error.hpp"
#include "dacu/base/utf8.hpp"
#include "dacu/render/json.hpp"

namespace dacu {

namespace {

// Text from a file (a GBK line, a file name) may not be UTF-8; JSON and annotations must be. Each
// byte that is not is shown as `\xNN`, as text output shows it; the rest is kept (JSON escapes
// control characters itself, and annotations escape line breaks).
std::string shown(std::string_view text) {
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

}  // namespace

std::string render_diagnostics_json(const std::vector<Diagnostic>& diagnostics, const std::vector<bool>& baselined) {
  auto doc = json::Value::array();
  for (std::size_t i = 0; i < diagnostics.size(); ++i) {
    const auto& d = diagnostics[i];
    auto item = json::Value::object({{"file", shown(d.where.file_name())},
                                     {"line", d.where.line},
                                     {"column", d.where.column},
                                     {"severity", d.severity == Severity::error ? "error" : "warning"},
                                     {"code", d.code},
                                     {"message", shown(d.message)},
                                     {"hint", shown(d.hint)}});
    item["related"] = d.related.file ? json::Value::object({{"file", shown(d.related.file_name())},
                                                            {"line", d.related.line},
                                                            {"column", d.related.column}})
                                     : json::Value();
    item["input"] = d.input.empty() ? json::Value() : json::Value(shown(d.input));
    if (!baselined.empty()) item["baselined"] = i < baselined.size() && baselined[i];
    doc.push_back(std::move(item));
  }
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
    std::string message = shown(d.message);
    if (!on_disk) {
      message = d.where.known() ? fmt::format("{}:{}:{}: {}", shown(d.where.file_name()), d.where.line, d.where.column, message)
                                : fmt::format("{}: {}", shown(d.where.file_name()), message);
    }
    if (!d.hint.empty()) message += fmt::format("\n{}: {}", dacu::message("label.tip"), shown(d.hint));
    out += fmt::format("::{} file={}", d.severity == Severity::error ? "error" : "warning",
                       github_escape(shown(on_disk ? d.where.file_name() : std::string_view(d.input)), true));
    if (on_disk && d.where.known()) out += fmt::format(",line={},col={}", d.where.line, d.where.column);
    out += fmt::format(",title={}::{}\n", github_escape(d.code, true), github_escape(message, false));
  }
  return out;
}

}  // namespace dacu
