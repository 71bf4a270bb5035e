// Click-to-load for Broadsheet's embed blocks (docs/embeds.md). The core writes a placeholder with
// the provider's frame address in `data-bs-embed-src` and a hidden "Load" button; nothing there asks
// the provider for anything. `activateEmbeds(root)` shows the buttons; a click builds the frame with
// DOM calls (no HTML parsing: it works under Trusted Types and a CSP without 'unsafe-inline'), after
// checking again that its address is https on the provider's own frame host, with only the sandbox
// tokens and permissions a player may have. The element calls it after each render; pages that put
// `render()`'s HTML into their own DOM call it themselves.

/** Each provider's frame host: the only host its `data-bs-embed-src` may name (docs/embeds.md). */
export const EMBED_FRAME_HOSTS = Object.freeze({
  youtube: 'www.youtube-nocookie.com',
  vimeo: 'player.vimeo.com',
  x: 'platform.twitter.com',
  telegram: 't.me',
  instagram: 'www.instagram.com',
  facebook: 'www.facebook.com',
  tiktok: 'www.tiktok.com',
  soundcloud: 'w.soundcloud.com',
  spotify: 'open.spotify.com',
  googlemaps: 'www.google.com',
});

// What a frame may be given, whatever the markup says: never allow-top-navigation, allow-forms,
// allow-modals, allow-downloads; never camera, microphone, geolocation, payment.
const SANDBOX_TOKENS = new Set(['allow-scripts', 'allow-same-origin', 'allow-popups',
  'allow-popups-to-escape-sandbox', 'allow-presentation']);
const ALLOW_FEATURES = new Set(['encrypted-media', 'fullscreen', 'picture-in-picture']);
const MODES = new Set(['placeholder', 'frame', 'link']);
const activated = new WeakSet();

function providerOf(figure) {
  for (const name of figure.classList) {
    const id = name.startsWith('bs-embed--') ? name.slice('bs-embed--'.length) : '';
    if (id && !MODES.has(id)) return id;
  }
  return '';
}

/**
 * The frame's URL when `src` is https on the provider's frame host (for `generic`, on one of
 * `origins`), with no user name or port; otherwise null.
 * @param {string} provider @param {string} src @param {readonly string[]} [origins]
 */
export function allowedFrameUrl(provider, src, origins = []) {
  let url;
  try {
    url = new URL(src);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.port) return null;
  const allowed = provider === 'generic'
    ? origins.includes(url.origin)
    : Object.hasOwn(EMBED_FRAME_HOSTS, provider) && EMBED_FRAME_HOSTS[provider] === url.hostname;
  return allowed ? url : null;
}

function keep(list, separator, known) {
  return (list ?? '').split(separator).map((token) => token.trim()).filter((token) => known.has(token));
}

/**
 * Replaces one placeholder box (`.bs-embed-box[data-bs-embed-src]`) with its frame. Returns the
 * iframe, or null when the address is refused (the link to the original stays either way).
 * @param {Element} box @param {{origins?: readonly string[]}} [options]
 */
export function loadEmbed(box, { origins = [] } = {}) {
  const figure = box.closest('.bs-embed');
  if (!figure) return null;
  const url = allowedFrameUrl(providerOf(figure), box.getAttribute('data-bs-embed-src') ?? '', origins);
  if (!url) return null;
  const frame = box.ownerDocument.createElement('iframe');
  frame.className = 'bs-embed-frame';
  frame.setAttribute('title', box.getAttribute('data-bs-embed-title') ?? '');
  frame.setAttribute('sandbox', keep(box.getAttribute('data-bs-embed-sandbox'), ' ', SANDBOX_TOKENS).join(' '));
  const allow = keep(box.getAttribute('data-bs-embed-allow'), ';', ALLOW_FEATURES);
  if (allow.length) frame.setAttribute('allow', allow.join('; '));
  frame.setAttribute('referrerpolicy', 'strict-origin-when-cross-origin');
  frame.setAttribute('loading', 'lazy');
  frame.src = url.href;
  for (const name of ['data-bs-embed-src', 'data-bs-embed-title', 'data-bs-embed-sandbox', 'data-bs-embed-allow']) {
    box.removeAttribute(name);
  }
  box.replaceChildren(frame);
  figure.classList.replace('bs-embed--placeholder', 'bs-embed--frame');
  // The button the reader pressed is gone: keep their place on the content that replaced it.
  frame.focus({ preventScroll: true });
  return frame;
}

/**
 * Shows the "Load" button of every embed placeholder under `root` (a document, a shadow root, an
 * element) and loads the frame when it is pressed. Safe to call again after a re-render. Returns
 * how many placeholders were made ready.
 * @param {ParentNode} root @param {{origins?: readonly string[]}} [options] `origins`: the
 * `embedOrigins` given to the render, for `generic` embeds
 */
export function activateEmbeds(root, options = {}) {
  let count = 0;
  for (const box of root.querySelectorAll('.bs-embed--placeholder .bs-embed-box[data-bs-embed-src]')) {
    const button = box.querySelector('.bs-embed-load');
    if (!button || activated.has(box)) continue;
    activated.add(box);
    button.addEventListener('click', () => loadEmbed(box, options), { once: true });
    button.hidden = false;
    count += 1;
  }
  return count;
}
