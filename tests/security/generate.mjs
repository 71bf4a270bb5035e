// Generated inputs for the security tests: valid articles of random structure and words (the shared
// generator, tests/helpers/article-generator.mjs; for the nothing-lost property and the survival run),
// and malformed inputs made from them. Everything is drawn from a seeded generator, so a failure names
// a seed that reproduces it.
import { randomArticles } from '../helpers/article-generator.mjs';

export function generator(seed) {
  const articles = randomArticles(seed);
  const { article, int, pick, chance } = articles;

  /** A malformed or hostile input of some kind: string, object, bytes or options. */
  function malformed() {
    const text = JSON.stringify(article());
    switch (int(0, 13)) {
      case 0: return { input: text.slice(0, int(0, text.length - 1)) };                  // truncated
      case 1: {                                                                          // a byte changed
        const bytes = new TextEncoder().encode(text);
        bytes[int(0, bytes.length - 1)] = int(0, 255);
        return { input: bytes };
      }
      case 2: return { input: new Uint8Array(Array.from({ length: int(0, 300) }, () => int(0, 255))) };  // noise
      case 3: return { input: `${'['.repeat(int(65, 5000))}` };                            // deep
      case 4: return { input: { ...JSON.parse(text), format: 'broadsheet/article@2' } };  // wrong format
      case 5: return { input: { ...JSON.parse(text), body: int(0, 1) ? [] : 42 } };        // bad body
      case 6: return { input: { ...JSON.parse(text), headline: '' } };                    // empty headline
      case 7: return { input: text.replace(/"https:/g, '"javascript:') };                 // refused URLs
      case 8: return { input: text.replace(/"by":"a/g, '"by":"zz') };                     // dangling references
      case 9: return { input: text, options: { limits: { maxStringBytes: int(1, 40), maxBlocks: int(1, 3) } } };
      case 10: return { input: text, options: { headingLevel: int(-3, 9), theme: pick(['dark', 'neon', 7]), standalone: chance(0.5) } };
      case 11: return { input: `${text}\u0000` };                                          // trailing NUL
      case 12: return { input: pick([null, 42, true, [], 'null', '', '{}', '"x"', '1e400', '{"format":1}']) };
      default: return { input: text.replace(/ /g, () => pick([' ', '\\ud800', '\\u0000', '\\n', ' '])) };  // escapes
    }
  }

  return { ...articles, malformed };
}
