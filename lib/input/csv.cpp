#include "dacu/input/csv.hpp"

#include <fmt/format.h>
#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <memory>
#include <unordered_set>

#include "dacu/base/utf8.hpp"

namespace dacu {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

class Reader {
 public:
  Reader(std::shared_ptr<const SourceFile> source, std::size_t start) : source_(std::move(source)), pos_(start) {
    line_ = 1;
    line_start_ = start;  // a BOM does not count as a column
  }

  bool at_end() const { return pos_ >= text().size(); }

  // Skips blank lines; false at the end of the input.
  bool skip_blank_lines() {
    while (!at_end()) {
      if (text()[pos_] == '\n') {
        newline(pos_ + 1);
      } else if (text()[pos_] == '\r' && pos_ + 1 < text().size() && text()[pos_ + 1] == '\n') {
        newline(pos_ + 2);
      } else {
        return true;
      }
    }
    return false;
  }

  CsvRecord record() {
    CsvRecord r;
    r.start = here();
    for (;;) {
      r.where.push_back(here());
      r.quoted.push_back(!at_end() && text()[pos_] == '"');
      r.fields.push_back(field());
      r.end = here();
      if (at_end()) return r;
      char c = text()[pos_];
      if (c == ',') {
        ++pos_;
        // Bounded before the next field is read: a row of 80,000 columns costs no more than this.
        if (r.fields.size() == kMaxCsvColumns) {
          throw input_error("D570", here(), {{"limit", kMaxCsvColumns}});
        }
        continue;
      }
      // field() stops only at ',', a line end or the end.
      if (c == '\r') ++pos_;
      newline(pos_ + 1);
      return r;
    }
  }

 private:
  std::string_view text() const { return source_->text; }

  // Counted on from the last call on the same line, so a long line costs its length once, not
  // once a field.
  Location here() {
    if (counted_line_start_ != line_start_ || counted_pos_ > pos_) {
      counted_line_start_ = line_start_;
      counted_pos_ = line_start_;
      counted_chars_ = 0;
    }
    counted_chars_ += utf8::count_chars(text().substr(counted_pos_, pos_ - counted_pos_));
    counted_pos_ = pos_;
    return Location{source_, line_, static_cast<int>(counted_chars_) + 1};
  }

  void newline(std::size_t next) {
    pos_ = next;
    ++line_;
    line_start_ = next;
  }

  [[noreturn]] void fail(std::string_view key) { throw input_error(key, here()); }

  bool line_end_here() const {
    if (at_end()) return true;
    char c = text()[pos_];
    return c == '\n' || (c == '\r' && pos_ + 1 < text().size() && text()[pos_ + 1] == '\n');
  }

  std::string field() {
    std::string out;
    if (!at_end() && text()[pos_] == '"') {
      auto open = here();
      ++pos_;
      for (;;) {
        if (at_end()) {
          throw input_error("D340.unclosed", open);
        }
        char c = text()[pos_];
        if (c == '"') {
          if (pos_ + 1 < text().size() && text()[pos_ + 1] == '"') {
            out += '"';
            pos_ += 2;
            continue;
          }
          ++pos_;
          break;
        }
        if (c == '\n') {
          out += c;
          newline(pos_ + 1);
          continue;
        }
        if (c == '\0') fail_nul();
        out += c;
        ++pos_;
      }
      if (!at_end() && text()[pos_] != ',' && !line_end_here()) {
        fail("D340.after-quote");
      }
      return utf8::nfc(out);
    }
    while (!at_end()) {
      char c = text()[pos_];
      if (c == ',' || line_end_here()) break;
      if (c == '"') fail("D340.quote-inside");
      if (c == '\r') fail("D340.lone-cr");
      if (c == '\0') fail_nul();
      out += c;
      ++pos_;
    }
    return utf8::nfc(out);  // one salesperson or metric typed in NFD or NFC is one name
  }

  // A NUL would cut a name short wherever it is written through a C string (XLSX, ICS).
  [[noreturn]] void fail_nul() {
    fail("D095.csv");
  }

  std::shared_ptr<const SourceFile> source_;
  std::size_t pos_ = 0;
  int line_ = 1;
  std::size_t line_start_ = 0;
  std::size_t counted_line_start_ = std::string_view::npos;  // here()'s count: its line,
  std::size_t counted_pos_ = 0;                               // how far it went,
  std::size_t counted_chars_ = 0;                             // and the characters up to there
};

// The location of byte `offset` of `text` (UTF-8 up to there): its line and character column.
Location locate_byte(const std::shared_ptr<const SourceFile>& source, std::string_view text, std::size_t offset) {
  auto line = static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n')) + 1;
  auto line_start = offset == 0 ? std::string_view::npos : text.rfind('\n', offset - 1);
  line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
  Location at{source, line, 1};
  return at.advanced(text.substr(line_start), offset - line_start);
}

// GB18030 (which holds GBK and GB2312) to UTF-8 through glibc's iconv. On a byte that does not
// decode, `failed_at` is its offset and the result is what was decoded before it.
std::string from_gb18030(std::string_view bytes, std::size_t& failed_at) {
  failed_at = std::string_view::npos;
  iconv_t cd = iconv_open("UTF-8", "GB18030");
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    failed_at = 0;  // no converter: nothing decodes (glibc always has one)
    return {};
  }
  std::unique_ptr<void, int (*)(iconv_t)> close(cd, &iconv_close);
  std::string out;
  // A GB18030 character is at most 4 bytes and becomes at most 4 bytes of UTF-8.
  out.resize(bytes.size() + 4);
  auto* in = const_cast<char*>(bytes.data());
  std::size_t in_left = bytes.size();
  char* dest = out.data();
  std::size_t out_left = out.size();
  while (in_left > 0) {
    if (iconv(cd, &in, &in_left, &dest, &out_left) != static_cast<std::size_t>(-1)) break;
    if (errno == E2BIG) {
      auto used = static_cast<std::size_t>(dest - out.data());
      out.resize(out.size() * 2);
      dest = out.data() + used;
      out_left = out.size() - used;
      continue;
    }
    failed_at = static_cast<std::size_t>(in - bytes.data());  // EILSEQ, or EINVAL: cut short at the end
    break;
  }
  out.resize(static_cast<std::size_t>(dest - out.data()));
  return out;
}

}  // namespace

std::optional<TextEncoding> parse_encoding(std::string_view name) {
  std::string lower;
  for (char c : name) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  if (lower == "auto") return TextEncoding::automatic;
  if (lower == "utf-8" || lower == "utf8") return TextEncoding::utf8;
  if (lower == "gbk" || lower == "gb18030" || lower == "gb2312" || lower == "cp936") return TextEncoding::gb18030;
  return std::nullopt;
}

std::string decode_text(std::string bytes, std::string_view source_name, TextEncoding encoding) {
  if (encoding == TextEncoding::gb18030) {
    std::size_t failed_at = 0;
    auto text = from_gb18030(bytes, failed_at);
    if (failed_at != std::string_view::npos) {
      // Located in what decoded so far: lines and characters are the same in both encodings.
      auto source = make_source(std::string(source_name), text);
      throw input_error("D441", locate_byte(source, source->text, source->text.size()),
                        {{"byte", fmt::format("0x{:02X}", static_cast<unsigned char>(bytes[failed_at]))}});
    }
    return text;
  }
  auto bad = utf8::find_invalid(bytes);
  if (bad == std::string_view::npos) return bytes;
  std::size_t gb_failed = 0;
  auto gb = from_gb18030(bytes, gb_failed);
  if (encoding == TextEncoding::automatic && gb_failed == std::string_view::npos) return gb;
  auto source = make_source(std::string(source_name), std::move(bytes));
  auto at = locate_byte(source, source->text, bad);
  if (gb_failed == std::string_view::npos) throw input_error("D440", at);
  throw input_error("D342", at);
}

CsvTable parse_csv(std::string text, std::string_view source_name, TextEncoding encoding) {
  // The BOM is dropped: it is not a column, and quoted lines in messages must not show it. It also
  // says the file is UTF-8.
  if (std::string_view(text).starts_with(kBom)) {
    text.erase(0, kBom.size());
    if (encoding == TextEncoding::automatic) encoding = TextEncoding::utf8;
  }
  text = decode_text(std::move(text), source_name, encoding);
  std::size_t start = 0;
  auto source = make_source(std::string(source_name), std::move(text));
  CsvTable table;
  table.source = source;
  Reader reader(source, start);
  if (!reader.skip_blank_lines()) {
    throw input_error("D344.empty", Location{source, 1, 1});
  }
  auto header = reader.record();
  std::unordered_set<std::string_view> names;  // one look-up a column: a wide header stays linear
  for (std::size_t i = 0; i < header.fields.size(); ++i) {
    if (header.fields[i].empty()) {
      throw input_error("D344.no-name", header.where[i], {{"column", i + 1}});
    }
    if (!names.insert(header.fields[i]).second) {
      throw input_error("D345", header.where[i], {{"name", header.fields[i]}});
    }
  }
  table.header = header.fields;
  table.header_where = header.where;
  while (reader.skip_blank_lines()) {
    auto r = reader.record();
    if (r.fields.size() != table.header.size()) {
      auto at = r.fields.size() > table.header.size() ? r.where[table.header.size()] : r.end;
      throw input_error("D341", at,
                        {{"count", r.fields.size()},
                         {"fields", message(r.fields.size() == 1 ? "csv.field" : "csv.fields")},
                         {"columns", table.header.size()}});
    }
    table.records.push_back(std::move(r));
  }
  return table;
}

std::vector<std::size_t> require_columns(const CsvTable& table, const std::vector<std::vector<std::string>>& columns) {
  std::vector<std::size_t> out;
  for (const auto& names : columns) {
    auto it = std::find_if(table.header.begin(), table.header.end(), [&](const std::string& h) {
      return std::find(names.begin(), names.end(), h) != names.end();
    });
    if (it == table.header.end()) {
      // 客户 or customer; in Chinese 「客户」或「customer」.
      std::string listed;
      for (std::size_t i = 0; i < names.size(); ++i) {
        listed = i == 0 ? message("csv.column-name", {{"name", names[i]}})
                        : message("csv.column-or", {{"names", listed}, {"name", names[i]}});
      }
      std::string hint;
      for (const auto& n : names) {
        if (auto close = closest_match(n, table.header); !close.empty()) {
          hint = message("csv.did-you-mean-column", {{"close", close}, {"names", listed}});
          break;
        }
      }
      if (hint.empty()) hint = message("csv.add-column", {{"names", listed}});
      Location at = table.header_where.empty() ? Location{table.source, 1, 1} : table.header_where.front();
      throw input_error("D343", at, {{"column", names.front()}, {"advice", hint}});
    }
    out.push_back(static_cast<std::size_t>(it - table.header.begin()));
  }
  return out;
}

}  // namespace dacu
