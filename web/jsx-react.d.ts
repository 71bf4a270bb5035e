// `<broadsheet-article>` in React's JSX (React 19 types): `import type {} from 'broadsheet/jsx-react';` once
// in the program. Needs @types/react.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { BroadsheetArticle } from './element.js';
import type { BroadsheetArticleProps } from './jsx.js';

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'broadsheet-article': DetailedHTMLProps<HTMLAttributes<BroadsheetArticle>, BroadsheetArticle> & BroadsheetArticleProps;
    }
  }
}
