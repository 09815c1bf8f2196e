#include "dacu/render/ics.hpp"

#include <fmt/format.h>

#include <cstdint>

#include "dacu/base/error.hpp"

namespace dacu {

std::string render_ics(const Plan& plan, const IcsOptions& options, const Writers& writers) {
  if (writers.ics == nullptr) throw Error(message("render.no-ics-writer"));
  return writers.ics(plan, options);
}

std::string task_uid(std::string_view campaign, std::string_view task) {
  std::uint64_t hash = 0xcbf29ce484222325ull;  // FNV-1a 64: stable across platforms and versions
  auto mix = [&](std::string_view bytes) {
    for (unsigned char c : bytes) {
      hash ^= c;
      hash *= 0x100000001b3ull;
    }
  };
  mix(campaign);
  mix(std::string_view("\0", 1));
  mix(task);
  return fmt::format("{:016x}@dacu", hash);
}


}  // namespace dacu
