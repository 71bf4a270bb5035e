// A Node program using Broadsheet, type-checked with `lib: ["es2022"]` and no other types: neither the
// DOM library nor @types/node is needed by `broadsheet` and `broadsheet/ssr` (tests/js/types.test.mjs).
import { createRenderer, formatDiagnostic } from 'broadsheet';
import type { ArticleDocument, Diagnostic, DiagnosticCode, RenderResult } from 'broadsheet';
import { renderElementHTML } from 'broadsheet/ssr';

const article: ArticleDocument = {
  $schema: '../../schema/article.schema.json',
  format: 'broadsheet/article@1',
  headline: 'Three dams, two capitals',
  analysts: [{ id: 'marrowby', name: 'Dr Ilse Marrowby', role: 'hydrologist' }],
  body: [
    { type: 'heading', text: 'The river' }, // level 2 when absent
    { type: 'heading', level: 3, text: 'Its dams' },
    { type: 'paragraph', text: 'The treaty is **old**.' },
    { type: 'quote', text: 'Scarcity is ordinary now.', by: 'marrowby' },
  ],
  pullquotes: 'auto',
};

/** Whether a diagnostic is about the call rather than the document: an exhaustive switch over the codes. */
function aboutTheCall(code: DiagnosticCode): boolean {
  switch (code) {
    case 'BS-OPTION':
    case 'BS-INPUT':
    case 'BS-INTERNAL':
      return true;
    case 'BS-JSON-SYNTAX': case 'BS-LIMIT': case 'BS-FORMAT': case 'BS-REQUIRED': case 'BS-EMPTY':
    case 'BS-TYPE': case 'BS-VALUE': case 'BS-DATE': case 'BS-LANG': case 'BS-URL-SCHEME':
    case 'BS-URL-RELATIVE': case 'BS-BIDI': case 'BS-UNKNOWN-MEMBER': case 'BS-UNKNOWN-BLOCK':
    case 'BS-REF-ANALYST': case 'BS-DUPLICATE-ID': case 'BS-EMPTY-BLOCK': case 'BS-PULLQUOTE-DROPPED':
    case 'BS-PULLQUOTE-MOVED': case 'BS-PULLQUOTE-PARAPHRASE': case 'BS-LICENSE': case 'BS-LICENSE-TERMS':
    case 'BS-TRANSLATION-LANG': case 'BS-IMAGE-SIZE': case 'BS-FOOTNOTE': case 'BS-EMBED-PROVIDER':
    case 'BS-TABLE-SHAPE':
      return false;
    default: {
      const unknown: never = code;
      return unknown;
    }
  }
}

export async function main(): Promise<string> {
  const renderer = await createRenderer({ wasmBinary: new Uint8Array(0), memoryResetBytes: 32 * 1024 * 1024 });
  const result: RenderResult = renderer.render(article, {
    standalone: true,
    headingLevel: 2,
    parts: false,
    baseUrl: 'https://publisher.example/articles/',
    relativeImages: 'drop',
    linkRel: 'nofollow ugc',
    imageReferrerPolicy: 'no-referrer',
    limits: { maxDiagnostics: 50, maxOutputBytes: 0 },
  });
  const placed = result.meta?.pullquotes.items.filter((item) => item.placed && item.origin === 'auto') ?? [];
  const speakers = result.meta?.quotes.map((quote) => quote.speaker ?? 'unattributed') ?? [];
  const problems = result.diagnostics.filter((d: Diagnostic) => !aboutTheCall(d.code)).map(formatDiagnostic);
  const element = renderElementHTML(renderer, article, { theme: 'dark', baseUrl: 'https://publisher.example/' });

  // @ts-expect-error codes are the documented ones
  const misspelt: DiagnosticCode = 'BS-UNKNOWN';
  // @ts-expect-error heading levels are 2 to 4
  const tooDeep: ArticleDocument['body'] = [{ type: 'heading', level: 5, text: 'x' }];
  // @ts-expect-error pullquotes is a list or "auto"
  const never: ArticleDocument['pullquotes'] = 'never';
  // @ts-expect-error relativeImages is keep or drop
  renderer.render(article, { relativeImages: 'hide' });
  // @ts-expect-error no DOM library here: the types did not pull it in
  globalThis.document;

  return [placed.length, speakers, problems, element.html, misspelt, tooDeep, never].join('\n');
}
