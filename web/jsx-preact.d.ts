// `<broadsheet-article>` in Preact's JSX: `import type {} from 'broadsheet/jsx-preact';` once in the program.
import type { JSX } from 'preact';
import type { BroadsheetArticle } from './element.js';
import type { BroadsheetArticleProps } from './jsx.js';

declare module 'preact' {
  namespace JSX {
    interface IntrinsicElements {
      'broadsheet-article': JSX.HTMLAttributes<BroadsheetArticle> & BroadsheetArticleProps;
    }
  }
}
