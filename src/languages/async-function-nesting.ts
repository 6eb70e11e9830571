/**
 * The cost TypeScript's parser (5.x, 6.x) will take on a JS/TS text, from its lookaheads on
 * `async` in an expression: it parses what follows to see whether it is an async arrow function,
 * so an `async function` expression (a callback, an initializer) is parsed twice, and one nested
 * in it four times: 2^depth; likewise the parentheses after an `async` that are not an arrow's
 * parameters (`async (async (…`). 18 levels took 1 s, 24 take a minute, on a few hundred bytes
 * (fixed in typescript-go, microsoft/typescript-go#4785).
 *
 * `parseWeight` weighs each character by 2^(async function expressions around it), in one pass:
 * strings, template literals, comments and (approximately) regular expressions are skipped, and
 * `async function` counts when it is not where a declaration can start (after `;`, `{`, `}`,
 * `export`, `default` or at the start of the text, and not inside an unclosed `(` or `[`, where
 * the parser is still reading arguments). An approximation: it only decides whether a text is
 * parsed at all, and its mistakes err towards a higher weight.
 *
 * On the 3,400 JS/TS files of this repository's node_modules (42 MB) the weight is at most 1.45
 * times the length; TypeScript parses about 6 million weight units a second.
 */

const enum Code {
  Slash = 47,
  Star = 42,
  Backslash = 92,
  Newline = 10,
  Backtick = 96,
  Dollar = 36,
  OpenBrace = 123,
  CloseBrace = 125,
  Quote = 34,
  Apostrophe = 39,
  OpenParen = 40,
  CloseParen = 41,
  OpenBracket = 91,
  CloseBracket = 93,
}

const IDENTIFIER_CHAR = /[\p{ID_Continue}$\u200c\u200d]/u;
/** After these, a `/` starts a regular expression rather than a division. */
const REGEX_AFTER = new Set(["(", ",", "=", ":", "[", "!", "&", "|", "?", "{", "}", ";", "+", "-", "*", "%", "<", ">", "~", "^", "", "return", "typeof", "case", "do", "else", "in", "of", "void", "yield", "await"]);
/** After these, `async function` starts a declaration (parsed once). */
const DECLARATION_AFTER = new Set([";", "{", "}", "", "export", "default"]);

/** Σ over the text's characters of 2^(enclosing async function expressions and `async (…)`), capped at `limit`. */
export function parseWeight(text: string, limit = Number.POSITIVE_INFINITY): number {
  let weight = 0;
  let depth = 0;
  /**
   * Open brackets, innermost last: for a `{`, whether it opened an async function expression's
   * body; "(" for `(` and `[`, "async(" for the `(` right after an `async` expression; "`" for a
   * template's `${`.
   */
  const brackets: Array<boolean | "(" | "async(" | "`"> = [];
  let previous = "";
  let pendingAsyncBody = false;
  let i = 0;
  const n = text.length;
  const add = (from: number, to: number): void => {
    weight += (to - from) * 2 ** depth;
  };
  const atStatementLevel = (): boolean => DECLARATION_AFTER.has(previous) && typeof (brackets.at(-1) ?? true) === "boolean";
  while (i < n && weight <= limit) {
    const start = i;
    const c = text.charCodeAt(i);
    if (c === Code.Slash && text.charCodeAt(i + 1) === Code.Slash) {
      const end = text.indexOf("\n", i);
      i = end === -1 ? n : end;
    } else if (c === Code.Slash && text.charCodeAt(i + 1) === Code.Star) {
      const end = text.indexOf("*/", i + 2);
      i = end === -1 ? n : end + 2;
    } else if (c === Code.Quote || c === Code.Apostrophe) {
      i = skipQuoted(text, i + 1, c);
      previous = "string";
    } else if (c === Code.Slash && REGEX_AFTER.has(previous)) {
      i = skipRegex(text, i + 1);
      previous = "regex";
    } else if (c === Code.Backtick) {
      i = skipTemplate(text, i + 1, brackets);
      previous = "string";
    } else if (c === Code.OpenBrace) {
      brackets.push(pendingAsyncBody);
      if (pendingAsyncBody) depth++;
      pendingAsyncBody = false;
      previous = "{";
      i++;
    } else if (c === Code.CloseBrace) {
      // A `}` also ends the `(` and `[` left open inside its block (as the parser recovers).
      while (brackets.at(-1) === "(" || brackets.at(-1) === "async(") if (brackets.pop() === "async(") depth--;
      if (brackets.at(-1) === "`") {
        // The end of a template's `${…}`: the template goes on.
        brackets.pop();
        i = skipTemplate(text, i + 1, brackets);
        previous = "string";
      } else {
        if (brackets.pop() === true) depth--;
        previous = "}";
        i++;
      }
    } else if (c === Code.OpenParen && previous === "async-expression") {
      brackets.push("async(");
      depth++;
      previous = "(";
      i++;
    } else if (c === Code.OpenParen || c === Code.OpenBracket) {
      brackets.push("(");
      previous = text[i]!;
      i++;
    } else if (c === Code.CloseParen || c === Code.CloseBracket) {
      const top = brackets.at(-1);
      if (top === "(" || top === "async(") brackets.pop();
      if (top === "async(") depth--;
      previous = text[i]!;
      i++;
    } else if (IDENTIFIER_CHAR.test(text[i]!)) {
      while (i < n && IDENTIFIER_CHAR.test(text[i]!)) i++;
      const word = text.slice(start, i);
      if (word === "function" && previous === "async-expression") pendingAsyncBody = true;
      previous = word === "async" && !atStatementLevel() ? "async-expression" : word;
    } else {
      if (c > 32) previous = text[i]!;
      i++;
    }
    add(start, i);
  }
  return weight;
}

function skipQuoted(text: string, from: number, quote: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === Code.Backslash) i++;
    else if (c === quote || c === Code.Newline) return i + 1;
  }
  return text.length;
}

function skipRegex(text: string, from: number): number {
  let inClass = false;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === "\\") i++;
    else if (c === "[") inClass = true;
    else if (c === "]") inClass = false;
    else if (c === "\n") return i;
    else if (c === "/" && !inClass) return i + 1;
  }
  return text.length;
}

/** Skips template text up to its end (returns after the backtick) or a `${` (pushes "`", returns after the brace). */
function skipTemplate(text: string, from: number, brackets: Array<boolean | "(" | "async(" | "`">): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === Code.Backslash) i++;
    else if (c === Code.Backtick) return i + 1;
    else if (c === Code.Dollar && text.charCodeAt(i + 1) === Code.OpenBrace) {
      brackets.push("`");
      return i + 2;
    }
  }
  return text.length;
}

/** The most weight a text may have: 32 times its length, plus a margin for small texts (under a second). */
export const maxParseWeight = (length: number): number => 32 * length + 4_000_000;

/** The parse error ESLint reports when a text is over its weight (thrown from a parser: ESLint reads `lineNumber` and `column`). */
export function tooDeepAsyncNesting(): Error & { lineNumber: number; column: number } {
  return Object.assign(
    new Error("not parsed: async function expressions nested too deeply (TypeScript's parser takes time exponential in their depth; move inner callbacks to named functions)"),
    { lineNumber: 1, column: 1 },
  );
}
