#include "dacu/compute/baseline.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <tuple>

#include "dacu/base/utf8.hpp"

namespace dacu {

namespace {

// The message arguments that name what the finding is about; the others are phrases in the
// language of messages (advice, what) or positions (line), which must not change a fingerprint.
constexpr std::string_view kIdentity[] = {"name",  "task",  "milestone", "parameter", "key",        "owner", "post",
                                          "phase", "first", "second",    "field",     "checkpoint", "metric"};

std::string_view trimmed(std::string_view text) {
  auto first = text.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) return {};
  auto last = text.find_last_not_of(" \t\r");
  return text.substr(first, last - first + 1);
}

std::string input_of(const Diagnostic& d) { return d.input.empty() ? std::string(d.where.file_name()) : d.input; }

// FNV-1a, 64 bits: small, and the same everywhere (std::hash is not).
struct Fnv {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  void add(std::string_view text) {
    for (unsigned char c : text) {
      hash ^= c;
      hash *= 0x100000001b3ULL;
    }
    hash ^= 0xff;  // a separator no UTF-8 text holds
    hash *= 0x100000001b3ULL;
  }
};

// The part of the baseline line that people read: the located line, made one visible line.
std::string shown_line(const Diagnostic& d) {
  auto text = utf8::visible(trimmed(d.where.line_text()), utf8::Tab::show);
  if (utf8::count_chars(text) > 80) text = text.substr(0, utf8::byte_offset_of_char(text, 79)) + "…";
  return text;
}

std::vector<std::string_view> fields_of(std::string_view line) {
  std::vector<std::string_view> out;
  for (std::size_t from = 0;;) {
    auto tab = line.find('\t', from);
    out.push_back(line.substr(from, tab == std::string_view::npos ? std::string_view::npos : tab - from));
    if (tab == std::string_view::npos) return out;
    from = tab + 1;
  }
}

}  // namespace

std::string baseline_fingerprint(const Diagnostic& d) {
  Fnv f;
  f.add(d.key.empty() ? d.code : d.key);
  f.add(d.where.file_name());
  f.add(trimmed(d.where.line_text()));
  for (const auto& [name, value] : d.args) {
    if (std::find(std::begin(kIdentity), std::end(kIdentity), name) == std::end(kIdentity)) continue;
    f.add(name);
    f.add(value);
  }
  return fmt::format("{:016x}", f.hash);
}

std::string write_baseline(const std::vector<Diagnostic>& findings) {
  std::map<std::tuple<std::string, std::string, std::string>, std::pair<std::size_t, std::string>> lines;
  for (const auto& d : findings) {
    auto& line = lines[{input_of(d), d.code, baseline_fingerprint(d)}];
    if (line.first++ == 0) line.second = shown_line(d);
  }
  std::string out = "# dacu validate baseline: input, code, fingerprint, count, line (dacu validate --write-baseline)\n";
  for (const auto& [key, line] : lines) {
    const auto& [input, code, fingerprint] = key;
    out += fmt::format("{}\t{}\t{}\t{}\t{}\n", utf8::visible(input, utf8::Tab::show), code, fingerprint, line.first, line.second);
  }
  return out;
}

std::vector<BaselineEntry> parse_baseline(std::string_view text, std::string_view source_name) {
  auto source = make_source(std::string(source_name), std::string(text));
  std::vector<BaselineEntry> out;
  for (std::size_t i = 0; i < source->line_starts.size(); ++i) {
    Location where{source, static_cast<int>(i) + 1, 1};
    auto line = where.line_text();
    if (trimmed(line).empty() || line.front() == '#') continue;
    auto fields = fields_of(line);
    if (fields.size() < 4 || fields.size() > 5 || fields[0].empty() || fields[1].empty()) {
      throw input_error("D610.fields", where, {{"count", fields.size()}});
    }
    auto fingerprint = fields[2];
    bool hex = fingerprint.size() == 16 && fingerprint.find_first_not_of("0123456789abcdef") == std::string_view::npos;
    if (!hex) throw input_error("D610.fingerprint", where.advanced(line, fields[0].size() + fields[1].size() + 2), {{"text", fingerprint}});
    std::size_t count = 0;
    bool number = !fields[3].empty() && fields[3].size() <= 9 && fields[3].find_first_not_of("0123456789") == std::string_view::npos;
    if (number) for (char c : fields[3]) count = count * 10 + static_cast<std::size_t>(c - '0');
    if (count == 0) {
      auto at = fields[0].size() + fields[1].size() + fields[2].size() + 3;
      throw input_error("D610.count", where.advanced(line, at), {{"text", fields[3]}});
    }
    out.push_back({std::string(fields[0]), std::string(fields[1]), std::string(fingerprint), count});
  }
  return out;
}

std::vector<bool> match_baseline(const std::vector<Diagnostic>& findings, const std::vector<BaselineEntry>& baseline) {
  std::map<std::tuple<std::string, std::string, std::string>, std::size_t> left;
  for (const auto& e : baseline) left[{e.input, e.code, e.fingerprint}] += e.count;
  std::vector<bool> out;
  out.reserve(findings.size());
  for (const auto& d : findings) {
    auto it = left.find({utf8::visible(input_of(d), utf8::Tab::show), d.code, baseline_fingerprint(d)});
    bool known = it != left.end() && it->second > 0;
    if (known) --it->second;
    out.push_back(known);
  }
  return out;
}

}  // namespace dacu
