/**
 * Text that came from outside (keys, names and values of a scenario file or link) made safe to
 * echo: on a terminal (the command line's stderr and table) and in the planner's notices.
 */

/**
 * Characters never echoed raw: C0 controls (newline, tab, escape…), DEL and C1 controls (some
 * terminals read U+009B as an escape sequence), line and paragraph separators, and the
 * bidirectional overrides, embeddings and isolates that can make text read other than it is.
 */
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' }

/**
 * `text` with every unprintable character written as a visible escape (`\n`, `\u001b`), so
 * one problem stays on one line and nothing in it can move the cursor, recolour the terminal
 * or reorder what the reader sees. Idempotent. With `maxLength`, longer text is cut and ends
 * with `…`.
 */
export function printable(text: string, maxLength = Infinity): string {
  let cut = text
  if (text.length > maxLength) {
    // Never cut between the two halves of a surrogate pair.
    const end = /[\ud800-\udbff]/.test(text.charAt(maxLength - 1)) ? maxLength - 1 : maxLength
    cut = `${text.slice(0, Math.max(0, end))}…`
  }
  return cut.replace(
    UNPRINTABLE,
    (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
}

/** What `printable` escapes that `JSON.stringify` leaves raw (it escapes only C0 controls). */
const UNPRINTABLE_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g

/**
 * JSON text from `JSON.stringify` made safe for a terminal: DEL, C1 controls, separators and
 * bidirectional controls inside strings written as `\uXXXX` escapes. The same JSON value.
 */
export function printableJson(json: string): string {
  return json.replace(
    UNPRINTABLE_IN_JSON,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
}
