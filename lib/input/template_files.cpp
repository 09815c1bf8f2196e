#include "dacu/input/template_files.hpp"

#include <filesystem>

#include "dacu/base/messages.hpp"
#include "dacu/base/utf8.hpp"

namespace dacu {

bool path_inside(std::string_view dir, std::string_view file) {
  namespace fs = std::filesystem;
  while (dir.size() > 1 && dir.back() == '/') dir.remove_suffix(1);  // `shared/` is `shared`
  // Paths of different kinds (absolute and relative) give an empty relative path: outside.
  auto relative = fs::path(file).lexically_relative(fs::path(dir));
  if (relative.empty() || relative == ".") return false;
  return *relative.begin() != "..";
}

namespace {

// The value of a top-level `kind:` line: after `kind:` and blanks, without quotes, a comment or
// trailing blanks. nullopt-like empty view when the line is no such line.
std::string_view kind_value(std::string_view line) {
  constexpr std::string_view key = "kind:";
  if (!line.starts_with(key)) return {};
  auto value = line.substr(key.size());
  if (!value.empty() && value[0] != ' ' && value[0] != '\t') return {};  // `kind:x` is one scalar
  if (auto hash = value.find(" #"); hash != std::string_view::npos) value = value.substr(0, hash);
  auto first = value.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  value = value.substr(first, value.find_last_not_of(" \t\r") - first + 1);
  if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') && value.back() == value.front()) {
    value = value.substr(1, value.size() - 2);
  }
  return value;
}

}  // namespace

FileKind sniff_file_kind(std::string_view text) {
  if (text.find('\0') != std::string_view::npos) return FileKind::binary;
  if (utf8::find_invalid(text) != std::string_view::npos) return FileKind::not_utf8;
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // a BOM: the parser says D013
  for (std::size_t from = 0; from < text.size();) {
    auto end = text.find('\n', from);
    auto line = text.substr(from, end == std::string_view::npos ? std::string_view::npos : end - from);
    auto value = kind_value(line);
    if (value == "template") return FileKind::template_file;
    if (value == "campaign") return FileKind::campaign;
    if (value == "calendar") return FileKind::calendar;
    if (end == std::string_view::npos) break;
    from = end + 1;
  }
  return FileKind::unknown;
}

std::string not_a_template(FileKind kind) {
  switch (kind) {
    case FileKind::template_file: return {};
    case FileKind::campaign: return message("not-template.campaign");
    case FileKind::calendar: return message("not-template.calendar");
    case FileKind::binary: return message("not-template.binary");
    case FileKind::not_utf8: return message("not-template.not-utf8");
    case FileKind::unknown: return message("not-template.unknown");
  }
  return {};
}

}  // namespace dacu
