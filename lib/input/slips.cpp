#include "dacu/input/slips.hpp"
#include "dacu/input/slips_detail.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "dacu/base/numbers.hpp"
#include "dacu/base/utf8.hpp"

// How the checks read a file: line by line, as YAML's block structure is, with enough state to
// skip what is text (block scalars, quoted values and flow collections that span lines, comments).
// A line is looked at for slips only where a slip is certain or yaml-cpp has already failed: a
// Chinese value (`备注: 注意：…`) has its entry's colon before the `：`, and a list item of text
// (`- 注意：…`) has no mapping entries beside it, so neither is ever taken for a key.

namespace dacu::slips {

using namespace detail;

namespace {

char32_t at(std::string_view t, std::size_t i) { return i < t.size() ? utf8::code_point_at(t, i).value : 0; }
std::size_t width_at(std::string_view t, std::size_t i) { return utf8::code_point_at(t, i).bytes; }

// Skips ASCII and ideographic spaces.
std::size_t skip_spaces(std::string_view t, std::size_t i) {
  while (i < t.size()) {
    if (t[i] == ' ') ++i;
    else if (at(t, i) == kSpace) i += 3;
    else break;
  }
  return i;
}

std::string_view trim(std::string_view t) {
  auto b = skip_spaces(t, 0);
  t.remove_prefix(std::min(b, t.size()));
  while (!t.empty() && t.back() == ' ') t.remove_suffix(1);
  while (t.size() >= 3 && at(t, t.size() - 3) == kSpace) t.remove_suffix(3);
  return t;
}

// Where a quoted scalar opening at t[p] closes (one past the quote), or npos.
std::size_t quote_end(std::string_view t, std::size_t p, char q) {
  for (std::size_t i = p; i < t.size(); ++i) {
    if (q == '"' && t[i] == '\\') {
      ++i;
    } else if (t[i] == q) {
      if (q == '\'' && i + 1 < t.size() && t[i + 1] == '\'') ++i;
      else return i + 1;
    }
  }
  return npos;
}

bool comment_at(std::string_view t, std::size_t i, std::size_t from) {
  return t[i] == '#' && (i == from || t[i - 1] == ' ');
}

// `t` without a trailing comment: the line a hint shows is the entry alone.
std::string_view without_comment(std::string_view t) {
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t[i] == '"' || t[i] == '\'') {
      auto e = quote_end(t, i + 1, t[i]);
      if (e == npos) break;
      i = e - 1;
    } else if (comment_at(t, i, 0)) {
      return trim(t.substr(0, i));
    }
  }
  return t;
}

// The colon that makes the text at `from` a block mapping entry (`key: value`, `key:`), or npos.
std::size_t entry_colon(std::string_view t, std::size_t from) {
  if (from >= t.size()) return npos;
  std::size_t i = from;
  if (t[i] == '"' || t[i] == '\'') {
    i = quote_end(t, i + 1, t[i]);
    if (i == npos) return npos;
    while (i < t.size() && t[i] == ' ') ++i;
    return i < t.size() && t[i] == ':' && (i + 1 == t.size() || t[i + 1] == ' ' || t[i + 1] == '\t') ? i : npos;
  }
  if (std::string_view("[{#|>").find(t[i]) != npos) return npos;
  for (; i < t.size(); ++i) {
    if (comment_at(t, i, from)) return npos;
    if (t[i] == ':' && (i + 1 == t.size() || t[i + 1] == ' ' || t[i + 1] == '\t')) return i;
  }
  return npos;
}

// How many flow brackets the text from `from` leaves open (quoted parts and comments skipped).
int flow_depth(std::string_view t, std::size_t from, int depth) {
  for (std::size_t i = from; i < t.size(); ++i) {
    char c = t[i];
    if (c == '"' || c == '\'') {
      i = quote_end(t, i + 1, c);
      if (i == npos) return depth;
      --i;
    } else if (comment_at(t, i, from)) {
      break;
    } else if (c == '[' || c == '{') {
      ++depth;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return depth;
}

// Past the properties of a node (`&anchor`, `!tag`, `!!str`, `!`) and the spaces after each.
std::size_t skip_properties(std::string_view t, std::size_t v) {
  while (v < t.size() && (t[v] == '&' || t[v] == '!')) {
    while (v < t.size() && t[v] != ' ') ++v;
    while (v < t.size() && t[v] == ' ') ++v;
  }
  return v;
}

std::string_view line_text(const SourceFile& source, std::size_t n) {
  auto start = source.line_starts[n];
  auto end = n + 1 < source.line_starts.size() ? source.line_starts[n + 1] : source.text.size();
  auto t = std::string_view(source.text).substr(start, end - start);
  while (!t.empty() && (t.back() == '\n' || t.back() == '\r')) t.remove_suffix(1);
  return t;
}

bool item_at(std::string_view t, std::size_t i) { return t[i] == '-' && (i + 1 == t.size() || t[i + 1] == ' '); }

// Whether a plain scalar may start at t[v]: not an indicator of another kind of value.
bool plain_start(std::string_view t, std::size_t v) {
  if (v >= t.size() || std::string_view("[{\"'|>*#%@`&!").find(t[v]) != npos) return false;
  return !((t[v] == '-' || t[v] == '?' || t[v] == ':') && (v + 1 == t.size() || t[v + 1] == ' '));
}

// The lines from `first` on that go on a plain scalar whose entry or item is at column `owner`:
// more indented, with no entry, item or comment among them. One past the last of them, or `first`
// when they are fewer than `at_least` or cannot all be text of that scalar (yaml-cpp fails on
// them, and they are looked at as entries). Each line is read once for each entry before it that
// it could go on, and an entry line ends the reading: linear in the file.
std::size_t plain_run_end(const SourceFile& source, std::size_t first, std::size_t owner, std::size_t at_least) {
  std::size_t last = first, count = 0;
  bool commented = false;
  for (std::size_t n = first; n < source.line_starts.size(); ++n) {
    auto t = line_text(source, n);
    std::size_t i = 0;
    while (i < t.size() && t[i] == ' ') ++i;
    if (i == t.size()) continue;
    if (i <= owner) break;
    if (commented || t[i] == '#' || item_at(t, i) || entry_colon(t, i) != npos) return first;
    if (count == 0 && at_least > 1 && !plain_start(t, i)) return first;
    commented = t.find(" #", i) != npos;
    ++count;
    last = n + 1;
  }
  return count >= at_least ? last : first;
}

struct Line {
  std::string_view text;     // without its line end
  std::size_t indent = 0;    // leading ASCII spaces
  std::size_t content = 0;   // past the indentation and any `- `
  bool dash = false;         // a list item
  bool structural = false;   // not blank, a comment, or inside a value that spans lines
  std::size_t colon = npos;  // the colon that makes it a mapping entry
  std::size_t value = npos;  // where its value starts (past the colon, or the item's text)
  std::size_t end = npos;    // where a key's text may end (an entry of a flow mapping)
};

std::vector<Line> scan(const SourceFile& source) {
  std::vector<Line> lines;
  enum class Inside { nothing, block, quote, flow } inside = Inside::nothing;
  std::size_t block_indent = 0;
  char quote = 0;
  int depth = 0;
  for (std::size_t n = 0; n < source.line_starts.size(); ++n) {
    Line l;
    l.text = line_text(source, n);
    const auto t = l.text;
    while (l.indent < t.size() && t[l.indent] == ' ') ++l.indent;
    bool blank = l.indent == t.size();
    if (inside == Inside::block && (blank || l.indent > block_indent)) {
      lines.push_back(l);
      continue;
    }
    if (inside == Inside::quote) {
      auto closed = quote_end(t, 0, quote);
      if (closed != npos) {
        inside = Inside::nothing;
        depth = flow_depth(t, closed, depth);  // a quoted item closing inside a flow list
        if (depth > 0) inside = Inside::flow;
      }
      lines.push_back(l);
      continue;
    }
    if (inside == Inside::flow) {
      depth = flow_depth(t, 0, depth);
      if (depth <= 0) inside = Inside::nothing;
      lines.push_back(l);
      continue;
    }
    inside = Inside::nothing;
    if (blank || t[l.indent] == '#' || t.starts_with("---") || t.starts_with("...") || t.starts_with("%")) {
      lines.push_back(l);
      continue;
    }
    l.structural = true;
    std::size_t c = l.indent, dash = 0;
    while (c < t.size() && item_at(t, c)) {
      l.dash = true;
      dash = c;
      c = std::min(t.size(), c + 1);
      while (c < t.size() && t[c] == ' ') ++c;
    }
    l.content = c;
    l.colon = entry_colon(t, c);
    auto v = l.colon == npos ? c : l.colon + 1;
    while (v < t.size() && t[v] == ' ') ++v;
    v = skip_properties(t, v);  // `notes: &a |`, `!!str "…`
    l.value = v;
    if (v < t.size()) {
      char ch = t[v];
      if (ch == '|' || ch == '>') {
        auto r = v + 1;
        while (r < t.size() && (t[r] == '-' || t[r] == '+' || (t[r] >= '0' && t[r] <= '9'))) ++r;
        while (r < t.size() && t[r] == ' ') ++r;
        if (r == t.size() || t[r] == '#') {
          inside = Inside::block;
          block_indent = l.colon != npos ? c : (l.dash ? dash : l.indent);
        }
      } else if (ch == '"' || ch == '\'') {
        if (quote_end(t, v + 1, ch) == npos) {
          inside = Inside::quote;
          quote = ch;
        }
      } else if (ch == '[' || ch == '{') {
        depth = flow_depth(t, v, 0);
        if (depth > 0) inside = Inside::flow;
      }
    }
    lines.push_back(l);
    // A plain value over several lines (`description: 第一行` or `description:`, then more
    // indented lines): those lines are its text, not entries.
    std::size_t owner = npos, at_least = 1;
    if (l.colon != npos && (v == t.size() || t[v] == '#')) owner = c, at_least = 2;
    else if ((l.colon != npos || l.dash) && plain_start(t, v) && t.find(" #", v) == npos) owner = l.colon != npos ? c : dash;
    if (owner == npos || inside != Inside::nothing) continue;
    for (auto last = plain_run_end(source, n + 1, owner, at_least); n + 1 < last;) {
      Line text;
      text.text = line_text(source, ++n);
      while (text.indent < text.text.size() && text.text[text.indent] == ' ') ++text.indent;
      lines.push_back(text);
    }
  }
  return lines;
}

struct Slip {
  std::string code;
  std::size_t at = 0;  // byte offset in the line
  std::string message;
  std::string hint;
};

// The slip `key` of the message catalogue at byte `at` of its line.
Slip make_slip(std::string_view key, std::size_t at, MessageArgs args) {
  auto d = make_diagnostic(Severity::error, key, Location{}, args);
  return Slip{std::move(d.code), at, std::move(d.message), std::move(d.hint)};
}

// A mapping key as people write one: a name, not a sentence, a quoted value or a flow collection.
bool key_like(std::string_view key) {
  if (key.empty() || key.size() > 90) return false;
  if (std::string_view("-?:,[]{}#&*!|>'\"%@`").find(key.front()) != npos) return false;
  for (std::size_t i = 0; i < key.size(); i += width_at(key, i)) {
    auto c = at(key, i);
    if (c == ',' || c == kComma || c == kSemicolon || c == U'\u3002' || c == U'\u3001' || c == kQuote ||
        c == kOpenBracket || c == kOpenBrace || c == kSpace || c == U'\uFF01' || c == U'\uFF1F') {
      return false;
    }
  }
  return true;
}

bool digits_only(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// `key：value` or `key；value` (the same key without shift) where an entry is expected.
std::optional<Slip> key_colon_slip(const Line& l) {
  const auto t = l.text.substr(0, l.end);
  const auto after = l.text.substr(t.size());
  if (l.colon != npos || l.content >= t.size()) return std::nullopt;
  for (std::size_t i = l.content; i < t.size(); i += width_at(t, i)) {
    if (comment_at(t, i, l.content) || t[i] == ':') return std::nullopt;
    auto c = at(t, i);
    if (c != kColon && c != kSemicolon) continue;
    auto key = trim(t.substr(l.content, i - l.content));
    if (!key_like(key)) return std::nullopt;
    auto rest = without_comment(trim(t.substr(i + 3)));
    auto space = rest.empty() && after.empty() ? "" : " ";  // `{key：{…}}`: the value follows the key's text
    auto fixed = fmt::format("{}{}:{}{}{}", t.substr(l.indent, l.content - l.indent), key, space, rest, after);
    return make_slip("D018.key", i, {{"mark", name_of(c)}, {"key", key}, {"fixed", fixed}});
  }
  return std::nullopt;
}

// `key:value` where an entry is expected; `10:00` and `https://…` are values, not keys.
std::optional<Slip> missing_space_slip(const Line& l) {
  const auto t = l.text.substr(0, l.end);
  const auto after = l.text.substr(t.size());
  if (l.colon != npos || l.content >= t.size()) return std::nullopt;
  auto k = t.find(':', l.content);
  if (k == npos || k + 1 >= t.size()) return std::nullopt;
  for (std::size_t i = l.content; i < k; ++i) {
    if (comment_at(t, i, l.content)) return std::nullopt;
  }
  auto key = t.substr(l.content, k - l.content);
  auto rest = without_comment(t.substr(k + 1));
  if (!key_like(key) || digits_only(key) || rest.starts_with("//")) return std::nullopt;
  auto fixed = fmt::format("{}{}: {}{}", t.substr(l.indent, l.content - l.indent), key, rest, after);
  return make_slip("D019", k, {{"key", key}, {"fixed", fixed}});
}

// The indentation, in ASCII spaces, of the line `i` that is indented `width` columns wide with
// ideographic spaces: that of the sibling entry or item nearest it (the column among the indents
// of the lines around it closest to `width`, the deeper one on a tie), or `width` alone.
std::size_t sibling_indent(const std::vector<Line>& lines, std::size_t i, std::size_t width) {
  constexpr int kReach = 3;
  std::size_t best = width, distance = npos;
  auto consider = [&](const Line& m) {
    if (!m.structural || at(m.text, m.indent) == kSpace) return false;
    for (auto column : {m.indent, m.content}) {
      auto d = column > width ? column - width : width - column;
      if (d < distance || (d == distance && column > best)) best = column, distance = d;
    }
    return true;
  };
  int seen = 0;
  for (std::size_t j = i; j-- > 0 && seen < kReach;) seen += consider(lines[j]);
  seen = 0;
  for (std::size_t j = i + 1; j < lines.size() && seen < kReach; ++j) seen += consider(lines[j]);
  return best;
}

// Ideographic spaces in the indentation of a line that is an entry or a list item.
std::optional<Slip> indent_slip(const std::vector<Line>& lines, std::size_t i) {
  const auto& l = lines[i];
  const auto t = l.text;
  if (at(t, l.indent) != kSpace) return std::nullopt;
  auto r = skip_spaces(t, l.indent);
  bool item = r < t.size() && item_at(t, r);
  if (!item && entry_colon(t, r) == npos) return std::nullopt;
  auto width = l.indent;  // ASCII spaces and U+3000s (two columns wide) mixed
  for (std::size_t k = l.indent; k < r; k += width_at(t, k)) width += t[k] == ' ' ? 1 : 2;
  auto spaces = std::string(sibling_indent(lines, i, width), ' ');
  return make_slip("D018.indent", l.indent, {{"mark", name_of(kSpace)}, {"fixed", fmt::format("{}{}", spaces, t.substr(r))}});
}

// The line with the value from `v` on written with ASCII brackets, quotes, commas and colons.
std::string fixed_value(const Line& l, std::size_t v, bool quote_only) {
  const auto t = l.text;
  std::string out(t.substr(l.indent, v - l.indent));
  for (std::size_t i = v; i < t.size();) {
    auto c = at(t, i);
    auto w = width_at(t, i);
    if (c == kQuote) out += '"';
    else if (quote_only) out.append(t.substr(i, w));
    else if (c == kOpenBracket || c == kCloseBracket || c == kOpenBrace || c == kCloseBrace) out += static_cast<char>(c - 0xFEE0);
    else if (c == kComma || c == kSemicolon || c == kColon) {
      out += c == kColon ? ": " : ", ";
      i = skip_spaces(t, i + w);
      continue;
    } else out.append(t.substr(i, w));
    i += w;
  }
  return out;
}

// A value wrapped in ［…］ or ｛…｝ with items or entries inside, or in ＂…＂.
std::optional<Slip> wrapped_slip(const Line& l, bool opener_is_enough) {
  const auto t = l.text;
  if (l.value >= t.size()) return std::nullopt;
  auto open = at(t, l.value);
  char32_t close = open == kOpenBracket ? kCloseBracket : open == kOpenBrace ? kCloseBrace : open == kQuote ? kQuote : 0;
  if (close == 0) return std::nullopt;
  auto value = trim(t.substr(l.value, l.end == npos ? npos : l.end - l.value));
  if (auto hash = value.find(" #"); hash != npos) value = trim(value.substr(0, hash));
  bool closed = value.size() >= 6 && at(value, value.size() - 3) == close;
  auto inner = closed ? value.substr(3, value.size() - 6) : value.substr(3);
  // Only what cannot be text: ［a，b］ holds items, ｛a：b｝ entries; ＂A＂和＂B＂ is text quoting twice.
  bool items = open == kQuote ? inner.find("\uFF02") == npos
               : open == kOpenBracket ? inner.find(',') != npos || inner.find("\uFF0C") != npos
                                      : inner.find(':') != npos || inner.find("\uFF1A") != npos;
  if (!opener_is_enough && !(closed && items)) return std::nullopt;
  auto fixed = fixed_value(l, l.value, open == kQuote);
  auto advice = open == kQuote         ? message("slips.ascii-quotes", {{"fixed", fixed}})
                : open == kOpenBracket ? message("slips.ascii-brackets", {{"fixed", fixed}})
                                       : message("slips.ascii-braces", {{"fixed", fixed}});
  return make_slip("D018.wrapped", l.value, {{"mark", name_of(open)}, {"advice", advice}});
}

// Inside a one-line flow mapping `{…}`: `key：value`, `key:value`, or a `，` between two entries.
std::optional<Slip> flow_slip(const Line& l) {
  const auto t = l.text;
  if (l.value >= t.size() || t[l.value] != '{') return std::nullopt;
  WrappedMarks marks(t);
  std::vector<char> open;
  bool in_value = false;
  std::size_t run = npos;  // where the current key or value text started
  auto entry = [&](std::size_t from, std::size_t to) -> std::optional<Slip> {
    auto text = t.substr(from, to - from);
    if (in_value) return std::nullopt;
    Line piece = l;
    piece.end = to;
    piece.content = from;
    piece.colon = npos;
    if (auto s = key_colon_slip(piece)) return s;
    if (text.find(':') != npos) return missing_space_slip(piece);
    return std::nullopt;
  };
  for (std::size_t i = l.value; i < t.size(); i += width_at(t, i)) {
    char c = t[i];
    if (run == npos && c != ' ' && c != ',' && c != '{' && c != '}' && c != '[' && c != ']') {
      if (c == '"' || c == '\'') {
        auto e = quote_end(t, i + 1, c);
        if (e == npos) return std::nullopt;
        i = e - 1;
        continue;
      }
      run = i;
      auto open_mark = at(t, i);
      if ((open_mark == kQuote || open_mark == kOpenBracket || open_mark == kOpenBrace) && marks.wrapped(open_mark, i)) {
        Line piece = l;
        piece.value = i;
        auto close = (open_mark == kQuote ? marks.quote : open_mark == kOpenBracket ? marks.bracket : marks.brace).from(i + 3);
        piece.end = close + 3;
        if (auto s = wrapped_slip(piece, false)) return s;
      }
    }
    bool separator = c == ':' && i + 1 < t.size() && std::string_view(" \t,}").find(t[i + 1]) != npos;
    if (separator && !open.empty() && open.back() == '{') {
      if (in_value && run != npos) {
        // A second `key: ` in one entry: the comma before it was typed full-width.
        for (std::size_t j = run; j < i; j += width_at(t, j)) {
          auto w = at(t, j);
          if (w == kComma || w == kSemicolon) {
            auto fixed = fmt::format("{}, {}", t.substr(l.indent, j - l.indent), t.substr(skip_spaces(t, j + 3)));
            return make_slip("D018.flow", j, {{"mark", name_of(w)}, {"fixed", fixed}});
          }
        }
        return std::nullopt;
      }
      in_value = true;
      run = npos;
    } else if (c == '{' || c == '[') {
      // `{key：{…}}`: the text before the inner collection is a key, its colon typed full-width.
      if (run != npos && !in_value && !open.empty() && open.back() == '{') {
        Line piece = l;
        piece.end = i;
        piece.content = run;
        piece.colon = npos;
        if (auto s = key_colon_slip(piece)) return s;
      }
      open.push_back(c);
      in_value = false;
      run = npos;
    } else if (c == ',' || c == '}' || c == ']') {
      if (run != npos && !open.empty() && open.back() == '{') {
        if (auto s = entry(run, i)) return s;
      }
      if (c != ',' && !open.empty()) open.pop_back();
      in_value = false;
      run = npos;
    } else if (comment_at(t, i, l.value)) {
      break;
    }
  }
  return std::nullopt;
}

// Whether a mapping entry sits beside line `i` in the same block (same content indent), so that
// line `i` must be one too. It looks at a few lines of that indent each way: a long text of
// `a：b` lines with no entry among them must not cost a scan of all of them for each.
bool beside_entries(const std::vector<Line>& lines, std::size_t i) {
  constexpr int kReach = 16;
  const auto c = lines[i].content;
  auto entry = [c](const Line& m) { return m.structural && m.colon != npos && m.content == c; };
  int seen = 0;
  if (!lines[i].dash) {
    for (std::size_t j = i; j-- > 0 && seen < kReach;) {
      const auto& m = lines[j];
      if (!m.structural || m.indent > c) continue;
      if (entry(m)) return true;
      if (m.indent < c) break;
      ++seen;
    }
  }
  seen = 0;
  for (std::size_t j = i + 1; j < lines.size() && seen < kReach; ++j) {
    const auto& m = lines[j];
    if (!m.structural || m.indent > c) continue;
    if (m.indent < c || m.dash) break;
    if (entry(m)) return true;
    ++seen;
  }
  return false;
}

Diagnostic diagnostic(const std::shared_ptr<const SourceFile>& source, std::size_t line, Slip slip) {
  return Diagnostic{Severity::error, std::move(slip.code),
                    location_from_bytes(source, static_cast<int>(line), static_cast<int>(slip.at)),
                    std::move(slip.message), std::move(slip.hint), {}, {}};
}

// The slip on line `i`; `failed`: yaml-cpp gave up on or just after it, so a key slip needs no
// entries beside it (a list item's text still does: `- 注意：…` is a value).
std::optional<Slip> slip_on(const std::vector<Line>& lines, std::size_t i, bool failed) {
  const auto& l = lines[i];
  if (!l.structural) return std::nullopt;
  if (auto s = indent_slip(lines, i)) return s;
  if (auto s = wrapped_slip(l, failed)) return s;
  if (auto s = flow_slip(l)) return s;
  if (l.colon != npos) return std::nullopt;
  auto s = key_colon_slip(l);
  if (!s) s = missing_space_slip(l);
  if (s && ((failed && !l.dash) || beside_entries(lines, i))) return s;
  return std::nullopt;
}

}  // namespace

void check_lines(const std::shared_ptr<const SourceFile>& source) {
  // Most files have no full-width form and no `key:value` at all: one pass over the bytes for
  // the lead bytes of U+FFxx and U+3000, and for a colon with no space after it.
  const auto& text = source->text;
  bool suspect = text.find("\xEF\xBC") != npos || text.find("\xEF\xBD") != npos || text.find("\xE3\x80\x80") != npos;
  for (auto k = text.find(':'); !suspect && k != npos; k = text.find(':', k + 1)) {
    suspect = k + 1 < text.size() && text[k + 1] != ' ' && text[k + 1] != '\n' && text[k + 1] != '\r';
  }
  if (!suspect) return;
  auto lines = scan(*source);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (auto s = slip_on(lines, i, false)) throw InputError(diagnostic(source, i, std::move(*s)));
  }
}

std::optional<Diagnostic> near_failure(const std::shared_ptr<const SourceFile>& source, int line0) {
  auto lines = scan(*source);
  if (line0 < 0 || lines.empty()) return std::nullopt;
  auto i = std::min(static_cast<std::size_t>(line0), lines.size() - 1);
  // yaml-cpp notices a slip on the next line that is an entry, so look back over a few; the
  // earliest slip among them is the one yaml-cpp read on from.
  std::optional<Diagnostic> found;
  for (int seen = 0; seen < 3; --i) {
    if (lines[i].structural) {
      ++seen;
      if (auto s = slip_on(lines, i, true)) found = diagnostic(source, i, std::move(*s));
    }
    if (i == 0) break;
  }
  return found;
}

std::optional<Diagnostic> in_text(const Location& where) {
  if (!where.known() || !where.file) return std::nullopt;
  const auto& source = where.file;
  auto lines = scan(*source);
  auto first = static_cast<std::size_t>(where.line - 1);
  if (first >= lines.size()) return std::nullopt;
  Line l = lines[first];
  l.content = utf8::byte_offset_of_char(l.text, static_cast<std::size_t>(where.column - 1));
  l.indent = l.content;  // the hint shows the entry, not the key the text follows
  l.colon = entry_colon(l.text, l.content);
  // The text goes on over the lines indented deeper than the line it starts on.
  for (std::size_t i = first; i < lines.size(); ++i) {
    if (i > first) {
      if (lines[i].indent == lines[i].text.size() || lines[i].indent <= lines[first].indent) break;
      l = lines[i];
    }
    if (auto s = key_colon_slip(l)) return diagnostic(source, i, std::move(*s));
    if (auto s = missing_space_slip(l)) return diagnostic(source, i, std::move(*s));
  }
  return std::nullopt;
}

}  // namespace dacu::slips
