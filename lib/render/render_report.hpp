#pragma once
/// The nightly report rendered: md, json, html or xlsx, and the text its renderers share.

#include <chrono>
#include <string>

#include "dacu/base/rational.hpp"
#include "dacu/compute/report.hpp"
#include "dacu/render/format.hpp"

namespace dacu {

/// Text shared by the report renderers: `300`, `12.35`; `+25%`, `-12.5%`; `还有3天2小时`, `已过15分钟`.
std::string show_figure(const Rational& value);
std::string show_deviation(const Rational& deviation);
std::string show_countdown(std::chrono::seconds remaining, Lang lang);
std::string show_status(CheckStatus status, Lang lang);

/// md, json, html or xlsx (others throw Error).
std::string render_report(const Report& report, Format format, const RenderOptions& options = {});

}  // namespace dacu
