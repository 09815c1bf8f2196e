// Fuzz target: the CSV readers — the RFC 4180 table (csv.hpp), the product list (product_csv.hpp)
// and the actuals (actuals.hpp): UTF-8, GBK (decode_text) and, for input that is a zip or named
// .xlsx, the workbook reader (xlsx_reader.hpp).
#include "dacu/input/actuals.hpp"
#include "dacu/input/csv.hpp"
#include "dacu/compute/eligibility.hpp"
#include "dacu/input/loader.hpp"
#include "dacu/input/product_csv.hpp"
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // The 聚划算 template's rules: markets, conditions and categories the product columns name.
  static const dacu::EligibilityRules rules = [] {
    dacu::Loader loader;
    return loader.builtin("聚划算")->eligibility;
  }();
  const auto text = dacu::fuzz::as_text(data, size);
  dacu::fuzz::refuse_quietly([&] {
    auto table = dacu::parse_csv(std::string(text), "fuzz.csv");
    (void)dacu::require_columns(table, {{"客户", "customer"}, {"注册", "registered"}});
  });
  dacu::fuzz::refuse_quietly([&] { (void)dacu::parse_products(text, "fuzz.csv", rules); });
  dacu::fuzz::refuse_quietly([&] { (void)dacu::parse_actuals(text, "fuzz.csv"); });
  dacu::fuzz::refuse_quietly([&] {
    (void)dacu::read_actuals(std::string(text), "fuzz.csv", {dacu::TextEncoding::gb18030, {}, true});
  });
  dacu::fuzz::refuse_quietly([&] { (void)dacu::read_actuals(std::string(text), "fuzz.xlsx"); });
  return 0;
}
