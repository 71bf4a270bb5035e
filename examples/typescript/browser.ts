// A browser bundle (esbuild, Vite or webpack; `moduleResolution: "bundler"`, the DOM library): the element,
// with the core's .wasm imported as the URL the bundler gives it (docs/embed.md, "Bundlers").
import { BroadsheetArticle, configureRenderer, getSharedRenderer } from 'broadsheet/element';
import type { BroadsheetErrorEventDetail } from 'broadsheet/element';
import wasmUrl from 'broadsheet/broadsheet-core.wasm';
import type { ArticleDocument, PullquotePlacement } from 'broadsheet';

configureRenderer({ wasmUrl });
const url: string = wasmUrl;
configureRenderer({ wasmUrl: new URL(url, location.href) });

const element = document.querySelector('broadsheet-article') ?? document.createElement('broadsheet-article');
const article: ArticleDocument = {
  format: 'broadsheet/article@1',
  headline: 'Typed in the browser',
  body: [{ type: 'heading', text: 'Section' }, { type: 'paragraph', text: 'Text.' }],
  pullquotes: 'auto',
};
element.article = article;
element.headingLevel = 2;
element.addEventListener('broadsheet:render', (event) => {
  const placed: PullquotePlacement[] = event.detail.meta.pullquotes.items;
  console.log(placed.length, event.detail.diagnostics.map((d) => d.code));
});
element.addEventListener('broadsheet:error', (event) => {
  const detail: BroadsheetErrorEventDetail = event.detail;
  if (detail.reason === 'document') event.preventDefault();
});

export async function shown(): Promise<boolean> {
  const renderer = await getSharedRenderer();
  // @ts-expect-error the .wasm import is a URL string, not a module
  wasmUrl.instance;
  return element instanceof BroadsheetArticle && (await element.updateComplete) && renderer.version !== '';
}
