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

/** Offset just past the `)` closing an argument list that opens right after `end`, if any. */
function argumentListEnd(text: string, redaction: Redaction, end: number): number | undefined {
  let position = end;
  while (position < text.length && /\s/.test(text[position]!)) position++;
  if (text[position] !== "(") return undefined;
  // Masked spans are skipped whole: a secret may contain parentheses.
  let span = redaction.spans.findIndex((candidate) => candidate.end > position);
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
  if (redaction.spans.some((span) => span.start < end && span.end > start && span.secrets.length > 0)) return [start, end];
  const argumentsEnd = argumentListEnd(text, redaction, end);
  if (argumentsEnd !== undefined) return [start, argumentsEnd];
  return [Math.min(start, lines.lineStart(line)), Math.max(end, lines.lineEnd(endLine))];
}
