#include "dacu/base/table.hpp"

#include <algorithm>

#include "dacu/base/utf8.hpp"

namespace dacu {

std::string render_text_table(const Table& table, std::string_view indent) {
  std::vector<std::size_t> widths;
  auto measure = [&](const std::vector<std::string>& row) {
    if (widths.size() < row.size()) widths.resize(row.size(), 0);
    for (std::size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], utf8::display_width(row[i]));
  };
  if (!table.header.empty()) measure(table.header);
  for (const auto& row : table.rows) measure(row);
  std::string out;
  auto emit = [&](const std::vector<std::string>& row) {
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
  };
  if (!table.header.empty()) emit(table.header);
  for (const auto& row : table.rows) emit(row);
  return out;
}

namespace {

std::string md_cell(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '|') {
      out += "\\|";
    } else if (c == '\r' || c == '\n') {
      // CRLF, LF and a lone CR are each one line break: CommonMark ends a row at any of them.
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      out += "<br>";
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

std::string render_md_table(const Table& table) {
  std::string out;
  auto emit = [&](const std::vector<std::string>& row) {
    out += "|";
    for (const auto& cell : row) out += " " + md_cell(cell) + " |";
    out += "\n";
  };
  auto columns = table.header.size();
  for (const auto& row : table.rows) columns = std::max(columns, row.size());
  std::vector<std::string> header = table.header;
  header.resize(columns);
  emit(header);
  out += "|";
  for (std::size_t i = 0; i < columns; ++i) {
    bool right = i < table.align.size() && table.align[i] == Align::right;
    out += right ? " ---: |" : " --- |";
  }
  out += "\n";
  for (const auto& row : table.rows) emit(row);
  return out;
}

namespace {

void append_csv_field(std::string& out, std::string_view text) {
  // A plain loop: find_first_of calls memchr over the set for every byte of the text.
  bool plain = std::none_of(text.begin(), text.end(), [](char c) { return c == ',' || c == '"' || c == '\r' || c == '\n'; });
  if (plain) {
    out += text;
    return;
  }
  out += '"';
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

}  // namespace

std::string csv_field(std::string_view text) {
  std::string out;
  append_csv_field(out, text);
  return out;
}

std::string render_csv_table(const Table& table) {
  std::string out;
  std::size_t size = 0;
  for (const auto& cell : table.header) size += cell.size() + 1;
  for (const auto& row : table.rows) {
    for (const auto& cell : row) size += cell.size() + 1;
    size += 1;
  }
  out.reserve(size + size / 16);  // room for a few quoted fields
  auto emit = [&](const std::vector<std::string>& row) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i) out += ',';
      append_csv_field(out, row[i]);
    }
    out += "\r\n";
  };
  if (!table.header.empty()) emit(table.header);
  for (const auto& row : table.rows) emit(row);
  return out;
}

std::string with_excel_bom(std::string csv, bool bom) {
  if (bom) csv.insert(0, "\xEF\xBB\xBF");
  return csv;
}

}  // namespace dacu
