/**
 * Expected report positions, counted from the test's own code (never from a rule's offset
 * arithmetic): the 1-based span of the `occurrence`-th `text` in `code`, ESLint's line breaks.
 * The one home for positions in the suite: rule tests import `at`, `within`, `span` and `errorAt`
 * from here rather than keeping a copy.
 */
export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** ESLint's line breaks in JavaScript source (and the Markdown code blocks it lints as JS). */
export const JS_LINE_BREAKS = /\r\n|[\r\n\u2028\u2029]/;
/** The line breaks of the plugin's own languages (xml, http, shell, json): CRLF, CR and LF only. */
export const TEXT_LINE_BREAKS = /\r\n|\r|\n/;

/** The span of `[offset, offset + length)` in `code`, lines split at `breaks`. */
export function span(code: string, offset: number, length: number, breaks: RegExp = JS_LINE_BREAKS): Span {
  const position = (index: number) => {
    const lines = code.slice(0, index).split(breaks);
    return { line: lines.length, column: (lines.at(-1) ?? "").length + 1 };
  };
  const start = position(offset);
  const end = position(offset + length);
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

/** The offset of the `occurrence`-th `text` in `code` (an error when there is none). */
export function offsetOf(code: string, text: string, occurrence = 0): number {
  let index = -1;
  for (let n = 0; n <= occurrence; n++) {
    index = code.indexOf(text, index + 1);
    if (index === -1) throw new Error(`${JSON.stringify(text)} (#${occurrence}) not in test code`);
  }
  return index;
}

/**
 * The span of the `occurrence`-th `text` in `code`; its first `length` characters when given
 * (`"Logon("` locates the call, the finding is `Logon`).
 */
export function at(code: string, text: string, occurrence = 0, length = text.length): Span {
  return span(code, offsetOf(code, text, occurrence), length);
}

/** `at` for code in one of the plugin's own languages (xml, http, shell, json): no U+2028/U+2029 breaks. */
export function textAt(code: string, text: string, occurrence = 0, length = text.length): Span {
  return span(code, offsetOf(code, text, occurrence), length, TEXT_LINE_BREAKS);
}

/** The span of `text` inside `marker`, which occurs once in `code` (to tell one of several `text`s apart). */
export function within(code: string, marker: string, text: string): Span {
  const from = code.indexOf(marker);
  if (from === -1 || code.indexOf(marker, from + 1) !== -1 || !marker.includes(text)) throw new Error(`${JSON.stringify(marker)} is not unique in test code`);
  const occurrence = code.slice(0, from + marker.indexOf(text)).split(text).length - 1;
  return at(code, text, occurrence);
}

/** `line:column-endLine:endColumn` of a span or a lint message (for one-line finding lists). */
export function spanText(s: Span | { line: number; column: number; endLine?: number; endColumn?: number }): string {
  return `${s.line}:${s.column}-${s.endLine}:${s.endColumn}`;
}

/** Which occurrence of a needle a finding is on, and how much of it the finding covers. */
export interface Where {
  nth?: number;
  length?: number;
}

/**
 * A RuleTester error with neither fix nor suggestions (the only kind the plugin's own languages
 * give) on the `nth` `needle` (its first `length` characters) of code in one of those languages.
 */
export function errorAt(messageId: string, code: string, needle: string, { nth = 0, length = needle.length }: Where = {}) {
  return { messageId, ...textAt(code, needle, nth, length), suggestions: [] };
}

/** The RuleTester error fields a span fills. */
export type Position = Span;
