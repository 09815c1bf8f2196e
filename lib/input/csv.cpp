#include "dacu/input/csv.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

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

  Location here() const {
    Location at{source_, line_, 1};
    return at.advanced(text().substr(line_start_), pos_ - line_start_);
  }

  void newline(std::size_t next) {
    pos_ = next;
    ++line_;
    line_start_ = next;
  }

  [[noreturn]] void fail(const char* code, std::string message, std::string hint) const {
    throw InputError(code, here(), std::move(message), std::move(hint));
  }

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
          throw InputError("D340", open, "a quoted field is never closed", "close the field with \" (write \"\" for a quote inside)");
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
        fail("D340", "text after a closing quote", "a quoted field ends at its closing quote; write \"\" for a quote inside");
      }
      return utf8::nfc(out);
    }
    while (!at_end()) {
      char c = text()[pos_];
      if (c == ',' || line_end_here()) break;
      if (c == '"') fail("D340", "a quote inside an unquoted field", "quote the whole field and double the quote: \"a \"\"b\"\"\"");
      if (c == '\r') fail("D340", "a carriage return without a line feed", "save the file with CRLF or LF line ends");
      if (c == '\0') fail_nul();
      out += c;
      ++pos_;
    }
    return utf8::nfc(out);  // one salesperson or metric typed in NFD or NFC is one name
  }

  // A NUL would cut a name short wherever it is written through a C string (XLSX, ICS).
  [[noreturn]] void fail_nul() const {
    fail("D095", "a NUL character (U+0000) in this field", "the file is damaged or not text; export it again as CSV UTF-8");
  }

  std::shared_ptr<const SourceFile> source_;
  std::size_t pos_ = 0;
  int line_ = 1;
  std::size_t line_start_ = 0;
};

}  // namespace

CsvTable parse_csv(std::string text, std::string_view source_name) {
  // The BOM is dropped: it is not a column, and quoted lines in messages must not show it.
  if (std::string_view(text).starts_with(kBom)) text.erase(0, kBom.size());
  std::size_t start = 0;
  auto source = make_source(std::string(source_name), std::move(text));
  CsvTable table;
  table.source = source;
  std::string_view body = source->text;
  if (auto bad = utf8::find_invalid(body); bad != std::string_view::npos) {
    auto line = static_cast<int>(std::count(body.begin(), body.begin() + static_cast<std::ptrdiff_t>(bad), '\n')) + 1;
    auto line_start = body.rfind('\n', bad == 0 ? 0 : bad - 1);
    line_start = line_start == std::string_view::npos || bad == 0 ? 0 : line_start + 1;
    Location at{source, line, 1};
    throw InputError("D342", at.advanced(body.substr(line_start), bad - line_start), "invalid UTF-8",
                     "save the file as UTF-8 (in Excel: CSV UTF-8)");
  }
  Reader reader(source, start);
  if (!reader.skip_blank_lines()) {
    throw InputError("D344", Location{source, 1, 1}, "the file is empty", "the first line must name the columns");
  }
  auto header = reader.record();
  for (std::size_t i = 0; i < header.fields.size(); ++i) {
    if (header.fields[i].empty()) {
      throw InputError("D344", header.where[i], fmt::format("column {} of the header has no name", i + 1),
                       "the first line must name every column");
    }
    for (std::size_t j = 0; j < i; ++j) {
      if (header.fields[j] == header.fields[i]) {
        throw InputError("D345", header.where[i], fmt::format("column {} is named twice", header.fields[i]),
                         "give each column its own name");
      }
    }
  }
  table.header = header.fields;
  table.header_where = header.where;
  while (reader.skip_blank_lines()) {
    auto r = reader.record();
    if (r.fields.size() != table.header.size()) {
      auto at = r.fields.size() > table.header.size() ? r.where[table.header.size()] : r.end;
      throw InputError("D341", at,
                       fmt::format("the row has {} field{}, the header has {}", r.fields.size(),
                                   r.fields.size() == 1 ? "" : "s", table.header.size()),
                       "quote fields that contain a comma; every row needs one field per column");
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
      std::string hint;
      for (const auto& n : names) {
        if (auto close = closest_match(n, table.header); !close.empty()) {
          hint = fmt::format("did you mean {}? (the column must be named {})", close, fmt::join(names, " or "));
          break;
        }
      }
      if (hint.empty()) hint = fmt::format("add a column named {}", fmt::join(names, " or "));
      Location at = table.header_where.empty() ? Location{table.source, 1, 1} : table.header_where.front();
      throw InputError("D343", at, fmt::format("the header has no column {}", names.front()), hint);
    }
    out.push_back(static_cast<std::size_t>(it - table.header.begin()));
  }
  return out;
}

}  // namespace dacu
