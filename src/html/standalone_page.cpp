#include "html/standalone_page.hpp"

namespace broadsheet::html {

std::string_view standalonePageStyle() {
  // The colours are broadsheet.css's --_bg0 and --_fg0 of each theme (the page has no .bs-article
  // custom properties to read); tests/browser/standalone-page.test.mjs compares the two in Chromium.
  return "html{color-scheme:light dark;background:#fff;color:#1c1b19}\n"
         "html[data-theme=light]{color-scheme:light}\n"
         "body{margin:0}\n"
         "@media screen and (prefers-color-scheme:dark){html:not([data-theme=light]){background:#131416;"
         "color:#ebe8e2}}\n"
         "@media screen{html[data-theme=dark]{color-scheme:dark;background:#131416;color:#ebe8e2}}\n"
         "@media print{html{color-scheme:light;background:#fff;color:#000}}\n"
         "@page{margin:16mm 14mm}\n";
}

}  // namespace broadsheet::html
