// Share links: the draft travels in the URL's fragment, compressed (deflate-raw, CompressionStream) and
// written as base64url: `…/web/#draft=<base64url>`. The fragment is never sent to any server, not even
// the one serving the playground, so an opened link shows the draft without anything leaving the
// browser. Plain module, no DOM: node 20 has CompressionStream too (tests call it directly).

export const FRAGMENT_KEY = 'draft';

/** @param {string} text @returns {Promise<string>} the fragment, without '#' */
export async function encodeDraft(text) {
  const compressed = await pipe(new TextEncoder().encode(text), new CompressionStream('deflate-raw'));
  return `${FRAGMENT_KEY}=${toBase64Url(compressed)}`;
}

/**
 * The draft a fragment carries, or null when it carries none. Throws when it carries a damaged one
 * (cut short by a chat app, say), so the caller can say so instead of opening something else silently.
 * @param {string} hash location.hash, with or without '#'
 * @returns {Promise<string|null>}
 */
export async function decodeDraft(hash) {
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  const encoded = new URLSearchParams(fragment).get(FRAGMENT_KEY);
  if (encoded === null) return null;
  const bytes = fromBase64Url(encoded);
  const inflated = await pipe(bytes, new DecompressionStream('deflate-raw'));
  return new TextDecoder('utf-8', { fatal: true }).decode(inflated);
}

async function pipe(bytes, transform) {
  const stream = new Blob([bytes]).stream().pipeThrough(transform);
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

function toBase64Url(bytes) {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text) {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('the link\'s draft is not base64url text');
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (character) => character.charCodeAt(0));
}
