// <broadsheet-article> in Solid JSX: one type-only import of 'broadsheet/jsx-solid' types the tag. Solid
// writes attributes; the article object goes in as a property (`prop:`). JSX allows one `:` in a name, so
// the `broadsheet:*` events are listened to through the element (`ref`).
import type {} from 'broadsheet/jsx-solid';
import 'broadsheet/element';
import type { ArticleDocument } from 'broadsheet';

export function Story(props: { article: ArticleDocument }) {
  return (
    <broadsheet-article
      prop:article={props.article}
      theme="dark"
      heading-level="2"
      loading="eager"
      base-url="https://publisher.example/articles/"
      class="story"
      ref={(element) => element.addEventListener('broadsheet:render', (event) => console.log(event.detail.meta.headline))}
    >
      <a slot="fallback" href="https://publisher.example/story">Read the story</a>
    </broadsheet-article>
  );
}

// @ts-expect-error theme is auto, light or dark
export const sepia = <broadsheet-article theme="sepia" />;
