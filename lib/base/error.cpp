#include "dacu/base/error.hpp"

#include <algorithm>
#include <fmt/format.h>

#include "dacu/base/utf8.hpp"

namespace dacu {

std::string_view Location::file_name() const {
  return file ? std::string_view(file->name) : std::string_view("<input>");
}

std::shared_ptr<const SourceFile> make_source(std::string name, std::string text) {
  auto file = std::make_shared<SourceFile>();
  file->name = std::move(name);
  file->text = std::move(text);
  file->line_starts.push_back(0);
  for (std::size_t i = 0; i < file->text.size(); ++i) {
    if (file->text[i] == '\n') file->line_starts.push_back(i + 1);
  }
  return file;
}

std::string_view Location::line_text() const {
  if (!file || line <= 0) return {};
  std::string_view text = file->text;
  std::size_t start = 0;
  if (!file->line_starts.empty()) {
    if (static_cast<std::size_t>(line) > file->line_starts.size()) return {};
    start = file->line_starts[static_cast<std::size_t>(line) - 1];
  } else {
    for (int l = 1; l < line; ++l) {
      auto nl = text.find('\n', start);
      if (nl == std::string_view::npos) return {};
      start = nl + 1;
    }
  }
  auto end = text.find('\n', start);
  if (end == std::string_view::npos) end = text.size();
  auto result = text.substr(start, end - start);
  if (!result.empty() && result.back() == '\r') result.remove_suffix(1);
  return result;
}

Location Location::advanced(std::string_view text, std::size_t byte_offset) const {
  Location moved = *this;
  if (moved.known()) {
    moved.column += static_cast<int>(utf8::count_chars(text.substr(0, std::min(byte_offset, text.size()))));
  }
  return moved;
}

Location location_from_bytes(const std::shared_ptr<const SourceFile>& file, int line0, int byte_column0) {
  Location where{file, line0 + 1, byte_column0 + 1};
  if (line0 < 0) return Location{file, 0, 0};
  auto text = where.line_text();
  auto bytes = std::min<std::size_t>(static_cast<std::size_t>(std::max(byte_column0, 0)), text.size());
  where.column = static_cast<int>(utf8::count_chars(text.substr(0, bytes))) + 1;
  return where;
}

void sort_diagnostics(std::vector<Diagnostic>& diagnostics) {
  std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
    auto fa = a.where.file_name(), fb = b.where.file_name();
    if (fa != fb) return fa < fb;
    if (a.where.line != b.where.line) return a.where.line < b.where.line;
    if (a.where.column != b.where.column) return a.where.column < b.where.column;
    return a.code < b.code;
  });
}

InputError::InputError(Diagnostic diagnostic)
    : Error(diagnostic.message), diagnostic_(std::move(diagnostic)) {}

InputError::InputError(std::string code, Location where, std::string message, std::string hint)
    : InputError(Diagnostic{Severity::error, std::move(code), std::move(where), std::move(message),
                            std::move(hint)}) {}

std::string format_diagnostic(const Diagnostic& d) {
  std::string out = fmt::format("dacu: {}: ", d.severity == Severity::error ? "error" : "warning");
  const auto& w = d.where;
  if (w.known()) {
    out += fmt::format("{}:{}:{}: ", w.file_name(), w.line, w.column);
  } else if (w.file) {
    out += fmt::format("{}: ", w.file_name());
  }
  out += d.message;
  if (!d.code.empty()) out += fmt::format(" [{}]", d.code);
  out += '\n';
  auto text = w.line_text();
  if (w.known() && !text.empty()) {
    auto number = std::to_string(w.line);
    out += fmt::format(" {} | {}\n", number, text);
    // The caret sits under the located character, counted in display columns.
    auto chars = utf8::decode(text);
    std::size_t col = static_cast<std::size_t>(std::max(w.column, 1)) - 1;
    std::string prefix;
    for (std::size_t i = 0; i < std::min(col, chars.size()); ++i) prefix += utf8::encode(chars[i]);
    std::string spaces;
    for (char32_t c : utf8::decode(prefix)) spaces += (c == U'\t') ? std::string("\t") : std::string(utf8::display_width(utf8::encode(c)), ' ');
    out += fmt::format(" {} | {}^\n", std::string(number.size(), ' '), spaces);
  }
  if (!d.hint.empty()) out += fmt::format("hint: {}\n", d.hint);
  return out;
}

namespace {

std::size_t edit_distance(const std::u32string& a, const std::u32string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

std::string closest_match(std::string_view word, const std::vector<std::string>& candidates) {
  auto w = utf8::decode(word);
  std::string best;
  std::size_t best_distance = 0;
  for (const auto& candidate : candidates) {
    auto c = utf8::decode(candidate);
    auto distance = edit_distance(w, c);
    // Allow about one edit in three characters, at least one.
    auto limit = std::max<std::size_t>(1, std::max(w.size(), c.size()) / 3);
    if (distance <= limit && (best.empty() || distance < best_distance)) {
      best = candidate;
      best_distance = distance;
    }
  }
  return best;
}

std::string suggestion(std::string_view word, const std::vector<std::string>& candidates) {
  auto best = closest_match(word, candidates);
  if (!best.empty()) return fmt::format("did you mean {}?", best);
  if (candidates.empty()) return {};
  std::string list;
  for (std::size_t i = 0; i < candidates.size() && i < 12; ++i) {
    if (i) list += ", ";
    list += candidates[i];
  }
  if (candidates.size() > 12) list += ", …";
  return fmt::format("expected one of: {}", list);
}

}  // namespace dacu
