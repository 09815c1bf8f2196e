#include "batch.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <atomic>
#include <charconv>
#include <filesystem>
#include <map>
#include <mutex>
#include <new>
#include <ostream>
#include <sstream>
#include <thread>

#include "dacu/base/utf8.hpp"
#include "dacu/input/loader.hpp"
#include "exit_status.hpp"
#include "io.hpp"
#include "process.hpp"
#include "reads.hpp"

namespace dacu::cli {

namespace fs = std::filesystem;

void add_batch_options(CommandLine& cl, BatchOptions& o) {
  cl.option("--out-dir", o.out_dir, "batch: write one output per input into DIR (named after the input)", o.out_dir_given);
  cl.option("-j,--jobs", o.jobs, "batch: inputs processed in parallel (default 1)");
}

void check_batch_usage(const std::vector<std::string>& inputs, const BatchOptions& o, const std::string& output) {
  auto where = Location{make_source("<command line>", {}), 0, 0};
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
}

namespace {

unsigned parse_jobs(const std::string& text) {
  if (text.empty()) return 1;
  unsigned n = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  // Digits too many for an unsigned are a whole number too, just not a usable one.
  bool whole = (ec == std::errc() || ec == std::errc::result_out_of_range) && end == text.data() + text.size();
  if (!whole || n == 0 || n > 256) {
    Location where{make_source("<command line>", text), 1, 1};
    if (whole) throw input_error("D533.range", where, {{"jobs", text}});
    throw input_error("D533.whole", where, {{"jobs", text}});
  }
  return n;
}

struct Item {
  std::string input;
  fs::path output;
  std::string messages;  ///< diagnostics to print, in order
  bool failed = false;
  bool alert = false;
};

}  // namespace

int run_batch(const std::vector<std::string>& inputs, const BatchOptions& o, const BatchProduce& produce, Context& ctx) {
  unsigned jobs = parse_jobs(o.jobs);
  std::error_code ec;
  fs::create_directories(o.out_dir, ec);
  if (!fs::is_directory(o.out_dir)) {
    throw input_error("D531.out-dir", Location{make_source(o.out_dir, {}), 0, 0});
  }
  std::vector<Item> items(inputs.size());
  std::map<fs::path, std::size_t> claimed;  // two inputs with one stem would overwrite each other
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    items[i].input = inputs[i];
    items[i].output = fs::path(o.out_dir) / (fs::path(inputs[i]).stem().string() + "." + o.extension);
    auto [it, fresh] = claimed.emplace(items[i].output, i);
    if (!fresh) {
      items[i].failed = true;
      items[i].messages = paint(format_diagnostic(make_diagnostic(Severity::error, "D530.same-output",
                                                                  Location{make_source(inputs[i], {}), 0, 0},
                                                                  {{"output", items[i].output.string()}, {"other", inputs[it->second]}})),
                                ctx.color);
    }
  }

  bool progress = ctx.err_is_terminal;
  std::atomic<std::size_t> next{0}, done{0};
  std::mutex err_mutex;
  auto worker = [&] {
    Loader loader;  // one per worker: the built-in templates are parsed once per thread
    loader.set_template_dirs(ctx.loader.template_dirs());
    std::ostringstream sink_out, sink_err;
    for (std::size_t i; (i = next.fetch_add(1)) < items.size();) {
      auto& item = items[i];
      if (!item.failed) {
        try {
          auto result = produce(loader, item.input);
          item.messages += format_diagnostics(result.warnings, o.warnings, ctx.color);
          OutputOptions target;
          target.output = item.output.string();
          Context quiet{sink_out, sink_err, loader};
          // Every file this input read (the template it extends too) and the shared inputs.
          auto read = inputs_read({item.input}, loader);
          read.insert(read.end(), o.shared_inputs.begin(), o.shared_inputs.end());
          write_output(target, result.bytes, read, quiet);
          item.alert = result.alert;
        } catch (const InputError& e) {
          item.failed = true;
          item.messages += format_input_error(e, ctx.color);
        } catch (const std::bad_alloc&) {
          // This input needs more memory than the process may have; the others may not.
          item.failed = true;
          item.messages += paint(format_diagnostic(out_of_memory(item.input)), ctx.color);
        } catch (const std::exception& e) {
          item.failed = true;
          item.messages += paint(fmt::format("dacu: {}: {}: {}\n", message("label.error"), item.input, e.what()), ctx.color);
        }
      }
      auto finished = done.fetch_add(1) + 1;
      if (progress) {
        std::lock_guard lock(err_mutex);
        ctx.err << fmt::format("\r[{}/{}] {}\x1b[K", finished, items.size(), item.input) << std::flush;
      }
    }
  };
  std::vector<std::thread> threads;
  for (unsigned t = 1; t < std::min<std::size_t>(jobs, items.size()); ++t) threads.emplace_back(worker);
  worker();
  for (auto& t : threads) t.join();
  if (progress) ctx.err << "\r\x1b[K";

  std::size_t failed = 0, alerts = 0;
  for (const auto& item : items) {
    ctx.err << item.messages;
    failed += item.failed;
    alerts += item.alert;
  }
  std::string more = alerts ? message("app.batch-alerts", {{"count", alerts}}) : std::string();
  auto folder = utf8::visible(o.out_dir);
  auto written = items.size() - failed;
  std::string summary =
      items.size() == 1
          ? message("app.batch-summary-one", {{"count", items.size()}, {"written", written}, {"folder", folder}, {"failed", failed}, {"alerts", more}})
          : message("app.batch-summary", {{"count", items.size()}, {"written", written}, {"folder", folder}, {"failed", failed}, {"alerts", more}});
  ctx.err << "dacu: " << summary << "\n";
  if (failed) return kInputError;
  if (alerts && o.fail_on_alert) return kAlert;
  return kSuccess;
}

}  // namespace dacu::cli
