// The parts of a WebAssembly module that bench/wasm-functions.mjs and bench/feature-weights.mjs read:
// its sections, and each defined function's body (where it starts, its size, its demangled name from
// the "name" section, which a --profiling-funcs link keeps).
import { execFileSync } from 'node:child_process';

/** LEB128 (unsigned) at `state.at`, which it moves past. */
function readLeb(bytes, state) {
  let result = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[state.at++];
    result += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if ((byte & 0x80) === 0) return result;
  }
}

function readName(bytes, state) {
  const length = readLeb(bytes, state);
  const text = Buffer.from(bytes.subarray(state.at, state.at + length)).toString('utf8');
  state.at += length;
  return text;
}

/** The unsigned LEB128 encoding of `value`. */
export function encodeLeb(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return Buffer.from(out);
}

/**
 * @param {Uint8Array} bytes a module
 * @returns {{ sections: {id: number, size: number, start: number, name?: string}[], importedFunctions: number,
 *   functions: {start: number, size: number, name: string}[] }} sections (`start`: their content's offset),
 *   and the defined functions in index order, names demangled with c++filt where it is installed
 */
export function readModule(bytes) {
  const sections = [];
  for (const state = { at: 8 }; state.at < bytes.length;) {
    const id = bytes[state.at++];
    const size = readLeb(bytes, state);
    const section = { id, size, start: state.at };
    if (id === 0) section.name = readName(bytes, { at: state.at });
    sections.push(section);
    state.at += size;
  }

  // Imported functions come first in the function index space.
  let importedFunctions = 0;
  const imports = sections.find((s) => s.id === 2);
  if (imports) {
    const state = { at: imports.start };
    for (let count = readLeb(bytes, state); count > 0; --count) {
      readName(bytes, state);
      readName(bytes, state);
      const kind = bytes[state.at++];
      if (kind === 0) { readLeb(bytes, state); importedFunctions++; }
      else if (kind === 1) { state.at++; const flags = readLeb(bytes, state); readLeb(bytes, state); if (flags & 1) readLeb(bytes, state); }
      else if (kind === 2) { const flags = readLeb(bytes, state); readLeb(bytes, state); if (flags & 1) readLeb(bytes, state); }
      else if (kind === 3) { state.at += 2; }
    }
  }

  const functions = [];
  const code = sections.find((s) => s.id === 10);
  for (const state = { at: code.start }, count = readLeb(bytes, state); functions.length < count;) {
    const size = readLeb(bytes, state);
    functions.push({ start: state.at, size, name: '' });
    state.at += size;
  }

  const names = new Map();
  const nameSection = sections.find((s) => s.id === 0 && s.name === 'name');
  if (nameSection) {
    const state = { at: nameSection.start };
    readName(bytes, state);
    while (state.at < nameSection.start + nameSection.size) {
      const subsection = bytes[state.at++];
      const end = readLeb(bytes, state) + state.at;
      if (subsection === 1) {
        for (let count = readLeb(bytes, state); count > 0; --count) {
          const index = readLeb(bytes, state);
          names.set(index, readName(bytes, state));
        }
      }
      state.at = end;
    }
  }
  const mangled = functions.map((_, i) => names.get(i + importedFunctions) ?? `func${i + importedFunctions}`);
  let demangled = mangled;
  try {
    demangled = execFileSync('c++filt', { input: mangled.join('\n'), maxBuffer: 64 << 20 }).toString().split('\n');
  } catch {
    // Without c++filt the mangled names still group reasonably.
  }
  functions.forEach((f, i) => { f.name = demangled[i]; });
  return { sections, importedFunctions, functions };
}

/** Where a function's code comes from, by its demangled name: the core, cmark, nlohmann-json, libc++… */
export function originOf(name) {
  if (/nlohmann/.test(name)) return 'nlohmann-json';
  if (/^broadsheet::/.test(name) || /\bbroadsheet::/.test(name.slice(0, 80))) return 'broadsheet core';
  if (/^(cmark|S_|houdini|_scan_|_cmark|subject|parse_inline|handle_|try_|finalize|add_child|process_|make_|scan_)/.test(name)) return 'cmark';
  if (/emscripten::|embind|_embind|EmscriptenBindingInitializer/.test(name)) return 'embind';
  if (/printf|vfprintf|fmt_|pop_arg|__towrite|__fwrite|out$|pad$|fwrite|fputs|__stdio|strtod|strtof|__floatscan|__shgetc|scanf|__intscan|frexp|__string_read/.test(name)) return 'libc stdio/number formatting';
  if (/malloc|free$|dlmalloc|emmalloc|sbrk|realloc|calloc|memalign/.test(name)) return 'allocator';
  if (/^std::|__cxa|__cxxabiv|__gxx|operator new|operator delete|std::__2/.test(name)) return 'libc++/libc++abi';
  return 'other (libc, runtime)';
}
