// `<broadsheet-article>` in Solid's JSX: `import type {} from 'broadsheet/jsx-solid';` once in the program.
// Solid sets attributes by default: the article goes in as `prop:article`, listeners as `on:broadsheet:…`.
import type { JSX } from 'solid-js';
import type { BroadsheetArticle } from './element.js';
import type { BroadsheetArticleSolidProps } from './jsx.js';

declare module 'solid-js' {
  namespace JSX {
    interface IntrinsicElements {
      'broadsheet-article': JSX.HTMLAttributes<BroadsheetArticle> & BroadsheetArticleSolidProps;
    }
  }
}
