// The entry point dacu looks up in a writer module (lib/writers/modules.cpp): built into dacu-ics.so
// with DACU_MODULE_ICS and into dacu-xlsx.so with DACU_MODULE_XLSX.
#include "dacu/writers/modules.hpp"

extern "C" [[gnu::visibility("default")]] const dacu::modules::Entry* dacu_module_entry() {
#if defined(DACU_MODULE_ICS)
  static const dacu::modules::Entry entry{dacu::modules::kAbi, reinterpret_cast<void (*)()>(&dacu::write_ics_calendar),
                                          &dacu::cleanup::adopt, dacu::cleanup::table_size()};
#elif defined(DACU_MODULE_XLSX)
  static const dacu::modules::Entry entry{dacu::modules::kAbi, reinterpret_cast<void (*)()>(&dacu::xlsx::write_workbook),
                                          &dacu::cleanup::adopt, dacu::cleanup::table_size()};
#else
#error "define DACU_MODULE_ICS or DACU_MODULE_XLSX"
#endif
  return &entry;
}
