#include "io.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <random>

namespace dacu::cli {

namespace fs = std::filesystem;

void add_set_option(CommandLine& cl, OutputOptions& o) {
  cl.options("--set", o.sets, "override a milestone or parameter: --set 开团=2026-12-20T10:00 (repeatable)");
}

void add_output_options(CommandLine& cl, OutputOptions& o, const std::vector<std::string>& formats) {
  add_set_option(cl, o);
  cl.choice("-f,--format", o.format, formats, "output format (default: from -o's extension, else table)");
  cl.option("-o,--output", o.output, "write to FILE instead of stdout (atomically)");
  cl.choice("--lang", o.lang, {"zh", "en"}, "language of labels (default zh)");
}

std::vector<Override> parse_overrides(const OutputOptions& o) {
  std::vector<Override> out;
  for (const auto& s : o.sets) out.push_back(parse_override(s));
  return out;
}

Lang parse_lang(const OutputOptions& o) { return o.lang == "en" ? Lang::en : Lang::zh; }

RenderOptions render_options(const OutputOptions& o, bool bom) {
  RenderOptions options;
  options.lang = parse_lang(o);
  options.bom = bom;
  return options;
}

Format choose_format(const OutputOptions& o, Format fallback) {
  if (!o.format.empty()) {
    if (auto f = format_from_name(o.format)) return *f;
  }
  if (!o.output.empty()) {
    if (auto f = format_from_extension(o.output)) return *f;
  }
  return fallback;
}

namespace {

[[noreturn]] void fail_output(const std::string& path, const std::string& what) {
  throw InputError("D070", Location{make_source(path, {}), 0, 0}, what, "check that the directory exists and is writable");
}

}  // namespace

void refuse_binary_on_terminal(const OutputOptions& o, Format format, const Context& ctx) {
  if (format != Format::xlsx || !ctx.out_is_terminal) return;
  if (!o.output.empty() && o.output != "-") return;
  throw InputError("D072", Location{make_source("<command line>", {}), 0, 0}, "an Excel workbook is binary and stdout is a terminal",
                   "write it to a file with -o FILE.xlsx, or redirect stdout: > FILE.xlsx");
}

void write_output(const OutputOptions& o, const std::string& bytes, const std::vector<std::string>& inputs, Context& ctx) {
  if (o.output.empty() || o.output == "-") {
    ctx.out << bytes;
    ctx.out.flush();
    return;
  }
  fs::path target(o.output);
  std::error_code ec;
  for (const auto& input : inputs) {
    if (fs::exists(target, ec) && fs::equivalent(target, input, ec)) {
      throw InputError("D071", Location{make_source(o.output, {}), 0, 0}, "-o names an input file",
                       "write the output to another file; dacu never overwrites its input");
    }
  }
  if (fs::is_directory(target, ec)) fail_output(o.output, "-o names a directory");
  // Write next to the target, then rename: readers see the old file or the whole new one.
  auto dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  std::random_device rd;
  auto temp = dir / fmt::format(".{}.{}-{:x}.tmp", target.filename().string(), ::getpid(), rd());
  {
    std::ofstream file(temp, std::ios::binary | std::ios::trunc);
    if (!file) fail_output(o.output, fmt::format("cannot create a file in {}: {}", dir.string(), std::strerror(errno)));
    file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    file.flush();
    if (!file) {
      fs::remove(temp, ec);
      fail_output(o.output, "writing failed (disk full?)");
    }
  }
  fs::rename(temp, target, ec);
  if (ec) {
    fs::remove(temp, ec);
    fail_output(o.output, fmt::format("cannot replace the file: {}", ec.message()));
  }
}

std::string paint(std::string text, bool color) {
  if (!color) return text;
  auto replace = [&](std::string_view word, std::string_view code) {
    auto at = text.find(word);
    if (at != std::string::npos) text.replace(at, word.size(), fmt::format("\x1b[{}m{}\x1b[0m", code, word));
  };
  replace("error:", "1;31");
  replace("warning:", "1;33");
  return text;
}

void print_diagnostics(const std::vector<Diagnostic>& diagnostics, Context& ctx) {
  for (const auto& d : diagnostics) ctx.err << paint(format_diagnostic(d), ctx.color);
}

}  // namespace dacu::cli
