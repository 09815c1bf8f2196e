#pragma once
/// The reader of a template's `eligibility:` section (model/eligibility.hpp): 聚划算's 审核指标 and
/// 各类目商品优选条件 as data.

#include "dacu/input/yaml.hpp"
#include "dacu/model/eligibility.hpp"

namespace dacu::reader {

/// Reads an `eligibility:` mapping. Keys present replace those of `base` (a campaign overriding
/// its template); `categories` replace per category. Throws InputError (D002/D004 shape, D400–D405).
EligibilityRules read_eligibility(const yaml::Node& node, EligibilityRules base = {});

}  // namespace dacu::reader
