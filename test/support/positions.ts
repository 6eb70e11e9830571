/**
 * Expected report positions, counted from the test's own code (never from a rule's offset
 * arithmetic): the 1-based span of the `occurrence`-th `text` in `code`, ESLint's line breaks.
 */
export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export function at(code: string, text: string, occurrence = 0): Span {
  let index = -1;
  for (let n = 0; n <= occurrence; n++) {
    index = code.indexOf(text, index + 1);
    if (index === -1) throw new Error(`${JSON.stringify(text)} (#${occurrence}) not in test code`);
  }
  const position = (offset: number) => {
    const lines = code.slice(0, offset).split(/\r\n|[\r\n\u2028\u2029]/);
    return { line: lines.length, column: (lines.at(-1) ?? "").length + 1 };
  };
  const start = position(index);
  const end = position(index + text.length);
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

/** The span of `text` inside `marker`, which occurs once in `code` (to tell one of several `text`s apart). */
export function within(code: string, marker: string, text: string): Span {
  const from = code.indexOf(marker);
  if (from === -1 || code.indexOf(marker, from + 1) !== -1 || !marker.includes(text)) throw new Error(`${JSON.stringify(marker)} is not unique in test code`);
  const occurrence = code.slice(0, from + marker.indexOf(text)).split(text).length - 1;
  return at(code, text, occurrence);
}

/** The RuleTester error fields a span fills. */
export type Position = Span;
