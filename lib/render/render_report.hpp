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
/// A checkpoint's status; a stale one with the age of its figure: `数据过时（早1小时45分钟）`.
std::string show_checkpoint_status(const CheckpointResult& c, Lang lang);
/// `61.1%`: a share or a fraction of a target, one decimal.
std::string show_share(const Rational& fraction);
/// A metric's figure: money to the fen (`222525.00`), others as show_figure.
std::string show_metric_figure(std::string_view metric, const Rational& value);
/// A figure against a target: money to the fen (`193500.00`), counts whole (`2454`), rounded half up.
std::string show_target_figure(const Rational& value, bool money);
/// The forecast's method in words, with the curve's points.
std::string forecast_method(const ReportForecast& forecast, const Plan& plan, Lang lang);
/// `预计 13:30`, `已售罄 12:10`, `结束前不会售罄`; empty without a cap.
std::string show_sell_out(const Progress& p, Lang lang);

/// md, json, html or xlsx (others throw Error).
std::string render_report(const Report& report, Format format, const RenderOptions& options = {});

}  // namespace dacu
