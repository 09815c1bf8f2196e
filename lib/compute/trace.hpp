#pragma once
/// Traceability: where each element of a template comes from (`source:`, model/source.hpp).
///
/// The grammar of a `source:` (docs/format.md, "source"):
///
///   SEED §SECTION [表TABLE] [行ROWS] [「QUOTE」]     a passage of a seed the template declares
///   assumption — REASON                            no seed says it; why the template does
///
/// several separated by `；`, an assumption last (its reason runs to the end). SEED is a name under the template's `seeds:`; SECTION the seed's
/// heading or the words that open the passage (no spaces); TABLE a table's name or number in it;
/// ROWS its row numbers (5, 5-7, 5、7); QUOTE the seed's own words. `假设` is `assumption`, and the
/// dash may be —, ——, -, : or ：.
///
/// A template that declares `seeds:` is a library template (the built-in ones are): `dacu validate`
/// warns about each element without a `source:` (D107), each `source:` that does not read (D108)
/// and each that names a seed not declared (D109). `dacu templates --trace` lists them all.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dacu/base/error.hpp"
#include "dacu/model/template.hpp"

namespace dacu {

/// One part of a `source:`.
struct SourcePart {
  bool assumption = false;
  std::string seed, section, table, rows, quote;  ///< a seed passage
  std::string reason;                             ///< an assumption
};

/// The parts of a `source:`, or nullopt with `problem` saying what does not read.
std::optional<std::vector<SourcePart>> parse_source(std::string_view text, std::string& problem);

/// An element of a template that should say where it comes from.
struct TraceItem {
  std::string section;  ///< where it sits, as the YAML says: tasks, checkpoints, budget/lines, rules …
  std::string name;     ///< its name (a rule's key, 合计 for a declared total)
  std::string source;   ///< the `source:` text, empty when none
  Location source_where;
  Location where;       ///< the element
};

/// Every element of `t` that takes a `source:`, in file order by section.
std::vector<TraceItem> trace_items(const Template& t);

/// D107, D108, D109 for a library template (one that declares `seeds:`); nothing for the others.
std::vector<Diagnostic> check_trace(const Template& t);

}  // namespace dacu
