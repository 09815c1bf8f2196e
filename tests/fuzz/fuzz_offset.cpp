// Fuzz target: offset phrases (parse_offset), e.g. 报名前20天, 开团 +1d @10:00.
#include <array>
#include <string>

#include "dacu/base/offset.hpp"
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::array<std::string, 6> milestones{"报名", "竞拍", "竞拍成功", "开团", "结束", "开售"};
  const auto text = dacu::fuzz::as_text(data, size);
  dacu::fuzz::refuse_quietly([&] {
    auto offset = dacu::parse_offset(text, dacu::fuzz::location_of(text), milestones);
    (void)offset.canonical();
  });
  return 0;
}
