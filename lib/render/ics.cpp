#include "dacu/render/ics.hpp"

#include <fmt/format.h>

#include <cstdint>

#include "dacu/base/error.hpp"

namespace dacu {

std::string render_ics(const Plan& plan, const IcsOptions& options, const Writers& writers) {
  if (writers.ics == nullptr) throw Error(message("render.no-ics-writer"));
  return writers.ics({&plan}, options);
}

std::string render_ics(const std::vector<const Plan*>& plans, const IcsOptions& options, const Writers& writers) {
  if (writers.ics == nullptr) throw Error(message("render.no-ics-writer"));
  return writers.ics(plans, options);
}

namespace {

/// FNV-1a 64: stable across platforms and versions. Parts are joined by a NUL byte.
struct Fnv1a {
  std::uint64_t hash = 0xcbf29ce484222325ull;
  bool first = true;
  void byte(unsigned char c) {
    hash ^= c;
    hash *= 0x100000001b3ull;
  }
  void part(std::string_view bytes) {
    if (!first) byte(0);
    first = false;
    for (unsigned char c : bytes) byte(c);
  }
};

}  // namespace

std::string task_uid(std::string_view campaign, std::string_view task) {
  Fnv1a h;
  h.part(campaign);
  h.part(task);
  return fmt::format("{:016x}@dacu", h.hash);
}

std::string event_uid(std::string_view campaign, std::string_view kind, std::initializer_list<std::string_view> keys) {
  Fnv1a h;
  h.part(campaign);
  h.part(kind);
  for (auto key : keys) h.part(key);
  return fmt::format("{}-{:016x}@dacu", kind, h.hash);
}

}  // namespace dacu
