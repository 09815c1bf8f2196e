#include "dacu/input/xlsx_reader.hpp"

#include <expat.h>
#include <unzip.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "dacu/base/utf8.hpp"

namespace dacu {

namespace {

// ---- The zip archive, read from memory through minizip's I/O callbacks ----

struct Memory {
  std::string_view bytes;
  std::uint64_t pos = 0;
};

voidpf ZCALLBACK mem_open(voidpf opaque, const void*, int) {
  static_cast<Memory*>(opaque)->pos = 0;
  return opaque;
}
uLong ZCALLBACK mem_read(voidpf, voidpf stream, void* buf, uLong size) {
  auto* m = static_cast<Memory*>(stream);
  auto left = m->bytes.size() - std::min<std::uint64_t>(m->pos, m->bytes.size());
  auto n = std::min<std::uint64_t>(size, left);
  std::memcpy(buf, m->bytes.data() + m->pos, n);
  m->pos += n;
  return static_cast<uLong>(n);
}
uLong ZCALLBACK mem_write(voidpf, voidpf, const void*, uLong) { return 0; }
ZPOS64_T ZCALLBACK mem_tell(voidpf, voidpf stream) { return static_cast<Memory*>(stream)->pos; }
long ZCALLBACK mem_seek(voidpf, voidpf stream, ZPOS64_T offset, int origin) {
  auto* m = static_cast<Memory*>(stream);
  std::uint64_t base = origin == ZLIB_FILEFUNC_SEEK_SET ? 0 : origin == ZLIB_FILEFUNC_SEEK_CUR ? m->pos : m->bytes.size();
  if (offset > m->bytes.size() || base + offset > m->bytes.size()) return -1;
  m->pos = base + offset;
  return 0;
}
int ZCALLBACK mem_close(voidpf, voidpf) { return 0; }
int ZCALLBACK mem_error(voidpf, voidpf) { return 0; }

// 64 MiB; 4096 bytes below 1 MiB.
std::string size_text(std::size_t bytes) {
  return bytes >= (1u << 20) && bytes % (1u << 20) == 0 ? std::to_string(bytes >> 20) + " MiB" : std::to_string(bytes) + " B";
}

// ---- XML parts, read with expat as streams ----

std::string_view local_name(const XML_Char* name) {
  std::string_view n(name);
  auto bar = n.rfind('|');  // the namespace separator given to XML_ParserCreateNS
  return bar == std::string_view::npos ? n : n.substr(bar + 1);
}

const XML_Char* attribute(const XML_Char** attrs, std::string_view name) {
  for (std::size_t i = 0; attrs[i]; i += 2) {
    if (local_name(attrs[i]) == name) return attrs[i + 1];
  }
  return nullptr;
}

// What a part's handler sees. A handler never throws through expat (C code): it records the
// error and stops the parser; read_part rethrows it.
struct PartHandler {
  virtual ~PartHandler() = default;
  virtual void start(std::string_view name, const XML_Char** attrs) = 0;
  virtual void end(std::string_view name) = 0;
  virtual void text(std::string_view) {}
};

class Workbook {
 public:
  Workbook(std::string_view bytes, std::string_view name, const XlsxLimits& limits)
      : memory_{bytes}, limits_(limits), source_(make_source(std::string(name), {})) {
    zlib_filefunc64_def io{mem_open, mem_read, mem_write, mem_tell, mem_seek, mem_close, mem_error, &memory_};
    zip_ = unzOpen2_64("", &io);
    if (!zip_) fail("D448.not-zip");
  }
  ~Workbook() {
    if (zip_) unzClose(zip_);
  }
  Workbook(const Workbook&) = delete;
  Workbook& operator=(const Workbook&) = delete;

  const std::shared_ptr<const SourceFile>& source() const { return source_; }
  const XlsxLimits& limits() const { return limits_; }

  [[noreturn]] void fail(std::string_view key, MessageArgs args = {}) const {
    throw input_error(key, Location{source_, 0, 0}, args);
  }

  // Streams the part `path` through `handler`; false when the archive has no such part.
  bool read_part(const std::string& path, PartHandler& handler) {
    if (unzLocateFile(zip_, path.c_str(), 2) != UNZ_OK) return false;
    unz_file_info64 info{};
    if (unzGetCurrentFileInfo64(zip_, &info, nullptr, 0, nullptr, 0, nullptr, 0) != UNZ_OK) {
      fail("D448.damaged", {{"part", path}});
    }
    if (info.flag & 1) fail("D448.encrypted");
    if (info.uncompressed_size > limits_.max_part_bytes) {
      fail("D449.part", {{"part", path}, {"limit", size_text(limits_.max_part_bytes)}});
    }
    if (unzOpenCurrentFile(zip_) != UNZ_OK) fail("D448.damaged", {{"part", path}});
    std::unique_ptr<std::remove_pointer_t<XML_Parser>, void (*)(XML_Parser)> parser(XML_ParserCreateNS(nullptr, '|'),
                                                                                     &XML_ParserFree);
    if (!parser) throw std::bad_alloc();
    Context context{&handler, parser.get(), {}, this, path};
    XML_SetUserData(parser.get(), &context);
    XML_SetElementHandler(parser.get(), &on_start, &on_end);
    XML_SetCharacterDataHandler(parser.get(), &on_text);
    XML_SetStartDoctypeDeclHandler(parser.get(), &on_doctype);
    std::array<char, 1 << 16> chunk;
    std::size_t part_bytes = 0;
    for (bool last = false; !last;) {
      int got = unzReadCurrentFile(zip_, chunk.data(), static_cast<unsigned>(chunk.size()));
      if (got < 0) {
        unzCloseCurrentFile(zip_);
        fail("D448.damaged", {{"part", path}});
      }
      last = got == 0;
      part_bytes += static_cast<std::size_t>(got);
      total_bytes_ += static_cast<std::size_t>(got);
      // The size the zip claims is not trusted: what inflates is counted.
      if (part_bytes > limits_.max_part_bytes) fail("D449.part", {{"part", path}, {"limit", size_text(limits_.max_part_bytes)}});
      if (total_bytes_ > limits_.max_total_bytes) fail("D449.total", {{"limit", size_text(limits_.max_total_bytes)}});
      if (XML_Parse(parser.get(), chunk.data(), got, last) == XML_STATUS_ERROR) {
        unzCloseCurrentFile(zip_);
        if (context.error) std::rethrow_exception(context.error);
        fail("D451", {{"part", path},
                      {"line", XML_GetCurrentLineNumber(parser.get())},
                      {"column", XML_GetCurrentColumnNumber(parser.get()) + 1},
                      {"reason", XML_ErrorString(XML_GetErrorCode(parser.get()))}});
      }
    }
    if (unzCloseCurrentFile(zip_) != UNZ_OK) fail("D448.damaged", {{"part", path}});
    return true;
  }

 private:
  struct Context {
    PartHandler* handler;
    XML_Parser parser;
    std::exception_ptr error;
    const Workbook* book;
    const std::string& part;
  };
  static void guarded(void* data, const std::function<void(PartHandler&)>& f) {
    auto* c = static_cast<Context*>(data);
    if (c->error) return;
    try {
      f(*c->handler);
    } catch (...) {
      c->error = std::current_exception();
      XML_StopParser(c->parser, XML_FALSE);
    }
  }
  static void XMLCALL on_start(void* data, const XML_Char* name, const XML_Char** attrs) {
    guarded(data, [&](PartHandler& h) { h.start(local_name(name), attrs); });
  }
  static void XMLCALL on_end(void* data, const XML_Char* name) {
    guarded(data, [&](PartHandler& h) { h.end(local_name(name)); });
  }
  static void XMLCALL on_text(void* data, const XML_Char* s, int len) {
    guarded(data, [&](PartHandler& h) { h.text(std::string_view(s, static_cast<std::size_t>(len))); });
  }
  static void XMLCALL on_doctype(void* data, const XML_Char*, const XML_Char*, const XML_Char*, int) {
    auto* c = static_cast<Context*>(data);
    // No workbook part has a DTD; one is the way to entity expansion (billion laughs).
    if (!c->error) {
      c->error = std::make_exception_ptr(input_error("D451.dtd", Location{c->book->source_, 0, 0}, {{"part", c->part}}));
    }
    XML_StopParser(c->parser, XML_FALSE);
  }

  Memory memory_;
  XlsxLimits limits_;
  std::shared_ptr<const SourceFile> source_;
  unzFile zip_ = nullptr;
  std::size_t total_bytes_ = 0;
};

// ---- The parts ----

struct Relationships : PartHandler {
  struct Rel {
    std::string id, type, target;
  };
  std::vector<Rel> rels;
  void start(std::string_view name, const XML_Char** attrs) override {
    if (name != "Relationship") return;
    auto id = attribute(attrs, "Id"), type = attribute(attrs, "Type"), target = attribute(attrs, "Target");
    if (id && type && target) rels.push_back({id, type, target});
  }
  void end(std::string_view) override {}
  const Rel* by_type(std::string_view suffix) const {
    for (const auto& r : rels) {
      if (std::string_view(r.type).ends_with(suffix)) return &r;
    }
    return nullptr;
  }
  const Rel* by_id(std::string_view id) const {
    for (const auto& r : rels) {
      if (r.id == id) return &r;
    }
    return nullptr;
  }
};

struct WorkbookPart : PartHandler {
  struct Sheet {
    std::string name, rel;
  };
  std::vector<Sheet> sheets;
  bool date1904 = false;
  void start(std::string_view name, const XML_Char** attrs) override {
    if (name == "sheet") {
      auto n = attribute(attrs, "name"), id = attribute(attrs, "id");
      if (n && id) sheets.push_back({utf8::nfc(n), id});
    } else if (name == "workbookPr") {
      auto d = attribute(attrs, "date1904");
      date1904 = d && (std::string_view(d) == "1" || std::string_view(d) == "true");
    }
  }
  void end(std::string_view) override {}
};

struct SharedStrings : PartHandler {
  explicit SharedStrings(const Workbook& workbook) : book(workbook) {}
  const Workbook& book;
  std::vector<std::string> strings;
  std::string current;
  bool in_item = false, in_text = false;
  int phonetic = 0;  // inside <rPh>: a reading guide, not the cell's text
  void start(std::string_view name, const XML_Char**) override {
    if (name == "si") {
      if (strings.size() >= book.limits().max_cells) book.fail("D449.cells", {{"limit", book.limits().max_cells}});
      in_item = true;
      current.clear();
    } else if (name == "rPh") {
      ++phonetic;
    } else if (name == "t" && in_item && phonetic == 0) {
      in_text = true;
    }
  }
  void end(std::string_view name) override {
    if (name == "si") {
      strings.push_back(utf8::nfc(current));
      in_item = false;
    } else if (name == "rPh") {
      --phonetic;
    } else if (name == "t") {
      in_text = false;
    }
  }
  void text(std::string_view s) override {
    if (in_text) current += s;
  }
};

// A number as Excel stores it (36765, 0.30000000000000004, 1.5E-3) without an exponent, so that
// the grammars in base/ read it; text that is no such number is returned unchanged.
std::string plain_number(std::string_view v) {
  auto e = v.find_first_of("eE");
  if (e == std::string_view::npos) return std::string(v);
  std::string_view mantissa = v.substr(0, e), exponent = v.substr(e + 1);
  bool negative = mantissa.starts_with('-');
  if (negative) mantissa.remove_prefix(1);
  int exp = 0;
  bool exp_negative = exponent.starts_with('-');
  if (exponent.starts_with('-') || exponent.starts_with('+')) exponent.remove_prefix(1);
  if (exponent.empty() || exponent.size() > 3) return std::string(v);
  for (char c : exponent) {
    if (c < '0' || c > '9') return std::string(v);
    exp = exp * 10 + (c - '0');
  }
  if (exp_negative) exp = -exp;
  std::string digits;
  int point = -1;
  for (std::size_t i = 0; i < mantissa.size(); ++i) {
    if (mantissa[i] == '.' && point < 0) point = static_cast<int>(i);
    else if (mantissa[i] >= '0' && mantissa[i] <= '9') digits += mantissa[i];
    else return std::string(v);
  }
  if (digits.empty()) return std::string(v);
  if (point < 0) point = static_cast<int>(digits.size());
  int at = point + exp;
  std::string out;
  if (at <= 0) {
    out = "0." + std::string(static_cast<std::size_t>(-at), '0') + digits;
  } else if (at >= static_cast<int>(digits.size())) {
    out = digits + std::string(static_cast<std::size_t>(at) - digits.size(), '0');
  } else {
    out = digits.substr(0, static_cast<std::size_t>(at)) + "." + digits.substr(static_cast<std::size_t>(at));
  }
  return negative ? "-" + out : out;
}

struct SheetPart : PartHandler {
  SheetPart(const Workbook& workbook, const std::vector<std::string>& shared) : book(workbook), strings(shared) {}
  const Workbook& book;
  const std::vector<std::string>& strings;
  struct Cell {
    std::size_t column;
    std::string text;
    bool numeric;
  };
  struct Row {
    std::size_t number;
    std::vector<Cell> cells;
  };
  std::vector<Row> rows;
  std::size_t cells = 0;
  // The cell being read.
  std::size_t column = 0;
  std::string type, value, inline_text;
  bool in_cell = false, in_value = false, in_inline = false, in_inline_text = false;
  int phonetic = 0;

  Location at(std::size_t row, std::size_t col) const {
    return Location{book.source(), static_cast<int>(row), static_cast<int>(col)};
  }

  // A cell reference's column and row: B3 is column 2, row 3.
  std::pair<std::size_t, std::size_t> reference(std::string_view r) const {
    std::size_t col = 0, row = 0, i = 0;
    for (; i < r.size() && r[i] >= 'A' && r[i] <= 'Z' && col <= 16384; ++i) col = col * 26 + static_cast<std::size_t>(r[i] - 'A' + 1);
    std::size_t digits = i;
    for (; i < r.size() && r[i] >= '0' && r[i] <= '9' && row <= 1'048'576; ++i) row = row * 10 + static_cast<std::size_t>(r[i] - '0');
    if (col == 0 || col > 16384 || i == digits || i != r.size() || row == 0 || row > 1'048'576) {
      throw input_error("D452.reference", at(rows.empty() ? 1 : rows.back().number, 1), {{"text", std::string(r.substr(0, 20))}});
    }
    return {col, row};
  }

  void start(std::string_view name, const XML_Char** attrs) override {
    if (name == "row") {
      std::size_t number = rows.empty() ? 1 : rows.back().number + 1;
      if (auto r = attribute(attrs, "r")) {
        number = 0;
        for (const char* p = r; *p; ++p) {
          if (*p < '0' || *p > '9' || number > 1'048'576) throw input_error("D452.reference", at(number, 1), {{"text", std::string(r).substr(0, 20)}});
          number = number * 10 + static_cast<std::size_t>(*p - '0');
        }
        if (number == 0 || number > 1'048'576) throw input_error("D452.reference", at(1, 1), {{"text", std::string(r).substr(0, 20)}});
      }
      if (rows.size() >= book.limits().max_rows) throw input_error("D449.rows", at(number, 1), {{"limit", book.limits().max_rows}});
      rows.push_back({number, {}});
    } else if (name == "c" && !rows.empty()) {
      in_cell = true;
      column = rows.back().cells.empty() ? 1 : rows.back().cells.back().column + 1;
      if (auto r = attribute(attrs, "r")) {
        auto [col, row] = reference(r);
        if (row != rows.back().number) throw input_error("D452.reference", at(rows.back().number, col), {{"text", std::string(r)}});
        column = col;
      }
      auto t = attribute(attrs, "t");
      type = t ? t : "n";
      value.clear();
      inline_text.clear();
    } else if (in_cell && name == "v") {
      in_value = true;
    } else if (in_cell && name == "is") {
      in_inline = true;
    } else if (in_inline && name == "rPh") {
      ++phonetic;
    } else if (in_inline && name == "t" && phonetic == 0) {
      in_inline_text = true;
    }
  }

  void end(std::string_view name) override {
    if (name == "v") {
      in_value = false;
    } else if (name == "t") {
      in_inline_text = false;
    } else if (name == "rPh") {
      --phonetic;
    } else if (name == "is") {
      in_inline = false;
    } else if (name == "c" && in_cell) {
      in_cell = false;
      finish_cell();
    }
  }

  void text(std::string_view s) override {
    if (in_value) value += s;
    else if (in_inline_text) inline_text += s;
  }

  void finish_cell() {
    auto row = rows.back().number;
    std::string text;
    bool numeric = false;
    if (type == "s") {
      std::size_t index = 0;
      bool ok = !value.empty() && value.size() <= 9;
      for (char c : value) ok = ok && c >= '0' && c <= '9', index = index * 10 + static_cast<std::size_t>(c - '0');
      if (!ok || index >= strings.size()) {
        throw input_error("D452.string", at(row, column), {{"text", value.substr(0, 20)}, {"count", strings.size()}});
      }
      text = strings[index];
    } else if (type == "inlineStr") {
      text = utf8::nfc(inline_text);
    } else if (type == "n") {
      text = plain_number(value);
      numeric = !text.empty();
    } else {
      text = utf8::nfc(value);  // str (a formula's text), b (0 or 1), e (#DIV/0!), d (an ISO date)
    }
    if (text.empty()) return;
    if (++cells > book.limits().max_cells) throw input_error("D449.cells", at(row, column), {{"limit", book.limits().max_cells}});
    auto& row_cells = rows.back().cells;
    if (!row_cells.empty() && row_cells.back().column >= column) {
      throw input_error("D452.order", at(row, column), {});
    }
    row_cells.push_back({column, std::move(text), numeric});
  }
};

// `target` of a relationship from the part in folder `base` ("xl/"), as a path in the archive.
std::string resolve(std::string_view base, std::string_view target) {
  std::string path = target.starts_with('/') ? std::string(target.substr(1)) : std::string(base) + std::string(target);
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= path.size()) {
    auto slash = path.find('/', start);
    auto part = path.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

std::string folder_of(std::string_view path) {
  auto slash = path.rfind('/');
  return slash == std::string_view::npos ? std::string() : std::string(path.substr(0, slash + 1));
}

}  // namespace

CsvTable read_xlsx_sheet(std::string_view bytes, std::string_view source_name, std::string_view sheet_name,
                         const XlsxLimits& limits) {
  Workbook book(bytes, source_name, limits);
  auto read_part = [&](const std::string& part, PartHandler& handler) { return book.read_part(part, handler); };
  Relationships package;
  read_part("_rels/.rels", package);
  std::string workbook_path = "xl/workbook.xml";
  if (const auto* office = package.by_type("/officeDocument")) workbook_path = resolve("", office->target);
  WorkbookPart workbook;
  if (!read_part(workbook_path, workbook)) book.fail("D448.missing", {{"part", workbook_path}});
  auto base = folder_of(workbook_path);
  Relationships rels;
  read_part(base + "_rels/" + workbook_path.substr(base.size()) + ".rels", rels);
  if (workbook.sheets.empty()) book.fail("D448.missing", {{"part", base + "worksheets/sheet1.xml"}});
  const auto* sheet = &workbook.sheets.front();
  if (!sheet_name.empty()) {
    auto it = std::find_if(workbook.sheets.begin(), workbook.sheets.end(), [&](const auto& s) { return s.name == sheet_name; });
    if (it == workbook.sheets.end()) {
      std::vector<std::string> names;
      std::string listed;
      for (const auto& s : workbook.sheets) {
        names.push_back(s.name);
        listed += (listed.empty() ? "" : ", ") + s.name;
      }
      auto close = closest_match(sheet_name, names);
      book.fail("D450", {{"name", sheet_name}, {"sheets", listed}, {"close", close.empty() ? names.front() : close}});
    }
    sheet = &*it;
  }
  const auto* sheet_rel = rels.by_id(sheet->rel);
  std::string sheet_path = sheet_rel ? resolve(base, sheet_rel->target) : base + "worksheets/sheet1.xml";
  SharedStrings strings(book);
  std::string strings_path = base + "sharedStrings.xml";
  if (const auto* r = rels.by_type("/sharedStrings")) strings_path = resolve(base, r->target);
  read_part(strings_path, strings);
  SheetPart part(book, strings.strings);
  if (!read_part(sheet_path, part)) book.fail("D448.missing", {{"part", sheet_path}});

  CsvTable table;
  table.source = book.source();
  table.date1904 = workbook.date1904;
  std::stable_sort(part.rows.begin(), part.rows.end(), [](const auto& a, const auto& b) { return a.number < b.number; });
  std::size_t slots = 0;
  bool header_done = false;
  for (const auto& row : part.rows) {
    if (row.cells.empty()) continue;  // a blank row
    CsvRecord record;
    auto width = row.cells.back().column;
    if (width > kMaxCsvColumns) {
      throw input_error("D570", Location{book.source(), static_cast<int>(row.number), static_cast<int>(kMaxCsvColumns + 1)},
                        {{"limit", kMaxCsvColumns}});
    }
    slots += width;
    if (slots > limits.max_cells) {
      throw input_error("D449.cells", Location{book.source(), static_cast<int>(row.number), static_cast<int>(width)},
                        {{"limit", limits.max_cells}});
    }
    record.fields.resize(width);
    record.numeric.resize(width);
    for (std::size_t c = 1; c <= width; ++c) record.where.push_back(Location{book.source(), static_cast<int>(row.number), static_cast<int>(c)});
    record.quoted.resize(width);
    for (const auto& cell : row.cells) {
      record.fields[cell.column - 1] = cell.text;
      record.numeric[cell.column - 1] = cell.numeric;
    }
    record.start = record.where.front();
    record.end = Location{book.source(), static_cast<int>(row.number), static_cast<int>(width + 1)};
    if (!header_done) {
      table.header = std::move(record.fields);
      table.header_where = std::move(record.where);
      header_done = true;
    } else {
      table.records.push_back(std::move(record));
    }
  }
  return table;
}

}  // namespace dacu
