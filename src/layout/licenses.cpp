#include "layout/licenses.hpp"

#include <cctype>

namespace broadsheet::layout {
namespace {

// The Creative Commons 4.0 licences and the public-domain dedication: what newsrooms republish under
// (the Republication Tracker Tool's and ProPublica's choices). Other licences are given as URLs.
constexpr LicenseTerms kLicenses[] = {
    {"CC-BY-4.0", "CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/", true, false, false, false},
    {"CC-BY-SA-4.0", "CC BY-SA 4.0", "https://creativecommons.org/licenses/by-sa/4.0/", true, false, false, true},
    {"CC-BY-ND-4.0", "CC BY-ND 4.0", "https://creativecommons.org/licenses/by-nd/4.0/", true, true, false, false},
    {"CC-BY-NC-4.0", "CC BY-NC 4.0", "https://creativecommons.org/licenses/by-nc/4.0/", true, false, true, false},
    {"CC-BY-NC-SA-4.0", "CC BY-NC-SA 4.0", "https://creativecommons.org/licenses/by-nc-sa/4.0/", true, false, true,
     true},
    {"CC-BY-NC-ND-4.0", "CC BY-NC-ND 4.0", "https://creativecommons.org/licenses/by-nc-nd/4.0/", true, true, true,
     false},
    {"CC0-1.0", "CC0 1.0", "https://creativecommons.org/publicdomain/zero/1.0/", false, false, false, false},
};

bool sameIgnoringCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  }
  return true;
}

}  // namespace

const LicenseTerms* knownLicense(std::string_view spdxId) {
  for (const LicenseTerms& license : kLicenses) {
    if (sameIgnoringCase(license.id, spdxId)) return &license;
  }
  return nullptr;
}

}  // namespace broadsheet::layout
