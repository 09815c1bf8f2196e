#pragma once
/// The agenda across campaigns (`dacu agenda`) rendered: table, md, csv, json, ics, html. Every
/// format shows the double bookings: a 冲突 column on the items (the conflict's number and the
/// other campaigns in it) and, except CSV (one table), a 冲突 section listing each conflict's
/// tasks; JSON has `conflicts`; the calendar says it in the description of each booked task.

#include <string>
#include <vector>

#include "dacu/base/error.hpp"
#include "dacu/compute/agenda.hpp"
#include "dacu/render/format.hpp"

namespace dacu {

struct AgendaRender {
  Format format = Format::table;
  RenderOptions options;
  AgendaFilter filter;                   ///< shown in the heading and the JSON
  std::vector<std::string> inputs;       ///< the files, as given (JSON `inputs`)
  std::vector<Diagnostic> diagnostics;   ///< the warnings of the run (JSON `diagnostics`)
};

/// The agenda in `r.format` (xlsx is not offered). ICS: one calendar of every campaign's shown
/// items, each event with the UID `dacu plan` gives it.
std::string render_agenda(const Agenda& agenda, const AgendaRender& r);

/// `C1`: how every format names a conflict (its position in Agenda::conflicts, from 1).
std::string conflict_label(std::size_t index);

}  // namespace dacu
