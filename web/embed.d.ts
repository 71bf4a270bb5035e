// Types for `broadsheet/embed` (web/embed.js), which re-exports the element module.
export * from './element.js';
