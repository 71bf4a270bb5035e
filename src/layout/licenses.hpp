// The licences the renderer knows, and the terms of each that shape what it may do to a republished
// article (docs/syndication.md lists them for hosts).
#pragma once

#include <string_view>

namespace broadsheet::layout {

struct LicenseTerms {
  std::string_view id;         // the SPDX id, as SPDX spells it
  std::string_view name;       // its short human name: "CC BY-ND 4.0"
  std::string_view deedUrl;    // the licence's canonical deed
  bool attribution = false;    // BY: the source must be credited
  bool noDerivatives = false;  // ND: the text may not be altered
  bool nonCommercial = false;  // NC
  bool shareAlike = false;     // SA
};

// The known licence with this SPDX id (SPDX ids match whatever their case), or null.
const LicenseTerms* knownLicense(std::string_view spdxId);

}  // namespace broadsheet::layout
