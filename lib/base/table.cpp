#include "dacu/base/table.hpp"

#include <algorithm>

#include "dacu/base/utf8.hpp"
#include "dacu/base/visible.hpp"

namespace dacu {

std::string render_text_table(const Table& table, std::string_view indent) {
  // What the terminal will show: control characters as escapes, so the widths are of that form.
  std::vector<std::vector<std::string>> shown;
  shown.reserve(table.rows.size() + 1);
  if (!table.header.empty()) {
    auto& row = shown.emplace_back();
    for (const auto& cell : table.header) row.push_back(visible_text(cell));
  }
  for (const auto& cells : table.rows) {
    auto& row = shown.emplace_back();
    for (const auto& cell : cells) row.push_back(visible_text(cell.text));
  }
  std::vector<std::size_t> widths;
  for (const auto& row : shown) {
    if (widths.size() < row.size()) widths.resize(row.size(), 0);
    for (std::size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], utf8::display_width(row[i]));
  }
  std::string out;
  for (const auto& row : shown) {
    std::string line(indent);
    for (std::size_t i = 0; i < row.size(); ++i) {
      bool right = i < table.align.size() && table.align[i] == Align::right;
      if (right) {
        line += utf8::pad_left(row[i], widths[i]);
      } else {
        line += i + 1 == row.size() ? row[i] : utf8::pad_right(row[i], widths[i]);
      }
      if (i + 1 < row.size()) line += "  ";
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line;
    out += '\n';
  }
  return out;
}

std::string md_text(std::string_view text) {
  std::string line;  // one line of `text`, escaped for Markdown; controls stay for visible_text
  std::string out;
  auto flush = [&] {
    out += visible_text(line);
    line.clear();
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    switch (c) {
      case '\r':
      case '\n':
        // CRLF, LF and a lone CR are each one line break: CommonMark ends a row at any of them.
        if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
        flush();
        out += "<br>";
        break;
      case '\\': case '|': case '[': case ']': case '*': case '_': case '`':
        line += '\\';
        line += c;
        break;
      case '<': line += "&lt;"; break;
      case '>': line += "&gt;"; break;
      case '&': line += "&amp;"; break;
      default: line += c;
    }
  }
  flush();
  return out;
}

namespace {

const std::string& text_of(const std::string& cell) { return cell; }
const std::string& text_of(const TableCell& cell) { return cell.text; }

}  // namespace

std::string render_md_table(const Table& table) {
  std::string out;
  auto emit = [&](const auto& row, std::size_t columns) {
    out += "|";
    for (const auto& cell : row) out += " " + md_text(text_of(cell)) + " |";
    for (std::size_t i = row.size(); i < columns; ++i) out += "  |";
    out += "\n";
  };
  auto columns = table.header.size();
  for (const auto& row : table.rows) columns = std::max(columns, row.size());
  emit(table.header, columns);
  out += "|";
  for (std::size_t i = 0; i < columns; ++i) {
    bool right = i < table.align.size() && table.align[i] == Align::right;
    out += right ? " ---: |" : " --- |";
  }
  out += "\n";
  for (const auto& row : table.rows) emit(row, 0);
  return out;
}

namespace {

// What a spreadsheet may take for the start of a formula (OWASP, "CSV Injection").
bool starts_formula(std::string_view text) {
  if (text.empty()) return false;
  switch (text.front()) {
    case '=': case '+': case '-': case '@': case '\t': case '\r': return true;
    default: return false;
  }
}

void append_csv_field(std::string& out, std::string_view text, bool guard) {
  std::string_view quote_mark = guard && starts_formula(text) ? "'" : "";
  // A plain loop: find_first_of calls memchr over the set for every byte of the text.
  bool plain = std::none_of(text.begin(), text.end(), [](char c) { return c == ',' || c == '"' || c == '\r' || c == '\n'; });
  if (plain) {
    out += quote_mark;
    out += text;
    return;
  }
  out += '"';
  out += quote_mark;
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

}  // namespace

std::string_view csv_unguarded(std::string_view field) {
  if (field.size() >= 2 && field.front() == '\'' && starts_formula(field.substr(1))) field.remove_prefix(1);
  return field;
}

std::string csv_field(std::string_view text, FormulaGuard guard) {
  std::string out;
  append_csv_field(out, text, guard == FormulaGuard::on);
  return out;
}

std::string render_csv_table(const Table& table, FormulaGuard guard) {
  std::string out;
  std::size_t size = 0;
  for (const auto& cell : table.header) size += cell.size() + 1;
  for (const auto& row : table.rows) {
    for (const auto& cell : row) size += cell.text.size() + 1;
    size += 1;
  }
  out.reserve(size + size / 16);  // room for a few quoted fields
  bool guarded = guard == FormulaGuard::on;
  if (!table.header.empty()) {
    for (std::size_t i = 0; i < table.header.size(); ++i) {
      if (i) out += ',';
      append_csv_field(out, table.header[i], guarded);
    }
    out += "\r\n";
  }
  for (const auto& row : table.rows) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i) out += ',';
      append_csv_field(out, row[i].text, guarded && row[i].kind == TableCell::Kind::text);
    }
    out += "\r\n";
  }
  return out;
}

std::string with_excel_bom(std::string csv, bool bom) {
  if (bom) csv.insert(0, "\xEF\xBB\xBF");
  return csv;
}

}  // namespace dacu
