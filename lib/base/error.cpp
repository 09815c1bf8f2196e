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
  auto end = std::string_view::npos;
  if (!file->line_starts.empty()) {
    // From the index alone: searching for the line's end would cost the line's length for every
    // node located on it (see LocationCursor).
    auto index = static_cast<std::size_t>(line);
    if (index > file->line_starts.size()) return {};
    start = file->line_starts[index - 1];
    if (index < file->line_starts.size()) end = file->line_starts[index] - 1;
  } else {
    for (int l = 1; l < line; ++l) {
      auto nl = text.find('\n', start);
      if (nl == std::string_view::npos) return {};
      start = nl + 1;
    }
  }
  if (end == std::string_view::npos) end = std::min(text.find('\n', start), text.size());
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
  return LocationCursor(file).at(line0, byte_column0);
}

Location LocationCursor::at(int line0, int byte_column0) {
  if (line0 < 0) return Location{file_, 0, 0};
  Location where{file_, line0 + 1, 1};
  auto text = where.line_text();
  auto bytes = std::min<std::size_t>(static_cast<std::size_t>(std::max(byte_column0, 0)), text.size());
  if (line0 == line0_ && bytes >= byte_) {
    chars_ += utf8::count_chars(text.substr(byte_, bytes - byte_));
  } else {
    chars_ = utf8::count_chars(text.substr(0, bytes));
  }
  line0_ = line0;
  byte_ = bytes;
  where.column = static_cast<int>(chars_) + 1;
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

void locate_at_cause(Diagnostic& d, const Location& cause) {
  if (!cause.known() || cause.file == d.where.file) return;
  d.related = std::move(d.where);
  d.where = cause;
}

InputError::InputError(Diagnostic diagnostic)
    : Error(diagnostic.message), diagnostic_(std::move(diagnostic)) {}

namespace {

// Where the character before byte `pos` starts (a byte of invalid UTF-8 stands alone).
std::size_t previous_char(std::string_view text, std::size_t pos) {
  std::size_t p = pos - 1;
  while (p > 0 && pos - p < 4 && (static_cast<unsigned char>(text[p]) & 0xC0) == 0x80) --p;
  return utf8::code_point_at(text, p).bytes == pos - p ? p : pos - 1;
}

// The columns one character takes once made visible; a tab counts as the most it can take.
std::size_t shown_width(std::string_view ch) {
  if (ch == "\t") return 8;
  auto shown = utf8::visible(ch);
  return shown.size() != ch.size() ? shown.size() : utf8::display_width(ch);
}

}  // namespace

Excerpt excerpt(std::string_view line, std::size_t char_index, std::size_t columns) {
  auto caret = utf8::byte_offset_of_char(line, char_index);
  std::size_t left = 0, right = line.size();
  // Only the characters near the caret are measured, so a diagnostic on a 7 MiB line costs
  // finding the caret and not much more.
  std::size_t whole = 0;
  for (std::size_t i = 0; i < line.size() && whole <= columns;) {
    auto n = utf8::code_point_at(line, i).bytes;
    whole += shown_width(line.substr(i, n));
    i += n;
  }
  if (whole > columns) {
    std::size_t budget = columns - 2, used = 0;  // 2 for the `…` at both ends
    auto grow_left = [&](std::size_t limit) {
      while (left > 0) {
        auto p = previous_char(line, left);
        auto w = shown_width(line.substr(p, left - p));
        if (used + w > limit) break;
        used += w;
        left = p;
      }
    };
    left = right = caret;
    grow_left(budget / 2);
    while (right < line.size()) {
      auto n = utf8::code_point_at(line, right).bytes;
      auto w = shown_width(line.substr(right, n));
      if (used + w > budget) break;
      used += w;
      right += n;
    }
    grow_left(budget);  // a caret near the end shows more of what comes before it
  }
  Excerpt out;
  if (left > 0) {
    out.text = "…";
    out.caret_indent = " ";
  }
  out.text += utf8::visible(line.substr(left, right - left));
  if (right < line.size()) out.text += "…";
  for (std::size_t i = left; i < caret;) {
    auto n = utf8::code_point_at(line, i).bytes;
    auto ch = line.substr(i, n);
    if (ch == "\t") {
      out.caret_indent += '\t';
    } else {
      out.caret_indent.append(utf8::display_width(utf8::visible(ch)), ' ');
    }
    i += n;
  }
  return out;
}

Diagnostic make_diagnostic(Severity severity, std::string_view key, Location where, MessageArgs args) {
  Diagnostic d;
  d.severity = severity;
  d.code = std::string(key.substr(0, key.find('.')));
  d.where = std::move(where);
  d.message = message(key, args);
  d.key = std::string(key);
  for (const auto& arg : args) d.args.emplace_back(arg.name, arg.value);
  auto hint = fmt::format("{}.hint", key);
  if (has_message(hint)) d.hint = message(hint, args);
  return d;
}

std::string diagnostic_message(const Diagnostic& d, Language language) {
  if (d.key.empty()) return d.message;
  std::vector<MessageArg> args;
  args.reserve(d.args.size());
  for (const auto& [name, value] : d.args) args.emplace_back(name, value);
  return message_in(language, d.key, std::span<const MessageArg>(args));
}

InputError input_error(std::string_view key, Location where, MessageArgs args) {
  return InputError(make_diagnostic(Severity::error, key, std::move(where), args));
}

namespace {

// The located line and a caret under the located character, as format_diagnostic shows them.
std::string echo_line(const Location& w) {
  auto text = w.line_text();
  if (!w.known() || text.empty()) return {};
  auto number = std::to_string(w.line);
  auto shown = excerpt(text, static_cast<std::size_t>(std::max(w.column, 1)) - 1);
  // The caret sits under the located character, counted in display columns.
  return fmt::format(" {} | {}\n {} | {}^\n", number, shown.text, std::string(number.size(), ' '), shown.caret_indent);
}

std::string place(const Location& w) {
  if (w.known()) return fmt::format("{}:{}:{}: ", utf8::visible(w.file_name()), w.line, w.column);
  if (w.file) return fmt::format("{}: ", utf8::visible(w.file_name()));
  return {};
}

}  // namespace

std::string format_diagnostic(const Diagnostic& d) {
  std::string out = fmt::format("dacu: {}: ", message(d.severity == Severity::error ? "label.error" : "label.warning"));
  const auto& w = d.where;
  out += place(w);
  // A message quotes names from the file, which may hold an escape sequence or a bidi override.
  out += utf8::visible(d.message);
  if (!d.code.empty()) out += fmt::format(" [{}]", d.code);
  out += '\n';
  out += echo_line(w);
  if (d.related.file) {
    out += fmt::format("{}: {}{}\n", message("label.note"), place(d.related), message("diagnostic.found-here"));
    out += echo_line(d.related);
  }
  // A problem found in another file than the one asked about (a shared template) names the shop.
  if (!d.input.empty() && d.input != w.file_name() && (!d.related.file || d.input != d.related.file_name())) {
    out += fmt::format("{}: {}\n", message("label.note"), message("diagnostic.while-checking", {{"file", utf8::visible(d.input)}}));
  }
  if (!d.hint.empty()) out += fmt::format("{}: {}\n", message("label.tip"), utf8::visible(d.hint));
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
  if (!best.empty()) return message("phrase.did-you-mean", {{"word", best}});
  if (candidates.empty()) return {};
  std::string list;
  for (std::size_t i = 0; i < candidates.size() && i < 12; ++i) {
    if (i) list += ", ";
    list += candidates[i];
  }
  if (candidates.size() > 12) list += ", …";
  return message("phrase.expected-one-of", {{"list", list}});
}

}  // namespace dacu
