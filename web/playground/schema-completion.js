// Completion for the playground's editor, driven by the article's JSON Schema (schema/article.schema.json,
// bundled at build time): member names where a member name goes, and enumerated values (block `type`,
// `dir`, `format`, `pullquotes: "auto"`, booleans) where a value goes.
//
// The text being edited is usually not valid JSON (that is when one asks for completion), so the context
// comes from a tolerant scan rather than a parser: one pass over the whole text that tracks the open
// objects and arrays, which member or index each one is, and which members each holds, before and after
// the cursor. The schema is then walked along that path, following $ref, allOf, anyOf, oneOf, and the
// if/then branches whose `if` the object's own members satisfy (a block's members depend on its `type`).
// No DOM and no CodeMirror here: tests/browser/playground-completion.test.mjs calls it from node.

/**
 * @typedef {{type: 'object'|'array', segment: string|number|null, members: Map<string, {from: number, value: unknown}>,
 *   state: string, key: string|null, keyFrom: number, index: number}} Frame
 * @typedef {{role: 'key'|'value'|'none', frames: Frame[], key: string|null, index: number,
 *   kind: 'string'|'word'|'between', from: number, to: number, prefix: string}} JsonContext
 */

const WHITESPACE = /[ \t\n\r]/;
const WORD_CHAR = /[^ \t\n\r{}[\]:,"]/;

/**
 * Where `pos` is in `text`: inside which containers, as a member name or a value, and the token there.
 * @param {string} text
 * @param {number} pos UTF-16 offset
 * @returns {JsonContext}
 */
export function jsonContextAt(text, pos) {
  /** @type {Frame[]} */
  const stack = [];
  /** @type {JsonContext|null} */
  let captured = null;

  const capture = (kind, from, to) => {
    const top = stack.at(-1);
    let role = 'none';
    if (top?.type === 'object') role = top.state === 'value' ? 'value' : top.state === 'colon' ? 'none' : 'key';
    else if (top?.type === 'array') role = 'value';
    captured = {
      role,
      frames: stack.slice(), // the frames themselves: they go on collecting members after the cursor
      key: top?.type === 'object' && role === 'value' ? top.key : null,
      index: top?.type === 'array' ? top.index : -1,
      kind,
      from,
      to,
      prefix: text.slice(from + (kind === 'string' ? 1 : 0), pos),
    };
  };

  /** A scalar or a container starts at `from`: a member name, a member's value, or an array item. */
  const onValue = (value, from) => {
    const top = stack.at(-1);
    if (!top) return;
    if (top.type === 'array') {
      top.state = 'comma';
      return;
    }
    if (top.state === 'value') {
      if (top.key !== null) top.members.set(top.key, { from: top.keyFrom, value });
      top.state = 'comma';
    } else if (typeof value === 'string' || value === undefined) {
      // A string where a member name goes (or a member name after a missing comma).
      top.key = typeof value === 'string' ? value : null;
      top.keyFrom = from;
      if (top.key !== null) top.members.set(top.key, { from, value: undefined });
      top.state = 'colon';
    }
  };

  const segmentForChild = () => {
    const top = stack.at(-1);
    if (!top) return null;
    return top.type === 'array' ? top.index : top.state === 'value' ? top.key : null;
  };

  let i = 0;
  while (i < text.length) {
    if (!captured && i >= pos) capture('between', pos, pos);
    const ch = text[i];
    if (WHITESPACE.test(ch)) {
      i += 1;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      let closed = false;
      while (j < text.length) {
        if (text[j] === '\\') j += 2;
        else if (text[j] === '"') { closed = true; break; }
        else if (text[j] === '\n') break;
        else j += 1;
      }
      const end = closed ? j + 1 : Math.min(j, text.length);
      if (!captured && pos > i && pos <= (closed ? j : end)) capture('string', i, end);
      onValue(closed ? decodeString(text.slice(i, end)) : text.slice(i + 1, end), i);
      i = end;
      continue;
    }
    if (ch === '{' || ch === '[') {
      const segment = segmentForChild();
      const frame = {
        type: ch === '{' ? 'object' : 'array',
        segment,
        members: new Map(),
        state: ch === '{' ? 'key' : 'value',
        key: null,
        keyFrom: -1,
        index: 0,
      };
      // The container is its parent's value; the parent moves on once it closes.
      stack.push(frame);
      i += 1;
      continue;
    }
    if (ch === '}' || ch === ']') {
      if (stack.length > 0) stack.pop();
      onValue(undefined, i);
      i += 1;
      continue;
    }
    const top = stack.at(-1);
    if (ch === ':') {
      if (top?.type === 'object') top.state = 'value';
      i += 1;
      continue;
    }
    if (ch === ',') {
      if (top?.type === 'object') top.state = 'key';
      else if (top?.type === 'array') { top.index += 1; top.state = 'value'; }
      i += 1;
      continue;
    }
    let j = i;
    while (j < text.length && WORD_CHAR.test(text[j])) j += 1;
    if (!captured && pos > i && pos <= j) capture('word', i, j);
    onValue(scalarOf(text.slice(i, j)), i);
    i = j;
  }
  if (!captured) capture('between', pos, pos);
  return /** @type {JsonContext} */ (captured);
}

function decodeString(token) {
  try {
    return JSON.parse(token);
  } catch {
    return token.slice(1, -1);
  }
}

function scalarOf(word) {
  if (word === 'true') return true;
  if (word === 'false') return false;
  if (word === 'null') return null;
  const number = Number(word);
  return Number.isFinite(number) ? number : word;
}

// ── The schema, walked along the context's path ────────────────────────────────────────────────────

function resolveRef(root, ref) {
  if (!ref.startsWith('#/')) return undefined;
  return ref.slice(2).split('/').reduce((node, part) =>
    node?.[part.replace(/~1/g, '/').replace(/~0/g, '~')], root);
}

/**
 * Every schema object that applies to a value: the node, what it refers to and combines, and the
 * `then` of each `if` that the object's members satisfy. A union: completion offers what any allows.
 */
function expand(root, node, members, out = [], seen = new Set()) {
  if (!node || typeof node !== 'object' || seen.has(node)) return out;
  seen.add(node);
  out.push(node);
  if (typeof node.$ref === 'string') expand(root, resolveRef(root, node.$ref), members, out, seen);
  for (const sub of [...(node.allOf ?? []), ...(node.anyOf ?? []), ...(node.oneOf ?? [])]) {
    expand(root, sub, members, out, seen);
  }
  if (node.if && node.then && members && satisfies(root, node.if, members)) expand(root, node.then, members, out, seen);
  return out;
}

/** Whether an object with these members meets an `if` (required members, const and enum of scalars). */
function satisfies(root, condition, members) {
  for (const name of condition.required ?? []) if (!members.has(name)) return false;
  for (const [name, property] of Object.entries(condition.properties ?? {})) {
    if (!members.has(name)) continue;
    const { value } = members.get(name);
    const allowed = valuesOf(expand(root, property, null));
    if (allowed.length > 0 && !allowed.some((candidate) => candidate === value)) return false;
  }
  return true;
}

function childSchemas(nodes, segment) {
  const out = [];
  for (const node of nodes) {
    if (typeof segment === 'string' && node.properties && Object.hasOwn(node.properties, segment)) {
      out.push(node.properties[segment]);
    }
    if (typeof segment === 'number') {
      if (Array.isArray(node.prefixItems) && node.prefixItems[segment]) out.push(node.prefixItems[segment]);
      else if (node.items && typeof node.items === 'object') out.push(node.items);
    }
  }
  return out;
}

function valuesOf(nodes) {
  const values = [];
  for (const node of nodes) {
    if (Object.hasOwn(node, 'const')) values.push(node.const);
    if (Array.isArray(node.enum)) values.push(...node.enum);
    if (node.type === 'boolean') values.push(true, false);
  }
  return [...new Set(values)];
}

function descriptionOf(root, node) {
  return expand(root, node, null).find((n) => typeof n.description === 'string')?.description ?? '';
}

/** The schema objects that apply to the innermost container of the context. */
function containerSchemas(schema, frames) {
  let nodes = frames.length > 0 ? expand(schema, schema, frames[0].members) : [];
  for (const frame of frames.slice(1)) {
    if (frame.segment === null) return [];
    nodes = childSchemas(nodes, frame.segment).flatMap((node) => expand(schema, node, frame.members));
  }
  return nodes;
}

/**
 * @typedef {{label: string, kind: 'member'|'value', detail: string, info: string, insert: string}} SchemaCompletion
 */

/**
 * What the schema offers at the context: member names not yet in the object (required ones first),
 * or the values a member or item may take.
 * @param {object} schema the article's JSON Schema
 * @param {JsonContext} context from jsonContextAt
 * @returns {SchemaCompletion[]}
 */
export function schemaCompletions(schema, context) {
  const nodes = containerSchemas(schema, context.frames);
  if (context.role === 'key') {
    const top = context.frames.at(-1);
    const required = new Set(nodes.flatMap((node) => node.required ?? []));
    const names = new Map();
    for (const node of nodes) {
      for (const [name, property] of Object.entries(node.properties ?? {})) {
        const present = top.members.get(name);
        if (present && present.from !== context.from) continue;
        if (!names.has(name)) names.set(name, property);
      }
    }
    return [...names].map(([name, property]) => ({
      label: name,
      kind: 'member',
      detail: required.has(name) ? 'required' : '',
      info: descriptionOf(schema, property),
      insert: JSON.stringify(name),
    })).sort((a, b) => Number(b.detail === 'required') - Number(a.detail === 'required'));
  }
  if (context.role === 'value') {
    const top = context.frames.at(-1);
    const segment = top.type === 'array' ? context.index : context.key;
    if (segment === null) return [];
    const valueNodes = childSchemas(nodes, segment).flatMap((node) => expand(schema, node, null));
    return valuesOf(valueNodes).map((value) => ({
      label: typeof value === 'string' ? value : JSON.stringify(value),
      kind: 'value',
      detail: '',
      info: '',
      insert: JSON.stringify(value),
    }));
  }
  return [];
}
