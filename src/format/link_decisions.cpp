#include "format/link_decisions.hpp"

#include "text/destinations.hpp"

namespace broadsheet::format {

std::vector<RefusedDestination> decideLinks(const text::Markdown& tree, const policy::UrlContext& urls) {
  using Outcome = policy::UrlDecision::Outcome;
  std::vector<RefusedDestination> refused;
  for (const text::LinkTarget& target : tree.linkTargets()) {
    const policy::UrlDecision decision =
        policy::decideUrl(target.url, target.image ? policy::UrlKind::Image : policy::UrlKind::Link, urls);
    const bool written = decision.outcome == Outcome::Written;
    if (!written)
      refused.push_back({std::string(target.url), target.image, decision.outcome == Outcome::RelativeDropped});
    text::decideDestination(target, written, decision.url, decision.otherSite);
  }
  return refused;
}

}  // namespace broadsheet::format
