// Text for the terminal: escaping, colour and the diagnostic line of the `broadsheet` command.
//
// File names, arguments and article values reach the terminal in messages and diagnostics. Written as
// they are, an article could move the cursor, retitle the window, hide lines or reorder them (ESC and
// the other C0 and C1 controls, bidi embeddings, overrides and isolates), so those characters are
// shown as \uXXXX text instead. Lone surrogates too: they have no printable form.

const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|[\ud800-\udfff]/gu;
// What JSON.stringify leaves as it is (it escapes C0 controls and lone surrogates itself). In JSON text
// these characters only occur inside strings, where \uXXXX means the same character.
const UNPRINTABLE_IN_JSON = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

function escapeCharacter(character) {
  return `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** The text with every character that drives a terminal shown as \uXXXX. */
export function terminalSafe(text) {
  return String(text).replace(UNPRINTABLE, escapeCharacter);
}

/** Writes one line to standard error, with its unprintable characters escaped. */
export function report(line) {
  process.stderr.write(`${terminalSafe(line)}\n`);
}

/** JSON text (indented) that means the same value and holds no character that drives a terminal. */
export function terminalSafeJson(value) {
  return JSON.stringify(value, null, 2).replace(UNPRINTABLE_IN_JSON, escapeCharacter);
}

/**
 * Colour for standard error: only on a terminal, and never when NO_COLOR is set to anything but the
 * empty string (https://no-color.org).
 */
export function stderrWantsColour(env = process.env, stream = process.stderr) {
  return Boolean(stream.isTTY) && !env.NO_COLOR;
}

const STYLE = { bold: '1', dim: '2', red: '1;31', yellow: '1;33' };
const paint = (colour, style, text) => (colour ? `\u001b[${STYLE[style]}m${text}\u001b[0m` : text);

/**
 * One diagnostic as `file:line:column: severity: message [CODE]`, the line gcc and `eslint -f unix` write
 * and editors jump from; `file: severity: message [CODE]` when the core knows no position (line 0).
 * Every part is escaped before any colour is added.
 */
export function diagnosticLine(fileName, d, colour) {
  const position = d.line > 0 ? `:${d.line}:${d.column}` : '';
  const severity = d.severity === 'warning' ? 'warning' : 'error';
  return `${paint(colour, 'bold', `${terminalSafe(fileName)}${position}:`)} ` +
    `${paint(colour, severity === 'error' ? 'red' : 'yellow', `${severity}:`)} ` +
    `${terminalSafe(d.message)} ${paint(colour, 'dim', `[${terminalSafe(d.code)}]`)}`;
}

/** Writes one diagnostic line to standard error (its parts are escaped by diagnosticLine). */
export function reportDiagnostic(fileName, d, colour) {
  process.stderr.write(`${diagnosticLine(fileName, d, colour)}\n`);
}
