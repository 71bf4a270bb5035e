/// <reference lib="dom" />
// JSX props of <broadsheet-article>, shared by the typings for React (jsx-react.d.ts), Preact
// (jsx-preact.d.ts) and Solid (jsx-solid.d.ts). Each of those augments its own library's JSX namespace, and
// is a file of its own because an augmentation of a library that is not installed is an error.
// docs/embed.md, "JSX and TypeScript", shows how to use them.

import type { ArticleDocument } from './index.js';
import type { BroadsheetErrorEventDetail, BroadsheetReadEventDetail, BroadsheetRenderEventDetail } from './element.js';

type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

/** The element's attributes (docs/embed.md, "Attributes and properties"), as written in markup. */
export interface BroadsheetArticleAttributes {
  /** URL of the article's JSON. */
  src?: string;
  /** BCP 47 tag that overrides the document's `lang`. */
  lang?: string;
  theme?: 'auto' | 'light' | 'dark';
  /** Level of the headline element, 1–6 (default 1). */
  'heading-level'?: HeadingLevel | `${HeadingLevel}`;
  /** `lazy` (default) or `eager`. */
  loading?: 'lazy' | 'eager';
  /** An article with any error shows the fallback. */
  strict?: boolean;
  /** Milliseconds the `src` request may take (default 15000). */
  'fetch-timeout'?: number | `${number}`;
  credentials?: 'omit' | 'same-origin' | 'include';
  /** An http(s) URL the article's relative URLs resolve against, instead of its `src`. */
  'base-url'?: string;
  /** A referrer policy keyword for the article's images, e.g. `no-referrer`. */
  referrerpolicy?: string;
  /** `rel` tokens for the article's links to other sites, e.g. `nofollow ugc`. */
  'link-rel'?: string;
  /** No read-through beacon to the article's `syndication.readUrl`. */
  'no-beacon'?: boolean;
  /** What embed blocks become: `click` (default), `load` or `link` (docs/embeds.md). */
  embeds?: 'click' | 'load' | 'link';
  /** Space-separated https origins whose `generic` embeds may be framed. */
  'embed-origins'?: string;
}

/**
 * React 19 and Preact: `article` is set as the element's property (an object or JSON text), and an `on`
 * prop of a custom element listens to the event named by the rest of it, case kept.
 */
export interface BroadsheetArticleProps extends BroadsheetArticleAttributes {
  article?: ArticleDocument | string | null;
  'onbroadsheet:render'?: (event: CustomEvent<BroadsheetRenderEventDetail>) => void;
  'onbroadsheet:error'?: (event: CustomEvent<BroadsheetErrorEventDetail>) => void;
  'onbroadsheet:read'?: (event: CustomEvent<BroadsheetReadEventDetail>) => void;
}

/**
 * Solid sets attributes, so the article is a `prop:`. JSX names hold one `:`, so there is no prop for the
 * `broadsheet:*` events: listen through `ref` (its element is a `BroadsheetArticle`).
 */
export interface BroadsheetArticleSolidProps extends BroadsheetArticleAttributes {
  'prop:article'?: ArticleDocument | string | null;
}
