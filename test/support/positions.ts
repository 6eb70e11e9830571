/**
 * Expected positions for RuleTester errors, taken from the test source itself, never from the
 * rule's own offset arithmetic.
 */
import type { RuleTester } from "eslint";

export type Position = Pick<RuleTester.TestCaseError, "line" | "column" | "endLine" | "endColumn">;

/** The position of the `occurrence`-th `text` in `code` (1-based lines and columns, end exclusive). */
export function at(code: string, text: string, occurrence = 0): Position {
  let index = -1;
  for (let n = 0; n <= occurrence; n++) {
    index = code.indexOf(text, index + 1);
    if (index === -1) throw new Error(`${JSON.stringify(text)} (#${occurrence}) not in test code`);
  }
  const position = (offset: number) => {
    const before = code.slice(0, offset).split(/\r\n|[\r\n\u2028\u2029]/);
    return { line: before.length, column: (before.at(-1) ?? "").length + 1 };
  };
  const start = position(index);
  const end = position(index + text.length);
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}
