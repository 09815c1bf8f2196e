#include "dacu/writers/modules.hpp"

#include <dlfcn.h>
#include <sys/auxv.h>
#include <fmt/format.h>

#include <filesystem>
#include <system_error>
#include <vector>

#include "dacu/base/error.hpp"

// A program that links a writer's object library defines these; in dacu they stay null (weak
// references do not pull anything out of a static library) and the module is loaded instead.
namespace dacu {
[[gnu::weak]] std::string write_ics_calendar(const std::vector<const Plan*>& plans, const IcsOptions& options);
namespace xlsx {
[[gnu::weak]] std::string write_workbook(const Workbook& workbook);
}
}  // namespace dacu

namespace dacu::modules {

namespace {

namespace fs = std::filesystem;

/// Where a module may be: beside the binary (the build tree), then LIBDIR/dacu relative to it.
/// The binary is /proc/self/exe, or without /proc the path it was started by (AT_EXECFN).
std::vector<fs::path> places() {
  std::error_code ec;
  auto exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) {
    const auto* started = reinterpret_cast<const char*>(::getauxval(AT_EXECFN));
    if (started == nullptr || *started == '\0') return {};
    exe = fs::absolute(started, ec);
    if (ec) return {};
  }
  auto dir = exe.parent_path();
  return {dir, (dir / DACU_MODULE_RELDIR).lexically_normal()};
}

Location command_line() { return Location{make_source("<command line>", {}), 0, 0}; }

void (*load(std::string_view name, std::string_view format))() {
  auto file = fmt::format("dacu-{}.so", name);
  auto dirs = places();
  for (const auto& dir : dirs) {
    auto path = dir / file;
    std::error_code ec;
    if (!fs::exists(path, ec)) continue;
    void* handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);  // never closed: it stays until exit
    if (handle == nullptr) {
      const char* why = ::dlerror();
      throw input_error("D074.load", command_line(),
                        {{"format", format}, {"path", path.string()}, {"reason", why ? std::string(why) : message("render.unknown-reason")}});
    }
    auto entry = reinterpret_cast<const Entry* (*)()>(::dlsym(handle, "dacu_module_entry"));
    if (entry == nullptr || !(entry()->abi == kAbi) || entry()->cleanup_table != cleanup::table_size()) {
      throw input_error("D074.other-build", command_line(), {{"format", format}, {"path", path.string()}});
    }
    // Its scratch files go into this program's table, which the signal handler empties.
    entry()->adopt_cleanup(cleanup::table());
    return entry()->function;
  }
  std::string looked;
  for (const auto& dir : dirs) looked = looked.empty() ? dir.string() : message("render.places-and", {{"list", looked}, {"item", dir.string()}});
  if (looked.empty()) looked = message("render.no-places");
  throw input_error("D074.missing", command_line(),
                    {{"format", format}, {"file", file}, {"places", looked}, {"target", file.substr(0, file.size() - 3)}});
}

}  // namespace

IcsWriter ics() {
  if (&write_ics_calendar != nullptr) return &write_ics_calendar;
  static const IcsWriter loaded = reinterpret_cast<IcsWriter>(load("ics", "ics"));
  return loaded;
}

XlsxWriter xlsx() {
  if (&xlsx::write_workbook != nullptr) return &xlsx::write_workbook;
  static const XlsxWriter loaded = reinterpret_cast<XlsxWriter>(load("xlsx", "xlsx"));
  return loaded;
}

Writers writers() {
  Writers w;
  w.ics = [](const std::vector<const Plan*>& plans, const IcsOptions& options) { return ics()(plans, options); };
  w.xlsx = [](const xlsx::Workbook& book) { return xlsx()(book); };
  return w;
}

}  // namespace dacu::modules
