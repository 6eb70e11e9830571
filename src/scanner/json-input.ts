/**
 * Parsing the JSON files the tool reads (configuration, baselines, `merge` inputs). A syntax error
 * names the file, the line and column, and the kind of problem, never the text: Node's own
 * JSON.parse message quotes the input ("Unexpected token 'h', \"hunter2…\" is not valid JSON"), and
 * these files may hold secrets or come from the scanned repository. JSON.parse does the parsing;
 * only on failure does momoa (the JSON parser @eslint/json uses) locate the problem. It is loaded
 * then, not with the scanner: a run whose inputs parse never pays for it.
 */
import { createRequire } from "node:module";
import { ScanConfigError } from "./types.js";

/** The parsed value of `text`, or a ScanConfigError `${label}: not valid JSON (line L, column C: kind)`. */
export function parseJsonInput(text: string, label: string): unknown {
  const body = text.replace(/^\uFEFF/, "");
  try {
    return JSON.parse(body) as unknown;
  } catch {
    throw new ScanConfigError(`${label}: not valid JSON${describeSyntaxError(body)}`);
  }
}

/** " (line L, column C: kind)" from momoa's error, with no character of the input in it. */
function describeSyntaxError(body: string): string {
  try {
    (createRequire(import.meta.url)("@humanwhocodes/momoa") as typeof import("@humanwhocodes/momoa")).parse(body, { mode: "json" });
  } catch (error) {
    const { line, column, message } = error as { line?: unknown; column?: unknown; message?: unknown };
    if (typeof line !== "number" || typeof column !== "number") return "";
    return ` (line ${line}, column ${column}: ${syntaxErrorKind(typeof message === "string" ? message : "")})`;
  }
  return "";
}

function syntaxErrorKind(message: string): string {
  if (message.startsWith("Unexpected end of input")) return "unexpected end of input";
  // Token kinds are momoa's names (RBrace, Colon, String…), not input text.
  const token = /^Unexpected token ([A-Za-z]+) found/.exec(message)?.[1];
  if (token === "LBrace" || token === "LBracket") return `${PUNCTUATION[token]} not closed`;
  if (token !== undefined) return `unexpected ${PUNCTUATION[token] ?? token.toLowerCase()}`;
  return "unexpected character";
}

/** Momoa's names of punctuation tokens, shown as the character (not input text: the grammar's). */
const PUNCTUATION: Partial<Record<string, string>> = { LBrace: '"{"', RBrace: '"}"', LBracket: '"["', RBracket: '"]"', Comma: '","', Colon: '":"' };
