#include "batch.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sched.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <mutex>
#include <new>
#include <ostream>
#include <sstream>
#include <thread>

#include "batch_logic.hpp"
#include "dacu/base/utf8.hpp"
#include "dacu/input/loader.hpp"
#include "dacu/input/sources.hpp"
#include "dacu/render/json.hpp"
#include "exit_status.hpp"
#include "io.hpp"
#include "process.hpp"
#include "reads.hpp"
#include "sha256.hpp"

namespace dacu::cli {

namespace fs = std::filesystem;

namespace {

Location command_line() { return Location{make_source("<command line>", {}), 0, 0}; }

// Text for the JSON files: a path or message that is not valid UTF-8 (a file name in GBK) has its
// bad bytes shown as \xNN, as on stderr; JSON holds only UTF-8.
std::string json_text(std::string_view text) {
  if (utf8::find_invalid(text) == std::string_view::npos) return std::string(text);
  return utf8::visible(text);
}

}  // namespace

void add_batch_options(CommandLine& cl, BatchOptions& o) {
  cl.option("--out-dir", o.out_dir, "batch: write one output per input into DIR (named after the input), with DIR/.dacu-manifest.json", o.out_dir_given);
  cl.option("-j,--jobs", o.jobs, "batch: inputs processed in parallel: N, or auto for the number of processors (default 1)", o.jobs_given);
  cl.option("--summary", o.summary, "batch: write the run's result as JSON to FILE (per input: status, diagnostics; see README)", o.summary_given);
  cl.flag("--clean-failed", o.clean_failed, "batch: remove the previous output of an input that failed this run");
  cl.option("--files-from", o.files_from, "read input paths from FILE, one per line (- for stdin; blank lines and # comments skipped)", o.files_from_given);
  cl.flag("-q,--quiet", o.quiet, "no progress, no summary line and no warnings on stderr (errors are still printed)");
}

std::vector<std::string> batch_inputs(std::vector<std::string> files, const BatchOptions& o) {
  if (o.files_from_given) {
    std::string text;
    if (o.files_from == "-") {
      text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    } else {
      std::error_code ec;
      if (o.files_from.empty() || !fs::exists(o.files_from, ec)) {
        throw input_error("D545", Location{make_source(o.files_from, {}), 0, 0}, {{"file", o.files_from}});
      }
      text = read_text_file(o.files_from, InputKind::list);
    }
    // A NUL cuts a path when it is opened but not when the output is named: `a.yaml\0b` would
    // write a's report as b's. Such a list is refused, located at the line.
    if (auto nul = text.find('\0'); nul != std::string::npos) {
      auto line = static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(nul), '\n')) + 1;
      throw input_error("D545.nul", Location{make_source(o.files_from == "-" ? "<stdin>" : o.files_from, {}), line, 1}, {});
    }
    auto listed = parse_file_list(text);
    files.insert(files.end(), listed.begin(), listed.end());
  }
  if (files.empty()) throw input_error("D548", command_line());
  return files;
}

void check_batch_usage(const std::vector<std::string>& inputs, const BatchOptions& o, const std::string& output) {
  auto where = command_line();
  if (o.jobs_given && o.jobs.empty()) parse_jobs(o.jobs, 1, true);  // -j "": D533, not the default
  if (o.out_dir_given && o.out_dir.empty()) {
    throw input_error("D077.out-dir", where);
  }
  if (o.out_dir.empty() && inputs.size() > 1) {
    throw input_error("D532.no-out-dir", where, {{"count", inputs.size()}});
  }
  if (!o.out_dir.empty() && !output.empty()) {
    throw input_error("D532.both", where);
  }
  if (o.out_dir.empty() && !o.jobs.empty()) {
    throw input_error("D532.jobs", where);
  }
  if (o.out_dir.empty() && (o.summary_given || o.clean_failed)) {
    throw input_error("D546", where, {{"option", o.summary_given ? "--summary" : "--clean-failed"}});
  }
  if (o.summary_given && o.summary.empty()) {
    throw input_error("D546.empty", where);
  }
}

namespace {

unsigned processors() {
  cpu_set_t set;
  CPU_ZERO(&set);
  if (::sched_getaffinity(0, sizeof set, &set) == 0) return static_cast<unsigned>(CPU_COUNT(&set));
  return std::thread::hardware_concurrency();
}

struct Item {
  std::string input;
  fs::path output;
  std::optional<std::string> actuals;
  bool owns_output = true;  ///< false when another input of the batch has the same output (D530)
  std::vector<Diagnostic> diagnostics;  ///< every one, for the summary
  std::string messages;                 ///< what stderr shows of them
  InputOutcome outcome;
  bool written = false;
  bool removed = false;  ///< --clean-failed removed the previous output
  std::string sha256;
  std::size_t size = 0;
};

/// Takes the folder's lock, or refuses the run (D543, exit 4). The descriptor is held until
/// the run ends; the file stays (removing it would let a third run lock another file).
class FolderLock {
 public:
  explicit FolderLock(const fs::path& dir) {
    auto path = (dir / kLockName).string();
    fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0666);
    if (fd_ < 0) {
      throw input_error("D543.open", Location{make_source(path, {}), 0, 0}, {{"reason", system_error_text(errno)}});
    }
    while (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
      if (errno == EINTR) continue;
      int error = errno;
      ::close(fd_);
      if (error == EWOULDBLOCK) {
        throw input_error("D543.held", Location{make_source(path, {}), 0, 0}, {{"folder", dir.string()}});
      }
      throw input_error("D543.open", Location{make_source(path, {}), 0, 0}, {{"reason", system_error_text(error)}});
    }
  }
  ~FolderLock() { ::close(fd_); }
  FolderLock(const FolderLock&) = delete;
  FolderLock& operator=(const FolderLock&) = delete;

 private:
  int fd_ = -1;
};

json::Value location_json(const Diagnostic& d, const std::string& input) {
  auto out = json::Value::object();
  out["input"] = json_text(input);
  out["severity"] = d.severity == Severity::error ? "error" : "warning";
  out["code"] = d.code.empty() ? json::Value() : json::Value(d.code);
  out["message"] = json_text(d.message);
  out["hint"] = d.hint.empty() ? json::Value() : json::Value(json_text(d.hint));
  auto file = d.where.file_name();
  out["file"] = file.empty() ? json::Value() : json::Value(json_text(file));
  out["line"] = d.where.known() ? json::Value(d.where.line) : json::Value();
  out["column"] = d.where.known() && d.where.column > 0 ? json::Value(d.where.column) : json::Value();
  return out;
}

std::string summary_json(const std::vector<Item>& items, const BatchOptions& o, int status) {
  auto doc = json::Value::object();
  doc["schema_version"] = std::string(kSummarySchemaVersion);
  doc["dacu_version"] = DACU_VERSION;
  doc["command"] = o.command;
  doc["out_dir"] = json_text(o.out_dir);
  doc["exit_code"] = status;
  std::map<std::string_view, std::size_t> counts;
  std::size_t written = 0, errors = 0, warnings = 0;
  auto list = json::Value::array();
  for (const auto& item : items) {
    ++counts[status_name(item.outcome)];
    written += item.written;
    auto entry = json::Value::object();
    entry["input"] = json_text(item.input);
    entry["output"] = json_text(item.output.string());
    entry["written"] = item.written;
    entry["status"] = status_name(item.outcome);
    entry["flags"] = status_flags(item.outcome);
    entry["failure"] = item.outcome.failure == kSuccess       ? json::Value()
                       : item.outcome.failure == kEnvironment ? json::Value("environment")
                       : item.outcome.failure == kInputError  ? json::Value("input")
                                                              : json::Value("internal");
    entry["exit_code"] = outcome_status(item.outcome, o.fail_on_alert, o.fail_on_missing);
    if (o.actuals_of) entry["actuals"] = item.actuals ? json::Value(json_text(*item.actuals)) : json::Value();
    entry["removed_previous_output"] = item.removed;
    auto diagnostics = json::Value::array();
    for (const auto& d : item.diagnostics) {
      diagnostics.push_back(location_json(d, item.input));
      (d.severity == Severity::error ? errors : warnings) += 1;
    }
    entry["diagnostics"] = std::move(diagnostics);
    list.push_back(std::move(entry));
  }
  auto totals = json::Value::object();
  totals["inputs"] = items.size();
  totals["written"] = written;
  for (std::string_view name : {"ok", "failed", "alert", "missing_data", "stale"}) totals[name] = counts[name];
  totals["errors"] = errors;
  totals["warnings"] = warnings;
  doc["totals"] = std::move(totals);
  doc["inputs"] = std::move(list);
  return json::dump(doc, 2) + "\n";
}

std::string manifest_json(const std::vector<Item>& items, const BatchOptions& o) {
  auto doc = json::Value::object();
  doc["schema_version"] = std::string(kSummarySchemaVersion);
  doc["dacu_version"] = DACU_VERSION;
  doc["command"] = o.command;
  auto list = json::Value::array();
  for (const auto& item : items) {
    auto entry = json::Value::object();
    entry["input"] = json_text(item.input);
    entry["output"] = json_text(item.output.filename().string());
    entry["status"] = status_name(item.outcome);
    entry["written"] = item.written;
    entry["size"] = item.written ? json::Value(item.size) : json::Value();
    entry["sha256"] = item.written ? json::Value(item.sha256) : json::Value();
    list.push_back(std::move(entry));
  }
  doc["outputs"] = std::move(list);
  return json::dump(doc, 2) + "\n";
}

// An item's failure: its diagnostics kept, its messages painted.
void fail(Item& item, std::vector<Diagnostic> diagnostics, int failure, bool color) {
  item.outcome.failure = failure;
  item.messages += format_diagnostics(diagnostics, Warnings::all, color);
  item.diagnostics.insert(item.diagnostics.end(), diagnostics.begin(), diagnostics.end());
}

// Writes `bytes` to `path` the way every output is written; a failure is printed and gives 4.
// --summary must not land on what the run writes or reads besides the campaign files (which
// write_output already protects): an output of this run, the manifest, the lock, or the
// --files-from list. D546.clash, before anything is written.
void refuse_summary_clash(const std::vector<std::string>& inputs, const BatchOptions& o) {
  if (!o.summary_given) return;
  std::error_code ec;
  auto same = [&](const fs::path& a, const fs::path& b) {
    auto ca = fs::weakly_canonical(a, ec);
    if (ec) return false;
    auto cb = fs::weakly_canonical(b, ec);
    return !ec && ca == cb;
  };
  std::vector<fs::path> taken{fs::path(o.out_dir) / kManifestName, fs::path(o.out_dir) / kLockName};
  if (o.files_from_given && o.files_from != "-") taken.emplace_back(o.files_from);
  for (const auto& input : inputs) taken.push_back(fs::path(o.out_dir) / (fs::path(input).stem().string() + "." + o.extension));
  for (const auto& path : taken) {
    if (same(o.summary, path)) {
      throw input_error("D546.clash", Location{make_source("<command line>", o.summary), 1, 1},
                        {{"file", o.summary}, {"other", path.string()}});
    }
  }
}

int write_run_file(const std::string& path, const std::string& bytes, const std::vector<std::string>& inputs, Context& ctx) {
  OutputOptions target;
  target.output = path;
  target.output_given = true;
  try {
    write_output(target, bytes, inputs, ctx);
    return kSuccess;
  } catch (const InputError& e) {
    ctx.err << format_input_error(e, ctx.color);
    return exit_status_of(e.diagnostic()) == kEnvironment ? kEnvironment : kUsageError;
  }
}

}  // namespace

int run_batch(const std::vector<std::string>& inputs, const BatchOptions& o, const BatchProduce& produce, Context& ctx) {
  unsigned jobs = parse_jobs(o.jobs, processors(), o.jobs_given);
  std::error_code ec;
  refuse_summary_clash(inputs, o);
  fs::create_directories(o.out_dir, ec);
  if (!fs::is_directory(o.out_dir, ec)) {
    throw input_error("D531.out-dir", Location{make_source(o.out_dir, {}), 0, 0});
  }
  FolderLock folder_lock(o.out_dir);
  std::vector<Item> items(inputs.size());
  std::map<fs::path, std::size_t> claimed;  // two inputs with one stem would overwrite each other
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    items[i].input = inputs[i];
    items[i].output = fs::path(o.out_dir) / (fs::path(inputs[i]).stem().string() + "." + o.extension);
    if (o.actuals_of) items[i].actuals = o.actuals_of(inputs[i]);
    auto name = items[i].output.filename().string();
    if (name == kManifestName || name == kLockName) {
      items[i].owns_output = false;
      fail(items[i],
           {make_diagnostic(Severity::error, "D530.reserved", Location{make_source(inputs[i], {}), 0, 0},
                            {{"output", items[i].output.string()}})},
           kInputError, ctx.color);
      continue;
    }
    auto [it, fresh] = claimed.emplace(items[i].output, i);
    if (!fresh) {
      items[i].owns_output = false;
      fail(items[i],
           {make_diagnostic(Severity::error, "D530.same-output", Location{make_source(inputs[i], {}), 0, 0},
                            {{"output", items[i].output.string()}, {"other", inputs[it->second]}})},
           kInputError, ctx.color);
    }
  }

  bool progress = ctx.err_is_terminal && !o.quiet;
  std::atomic<std::size_t> next{0};
  std::size_t done = 0;
  std::mutex err_mutex;
  OrderedRelease release(items.size());
  auto finished = [&](std::size_t i) {
    std::lock_guard lock(err_mutex);
    ++done;
    auto due = release.finish(i);
    if (progress && due.from < due.to) ctx.err << "\r\x1b[K";
    for (auto k = due.from; k < due.to; ++k) ctx.err << items[k].messages;
    if (progress) ctx.err << fmt::format("\r[{}/{}] {}\x1b[K", done, items.size(), utf8::visible(items[i].input));
    ctx.err << std::flush;
  };
  auto worker = [&] {
    Loader loader;  // one per worker: the built-in templates are parsed once per thread
    loader.set_template_dirs(ctx.loader.template_dirs());
    std::ostringstream sink_out, sink_err;
    for (std::size_t i; (i = next.fetch_add(1)) < items.size();) {
      auto& item = items[i];
      if (!item.outcome.failed()) {
        try {
          auto result = produce(loader, item.input);
          OutputOptions target;
          target.output = item.output.string();
          Context quiet{sink_out, sink_err, loader};
          // Every file this input read (the template it extends, its own actuals) and the shared inputs.
          auto read = inputs_read({item.input}, loader);
          read.insert(read.end(), o.shared_inputs.begin(), o.shared_inputs.end());
          if (item.actuals) read.push_back(*item.actuals);
          item.diagnostics = result.warnings;
          if (!o.quiet) item.messages += format_diagnostics(result.warnings, o.warnings, ctx.color);
          item.outcome.alert = result.alert;
          item.outcome.missing_data = result.missing_data;
          item.outcome.stale = result.stale;
          write_output(target, result.bytes, read, quiet);
          item.written = true;
          item.size = result.bytes.size();
          item.sha256 = sha256_hex(result.bytes);
        } catch (const ChecksFailed& e) {
          fail(item, e.all(), kInputError, ctx.color);
        } catch (const InputError& e) {
          // An output it could not write is the machine's; anything else, the input's own.
          fail(item, {e.diagnostic()}, exit_status_of(e.diagnostic()) == kEnvironment ? kEnvironment : kInputError, ctx.color);
        } catch (const std::bad_alloc&) {
          // This input needs more memory than the process may have; the others may not.
          fail(item, {out_of_memory(item.input)}, kEnvironment, ctx.color);
        } catch (const std::exception& e) {
          Diagnostic d;
          d.where = Location{make_source(item.input, {}), 0, 0};
          d.message = e.what();
          item.outcome.failure = kInternalError;
          item.diagnostics.push_back(d);
          item.messages += paint(fmt::format("dacu: {}: {}: {}\n", message("label.internal-error"), item.input, e.what()), ctx.color);
        }
        if (item.outcome.failed()) item.written = false;
      }
      finished(i);
    }
  };
  std::vector<std::thread> threads;
  for (unsigned t = 1; t < std::min<std::size_t>(jobs, items.size()); ++t) threads.emplace_back(worker);
  worker();
  for (auto& t : threads) t.join();
  if (progress) ctx.err << "\r\x1b[K";

  // Yesterday's output of an input that failed today is not left to be taken for today's.
  if (o.clean_failed) {
    for (auto& item : items) {
      if (!item.outcome.failed() || !item.owns_output) continue;
      std::error_code removed_ec;
      auto st = fs::symlink_status(item.output, removed_ec);
      if (removed_ec || !fs::is_regular_file(st)) continue;
      if (fs::remove(item.output, removed_ec)) {
        item.removed = true;
      } else {
        auto d = make_diagnostic(Severity::warning, "D544", Location{make_source(item.output.string(), {}), 0, 0},
                                 {{"reason", removed_ec.message()}});
        item.diagnostics.push_back(d);
        ctx.err << paint(format_diagnostic(d), ctx.color);
      }
    }
  }

  int status = kSuccess;
  std::size_t failed = 0, alerts = 0, missing = 0;
  for (const auto& item : items) {
    status = worst_status(status, outcome_status(item.outcome, o.fail_on_alert, o.fail_on_missing));
    failed += item.outcome.failed();
    alerts += !item.outcome.failed() && item.outcome.alert;
    missing += !item.outcome.failed() && (item.outcome.missing_data || item.outcome.stale);
  }
  std::vector<std::string> all_inputs = inputs;
  all_inputs.insert(all_inputs.end(), o.shared_inputs.begin(), o.shared_inputs.end());
  for (const auto& item : items) {
    if (item.actuals) all_inputs.push_back(*item.actuals);
  }
  status = worst_status(status, write_run_file((fs::path(o.out_dir) / kManifestName).string(), manifest_json(items, o), all_inputs, ctx));

  if (!o.quiet) {
    std::string more = alerts ? message("app.batch-alerts", {{"count", alerts}}) : std::string();
    if (missing) more += message("nightly.missing", {{"count", missing}});
    auto folder = utf8::visible(o.out_dir);
    auto written = static_cast<std::size_t>(std::count_if(items.begin(), items.end(), [](const Item& i) { return i.written; }));
    ctx.err << "dacu: "
            << message(items.size() == 1 ? "app.batch-summary-one" : "app.batch-summary",
                       {{"count", items.size()}, {"written", written}, {"folder", folder}, {"failed", failed}, {"alerts", more}})
            << "\n";
  }
  if (o.summary_given) {
    // The summary carries the run's exit code: what it would be if the summary itself is written.
    status = worst_status(status, write_run_file(o.summary, summary_json(items, o, status), all_inputs, ctx));
  }
  return status;
}

}  // namespace dacu::cli
