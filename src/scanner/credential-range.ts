/**
 * Where a finding's credential is, for the fingerprint's digest of masked values: a fingerprint
 * must change when the credential at the same place changes, yet survive reformatting.
 *
 * - A span that itself holds masked values (a hard-coded secret) is its own credential.
 * - A span followed by an argument list (`ofUserAndPassword` in `ofUserAndPassword(url, "op",
 *   "pw")`) reaches to the list's closing parenthesis, however the call is laid out.
 * - Otherwise the finding's lines (`ACC_SESSIONTOKEN=…`, a header line).
 */
import type { LineIndex } from "./line-index.js";
import type { Redaction } from "./redact.js";

/** Characters searched for the end of an argument list (bounded for hostile files). */
const ARGUMENTS_REACH = 4096;

/** Index of the first masked span ending after `offset` (spans are sorted and do not overlap), or -1. */
function firstSpanAfter(redaction: Redaction, offset: number): number {
  const { spans } = redaction;
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (spans[middle]!.end > offset) high = middle;
    else low = middle + 1;
  }
  return low < spans.length ? low : -1;
}

/** Whether a masked value lies inside [start, end). */
function holdsSecret(redaction: Redaction, start: number, end: number): boolean {
  const first = firstSpanAfter(redaction, start);
  if (first === -1) return false;
  for (let index = first; index < redaction.spans.length && redaction.spans[index]!.start < end; index++) {
    if (redaction.spans[index]!.secrets.length > 0) return true;
  }
  return false;
}

/** Offset just past the `)` closing an argument list that opens right after `end`, if any. */
function argumentListEnd(text: string, redaction: Redaction, end: number): number | undefined {
  let position = end;
  while (position < text.length && /\s/.test(text[position]!)) position++;
  if (text[position] !== "(") return undefined;
  // Masked spans are skipped whole: a secret may contain parentheses.
  let span = firstSpanAfter(redaction, position);
  let depth = 0;
  const limit = Math.min(text.length, position + ARGUMENTS_REACH);
  while (position < limit) {
    const masked = span === -1 ? undefined : redaction.spans[span];
    if (masked !== undefined && position >= masked.start) {
      position = masked.end;
      span = span + 1 < redaction.spans.length ? span + 1 : -1;
      continue;
    }
    const character = text[position]!;
    if (character === "(") depth++;
    else if (character === ")" && --depth === 0) return position + 1;
    position++;
  }
  return undefined;
}

export function credentialRange(text: string, redaction: Redaction, lines: LineIndex, start: number, end: number, line: number, endLine: number): [number, number] {
  if (holdsSecret(redaction, start, end)) return [start, end];
  const argumentsEnd = argumentListEnd(text, redaction, end);
  if (argumentsEnd !== undefined) return [start, argumentsEnd];
  return [Math.min(start, lines.lineStart(line)), Math.max(end, lines.lineEnd(endLine))];
}
