// <broadsheet-article> in Preact JSX: one type-only import of 'broadsheet/jsx-preact' types the tag.
import type {} from 'broadsheet/jsx-preact';
import 'broadsheet/element';
import type { ArticleDocument } from 'broadsheet';

export function Story({ article }: { article: ArticleDocument }) {
  return (
    <broadsheet-article
      article={article}
      theme="dark"
      heading-level={2}
      loading="eager"
      strict
      base-url="https://publisher.example/articles/"
      link-rel="nofollow ugc"
      class="story"
      onbroadsheet:render={(event) => console.log(event.detail.meta.headline)}
      onbroadsheet:error={(event) => event.detail.reason === 'document' && event.preventDefault()}
    >
      <a slot="fallback" href="https://publisher.example/story">Read the story</a>
    </broadsheet-article>
  );
}

// @ts-expect-error theme is auto, light or dark
export const sepia = <broadsheet-article theme="sepia" />;
// @ts-expect-error heading levels are 1 to 6
export const deep = <broadsheet-article heading-level={7} />;
