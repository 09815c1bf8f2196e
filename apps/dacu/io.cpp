#include "io.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <ostream>
#include <random>

#include "dacu/writers/modules.hpp"

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

void add_csv_raw_option(CommandLine& cl, OutputOptions& o) {
  cl.flag("--csv-raw", o.csv_raw,
          "CSV: text cells as they are (default: a ' before text that starts with = + - @, so Excel runs no formula)");
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
  options.csv_guard = o.csv_raw ? FormulaGuard::off : FormulaGuard::on;
  options.writers = modules::writers();
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

[[noreturn]] void fail_output(const std::string& path, const std::string& what,
                              std::string hint = "check that the directory exists and is writable") {
  throw InputError("D070", Location{make_source(path, {}), 0, 0}, what, std::move(hint));
}

constexpr const char* kWriteHint = "check the free space and the quota where the file goes, or write it elsewhere";

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
  const std::string& target = o.output;
  // One stat of the target: a directory is refused, and an existing file may be an input.
  struct stat at {};
  bool exists = ::stat(target.c_str(), &at) == 0;
  if (exists) {
    if (S_ISDIR(at.st_mode)) fail_output(o.output, "-o names a directory");
    for (const auto& input : inputs) {
      struct stat in {};
      if (::stat(input.c_str(), &in) == 0 && in.st_dev == at.st_dev && in.st_ino == at.st_ino) {
        throw InputError("D071", Location{make_source(o.output, {}), 0, 0}, "-o names an input file",
                         "write the output to another file; dacu never overwrites its input");
      }
    }
  }
  auto write_all = [&](int fd, const auto& give_up) {
    for (std::size_t done = 0; done < bytes.size();) {
      auto n = ::write(fd, bytes.data() + done, bytes.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) give_up(fmt::format("writing failed: {}", n < 0 ? std::strerror(errno) : "no progress"));
      done += static_cast<std::size_t>(n);
    }
  };
  // A device, pipe or socket (-o /dev/null, a named pipe) is written to as it is: renaming a file
  // over it would replace the device itself. So is /dev/stdout and the like, a link into
  // /proc/self/fd, even when it leads to a regular file (`-o /dev/stdout > plan.csv`): appending
  // there is what the shell's redirection asked for, and a rename would replace the link.
  struct stat link {};
  bool fd_link = exists && (target.starts_with("/dev/") || target.starts_with("/proc/")) &&
                 ::lstat(target.c_str(), &link) == 0 && S_ISLNK(link.st_mode);
  if (exists && (!S_ISREG(at.st_mode) || fd_link)) {
    int fd = ::open(target.c_str(), O_WRONLY | O_CLOEXEC | (S_ISREG(at.st_mode) ? O_APPEND : 0));
    if (fd < 0) fail_output(o.output, fmt::format("cannot open it for writing: {}", std::strerror(errno)));
    write_all(fd, [&](const std::string& what) {
      ::close(fd);
      fail_output(o.output, what, kWriteHint);
    });
    if (::close(fd) != 0) fail_output(o.output, fmt::format("writing failed: {}", std::strerror(errno)), kWriteHint);
    return;
  }
  // Write next to the target, then rename: readers see the old file or the whole new one. The
  // temporary name holds the process id, a token drawn once per process and a counter; O_EXCL
  // refuses a name that exists anyway (left by a killed run), and the next number is tried. (A
  // std::random_device per file cost 9% of a 10,000-file batch, measured; one per process does not.)
  static std::atomic<unsigned long> counter{0};
  static const auto token = fmt::format("{}-{:08x}", ::getpid(), std::random_device{}());
  fs::path target_path(target);
  auto dir = target_path.parent_path().empty() ? fs::path(".") : target_path.parent_path();
  fs::path temp;
  int fd = -1;
  for (int attempt = 0; fd < 0 && attempt < 100; ++attempt) {
    temp = dir / fmt::format(".{}.{}-{}.tmp", target_path.filename().string(), token, counter.fetch_add(1));
    fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0 && errno != EEXIST) break;
  }
  if (fd < 0) fail_output(o.output, fmt::format("cannot create a file in {}: {}", dir.string(), std::strerror(errno)));
  write_all(fd, [&](const std::string& what) {
    ::close(fd);
    ::unlink(temp.c_str());
    fail_output(o.output, what, kWriteHint);
  });
  if (::close(fd) != 0) {
    int error = errno;  // before unlink, which may set it
    ::unlink(temp.c_str());
    fail_output(o.output, fmt::format("writing failed: {}", std::strerror(error)), kWriteHint);
  }
  if (::rename(temp.c_str(), target.c_str()) != 0) {
    int error = errno;
    ::unlink(temp.c_str());
    fail_output(o.output, fmt::format("cannot replace the file: {}", std::strerror(error)));
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
