// The stylesheet ships minified (scripts/generate-stylesheet.mjs, esbuild, at build time): what the core
// hands out (`renderer.css`, the standalone document's <style>) must say exactly what the readable
// src/html/broadsheet.css says. Checked twice: every declaration of the source, fallbacks included
// (`float: left; float: inline-start` keeps both), is in the shipped text in the same order and in the
// same rule; and Chromium parses the two into the same rules (selectors, at-rule conditions, values,
// priorities). The visual baselines (visual.test.mjs) check the rendering on top of this.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { createRenderer } from '../../web/broadsheet.js';
import { launchChromium } from '../helpers/browser.mjs';
import { repoRoot } from '../helpers/paths.mjs';

const source = readFileSync(path.join(repoRoot, 'src/html/broadsheet.css'), 'utf8');
let shipped;
let browser;

before(async () => {
  shipped = (await createRenderer()).css;
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
});

/** Text with the whitespace CSS does not read taken out (outside strings; the stylesheet has no `\`). */
function tight(text) {
  return text.replace(/\s+/g, ' ').replace(/ ?([{}()[\],;:>+~*/!]) ?/g, '$1').trim();
}

/** Each block's declarations, in order, as `property:value` without whitespace; no comments. */
function declarations(css) {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const blocks = [];
  for (const match of text.matchAll(/\{([^{}]*)\}/g)) {
    blocks.push(match[1].split(';').map(tight).filter(Boolean)
      // Two equivalent spellings esbuild may choose: quotes dropped from a string that needs none is
      // selectors only; here, a `·` written as such or escaped.
      .map((d) => d.replace(/\\b7 ?/g, '·')));
  }
  return blocks;
}

test('the shipped stylesheet is minified and keeps every declaration of broadsheet.css, in order', () => {
  assert.ok(shipped.length < source.length * 0.85, `shipped ${shipped.length} B, source ${source.length} B`);
  assert.ok(!shipped.includes('/*'), 'no comments');
  assert.deepEqual(declarations(shipped), declarations(source));
});

test('Chromium parses the shipped stylesheet into the rules of broadsheet.css', async () => {
  const page = await browser.newPage();
  try {
    const [a, b] = await page.evaluate(([one, two]) => {
      // Every rule, nested ones included, as Chromium serialises it. Custom properties and values with
      // var() are kept as written (tokens and whitespace), so those are compared without whitespace
      // around punctuation.
      const tightValue = (v) => v.replace(/\s+/g, ' ').replace(/ ?([,()*/+]) ?/g, '$1').trim();
      function walk(rules, out, depth) {
        for (const rule of rules) {
          if (rule.style) {
            const declarations = [];
            for (let i = 0; i < rule.style.length; i += 1) {
              const name = rule.style[i];
              const value = rule.style.getPropertyValue(name);
              declarations.push(`${name}:${name.startsWith('--') || value.includes('var(') ? tightValue(value) : value}` +
                `${rule.style.getPropertyPriority(name) ? '!important' : ''}`);
            }
            out.push(`${depth}${rule.selectorText ?? rule.constructor.name} {${declarations.join(';')}}`);
          } else {
            out.push(`${depth}${rule.cssText.slice(0, rule.cssText.indexOf('{')).trim()}`);
          }
          if (rule.cssRules) walk(rule.cssRules, out, `${depth}  `);
        }
        return out;
      }
      const parse = (css) => {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(css);
        return walk(sheet.cssRules, [], '');
      };
      return [parse(one), parse(two)];
    }, [source, shipped]);
    assert.ok(a.length > 150, `${a.length} rules`);
    assert.deepEqual(b, a);
  } finally {
    await page.close();
  }
});
