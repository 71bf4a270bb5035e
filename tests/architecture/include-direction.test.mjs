// The stage order of the core's #include lines (scripts/check-includes.mjs): the repository keeps it,
// and the check does catch an arrow that runs back up the pipeline.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, test } from 'node:test';
import { describeViolation, findViolations } from '../../scripts/check-includes.mjs';
import { repoRoot } from '../helpers/paths.mjs';

test('every #include under src/, wasm/ and include/ runs down the pipeline', () => {
  const run = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'check-includes.mjs')], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stdout + run.stderr);
});

// A tree of empty headers, one per stage, that `includes` adds #include lines to.
function fakeSources(includes) {
  const headers = ['src/text/markdown.hpp', 'src/policy/url_policy.hpp', 'src/format/article.hpp',
    'src/format/diagnostics.hpp', 'src/layout/layout_tree.hpp', 'src/html/emit.hpp',
    'include/broadsheet/broadsheet.hpp'];
  const files = new Map(headers.map((header) => [header, '#pragma once\n']));
  for (const [file, header] of includes) files.set(file, `${files.get(file) ?? ''}#include "${header}"\n`);
  return [...files].map(([file, text]) => ({ path: file, text }));
}

function messages(includes) {
  return findViolations(fakeSources(includes)).map(describeViolation);
}

describe('the include check', () => {
  test('reports an arrow back up the pipeline, with its file and line', () => {
    assert.deepEqual(messages([['src/format/article.hpp', 'html/emit.hpp']]), [
      'src/format/article.hpp:2: format includes html/emit.hpp (html), which comes later in the pipeline',
    ]);
    assert.deepEqual(messages([['src/layout/words.cpp', 'html/emit.hpp']]), [
      'src/layout/words.cpp:1: layout includes html/emit.hpp (html), which comes later in the pipeline',
    ]);
  });

  test('lets each stage include the stages before it and the public header', () => {
    assert.deepEqual(messages([
      ['src/format/read_article.cpp', 'text/markdown.hpp'],
      ['src/format/read_article.cpp', 'policy/url_policy.hpp'],
      ['src/layout/layout.cpp', 'format/article.hpp'],
      ['src/html/emit.cpp', 'layout/layout_tree.hpp'],
      ['src/html/emit.cpp', 'format/diagnostics.hpp'],
      ['src/policy/url_policy.hpp', 'broadsheet/broadsheet.hpp'],
      ['src/render.cpp', 'html/emit.hpp'],
      ['src/render.cpp', 'format/article.hpp'],
      ['wasm/bindings.cpp', 'broadsheet/broadsheet.hpp'],
    ]), []);
  });

  test('holds html to the one format header it needs, and the leaves and bindings to themselves', () => {
    assert.deepEqual(messages([
      ['src/html/emit.hpp', 'format/article.hpp'],
      ['src/text/markdown.cpp', 'policy/url_policy.hpp'],
      ['wasm/bindings.cpp', 'format/article.hpp'],
    ]), [
      'src/html/emit.hpp:2: html includes format/article.hpp (format), '
        + 'of which html may include only format/diagnostics.hpp',
      'src/text/markdown.cpp:1: text includes policy/url_policy.hpp (policy), '
        + 'which text may not include (text may include no other stage)',
      'wasm/bindings.cpp:1: wasm includes format/article.hpp (format), but wasm/ may include only the public header',
    ]);
  });

  test('leaves headers that are not ours alone', () => {
    assert.deepEqual(messages([['src/text/cmark_case_fold.c', 'buffer.h']]), []);
  });
});
