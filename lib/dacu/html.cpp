#include "dacu/html.hpp"

namespace dacu {

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string render_plan_html(const Plan& plan, Lang) { return "<!doctype html>\n<title>" + html_escape(plan.campaign) + "</title>\n"; }

}  // namespace dacu
