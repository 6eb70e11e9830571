/**
 * `--fix-dry-run`'s unified diff of one file (the `diff` package), with every line masked by the
 * scanner's redaction (redact.ts): the fixed text and its context come from the user's own file
 * and may hold secrets, and nothing the scanner prints may show one. Removed and context lines
 * are the masked lines of the original, added lines the masked lines of the fixed text, so the
 * hunks keep their line numbers (a masked patch is for reading, not for `git apply`).
 */
import { FILE_HEADERS_ONLY, formatPatch, structuredPatch } from "diff";
import { elideComment, redact } from "../redact.js";

/** Each line of `text` as masked by the redaction (lines split on "\n", as the diff counts them). */
function maskedLines(text: string): string[] {
  const redaction = redact(text);
  const lines: string[] = [];
  let start = 0;
  for (;;) {
    const end = text.indexOf("\n", start);
    const stop = end === -1 ? text.length : end;
    // Comments are elided: prose the masker has not classified may hold anything.
    lines.push(elideComment(redaction.text.slice(redaction.mapOffset(start), redaction.mapOffset(stop))));
    if (end === -1) return lines;
    start = end + 1;
  }
}

export function maskedDiff(path: string, before: string, after: string): string {
  const patch = structuredPatch(`a/${path}`, `b/${path}`, before, after, undefined, undefined, { context: 3 });
  const oldLines = maskedLines(before);
  const newLines = maskedLines(after);
  for (const hunk of patch.hunks) {
    let oldLine = hunk.oldStart;
    let newLine = hunk.newStart;
    hunk.lines = hunk.lines.map((line) => {
      switch (line[0]) {
        case " ":
          newLine++;
          return ` ${oldLines[oldLine++ - 1] ?? ""}`;
        case "-":
          return `-${oldLines[oldLine++ - 1] ?? ""}`;
        case "+":
          return `+${newLines[newLine++ - 1] ?? ""}`;
        default:
          return line; // "\ No newline at end of file"
      }
    });
  }
  return formatPatch(patch, FILE_HEADERS_ONLY);
}
