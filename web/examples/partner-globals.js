// The Daily Partner's own scripts: globals of the kind long-lived sites accumulate. Broadsheet must
// neither use nor break them.
/* eslint-disable no-var, no-extend-native */
var Module = { // an Emscripten app of the partner's own
  locateFile: function () { throw new Error("the partner's Module.locateFile was called"); },
  print: function () { throw new Error("the partner's Module.print was called"); },
};
var process = { env: { NODE_ENV: 'production' } }; // a bundler's process shim
var global = window;
var exports = {};
var module = { exports: exports }; // CommonJS leftovers
function define() { throw new Error("the partner's AMD define was called"); }
define.amd = { jQuery: true };
var broadsheet = 'the partner has a global named broadsheet too';
var createRenderer = function () { throw new Error("the partner's createRenderer was called"); };
Array.prototype.last = function () { return this[this.length - 1]; }; // enumerable
// An analytics wrapper around fetch, counting requests.
var partnerFetch = window.fetch;
window.partnerFetchCount = 0;
window.fetch = function (input, init) {
  window.partnerFetchCount += 1;
  return partnerFetch.call(this, input, init);
};
