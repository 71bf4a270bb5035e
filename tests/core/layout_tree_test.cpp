// The layout stage on its own: the tree it builds, dumped as text and compared with golden files
// (tests/core/fixtures/layout/NAME.json -> NAME.tree), and the heading levels it assigns.
//
// After a deliberate change of layout, rewrite the golden files and review their diff:
//   BROADSHEET_UPDATE_GOLDEN=1 ./build/native/tests/core/broadsheet_tests "[golden]"
#include <catch2/catch.hpp>

#include <dirent.h>
#include <algorithm>
#include <cstdlib>
#include <fstream>

#include "test_support.hpp"

#include "format/article.hpp"
#include "format/diagnostics.hpp"
#include "format/read_article.hpp"
#include "layout/heading_levels.hpp"
#include "layout/layout.hpp"
#include "layout/tree_dump.hpp"

using namespace broadsheet;

namespace {

const std::string kGoldenDirectory = "tests/core/fixtures/layout";

std::vector<std::string> goldenInputs() {
  std::vector<std::string> names;
  DIR* directory = opendir((std::string(BROADSHEET_SOURCE_DIR) + "/" + kGoldenDirectory).c_str());
  REQUIRE(directory != nullptr);
  while (const dirent* entry = readdir(directory)) {
    const std::string name = entry->d_name;
    if (name.size() > 5 && name.substr(name.size() - 5) == ".json") names.push_back(name.substr(0, name.size() - 5));
  }
  closedir(directory);
  std::sort(names.begin(), names.end());
  return names;
}

std::string dumpLayout(const std::string& json) {
  const RenderOptions options;
  format::DiagnosticSink sink(options.limits.maxDiagnostics);
  format::Article article;
  REQUIRE(format::readArticle(json, options.limits, article, sink, policy::urlContextFor(options)));
  Meta meta;
  return layout::dumpTree(layout::layOut(article, options, sink, meta));
}

bool updatingGolden() {
  const char* update = std::getenv("BROADSHEET_UPDATE_GOLDEN");
  return update != nullptr && std::string(update) == "1";
}

}  // namespace

TEST_CASE("the layout tree of each golden fixture is as recorded", "[layout][golden]") {
  const std::vector<std::string> names = goldenInputs();
  REQUIRE(names.size() >= 5);
  for (const std::string& name : names) {
    INFO(kGoldenDirectory + "/" + name + ".json");
    const std::string dump = dumpLayout(test::readSourceFile(kGoldenDirectory + "/" + name + ".json"));
    const std::string goldenPath = kGoldenDirectory + "/" + name + ".tree";
    if (updatingGolden()) {
      std::ofstream(std::string(BROADSHEET_SOURCE_DIR) + "/" + goldenPath, std::ios::binary) << dump;
      continue;
    }
    CHECK(dump == test::readSourceFile(goldenPath));
  }
}

TEST_CASE("headings form one outline below the headline, never skipping a level", "[layout]") {
  layout::LayoutTree tree;
  const auto item = [](layout::BodyItem::Kind kind, const std::string& text, int authored = 2) {
    layout::BodyItem made;
    made.kind = kind;
    made.heading.authored = authored;
    made.text =
        text::Markdown(text, kind == layout::BodyItem::Kind::Markdown ? text::Flavor::Blocks : text::Flavor::Inline);
    return made;
  };
  tree.body.push_back(item(layout::BodyItem::Kind::Heading, "Deep", 4));
  tree.body.push_back(item(layout::BodyItem::Kind::Markdown, "#### Deeper\n\n> # Top\n\n###### Six"));
  tree.note = text::Markdown("A note.", text::Flavor::Inline);
  tree.analystPanel.people.push_back({"", "An Analyst", "", "", ""});
  layout::assignHeadingLevels(tree, 1);
  CHECK(tree.headlineLevel == 1);
  CHECK(tree.body[0].heading.element == 2);  // level 4 straight after the h1 headline
  const std::vector<layout::HeadingLevels>& inMarkdown = tree.body[1].textHeadings;
  REQUIRE(inMarkdown.size() == 3);
  CHECK((inMarkdown[0].authored == 5 && inMarkdown[0].element == 3));
  CHECK((inMarkdown[1].authored == 2 && inMarkdown[1].element == 2));  // inside a block quote too
  CHECK((inMarkdown[2].authored == 6 && inMarkdown[2].element == 3));
  CHECK(tree.noteLabelLevel == 2);
  CHECK(tree.analystPanelLevel == 2);

  layout::LayoutTree deep;
  deep.body.push_back(item(layout::BodyItem::Kind::Heading, "Capped", 4));
  layout::assignHeadingLevels(deep, 5);
  CHECK(deep.headlineLevel == 5);
  CHECK(deep.body[0].heading.element == 6);  // capped at h6
}
