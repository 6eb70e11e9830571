/**
 * JavaScript shown in documents is often not a whole program: `...` where arguments or lines were
 * left out, and Campaign's server-side JavaScript with E4X (`xml..*::name`, `node.@attr`) that no
 * JavaScript parser reads. The block's text is made parseable without moving anything: each such
 * construct is overwritten by characters of the same length, so every position and range still
 * points at the same place (VirtualText.overwrite marks those characters as not copied, so no fix
 * is written over them).
 *
 * Hand-written, by necessity: it is a same-length rewrite of a handful of tokens, which no parser
 * or library offers (a tolerant parser would move positions or drop the calls we look for).
 */

/** `...` standing alone on a line. */
const PLACEHOLDER_LINE = /^([ \t]*)\.\.\.(?=[ \t]*$)/gmu;
/** `...` where an argument, element or member was left out: `f(a, ...)`, `[...]`, `{ ... }`. */
const PLACEHOLDER_ITEM = /(?<=[(,[{][ \t]*)\.\.\.(?=[ \t]*[)\]},])/gu;
/** `...` for a value: `= ...;`, `: ...,`, `return ...`. */
const PLACEHOLDER_VALUE = /(?<=(?:[=:]|\breturn)[ \t]*)\.\.\.(?=[ \t]*[;,)}\]]|[ \t]*$)/gmu;
/** E4X descendants: `x..*::name`, `x..name` (5 or 2 characters of syntax; `1..toString` is JavaScript). */
const E4X_DESCENDANT_ANY = /\.\.\*::(?=[A-Za-z_$])/gu;
const E4X_DESCENDANT = /(?<=(?:^|[^\w$.])[A-Za-z_$][\w$]*|[)\]])\.\.(?=[A-Za-z_$])/gu;
/** E4X attribute access: `node.@name`. */
const E4X_ATTRIBUTE = /(?<=[\w$)\]])\.@(?=[A-Za-z_$])/gu;

/** The same text with placeholders and E4X syntax overwritten by same-length valid JavaScript. */
export function neutraliseJavascriptFragment(text: string): string {
  return text
    .replace(PLACEHOLDER_LINE, "$1   ")
    .replace(PLACEHOLDER_ITEM, "   ")
    .replace(PLACEHOLDER_VALUE, "0  ")
    .replace(E4X_DESCENDANT_ANY, ".__$_")
    .replace(E4X_DESCENDANT, "._")
    .replace(E4X_ATTRIBUTE, "._");
}

const OPENERS: Readonly<Record<string, string>> = { "(": ")", "[": "]", "{": "}" };
const CLOSERS = new Set([")", "]", "}"]);

/**
 * Brackets balanced, for a fragment that does not parse as it is (a function shown without its
 * caller's `foo(`, or cut before its last `}`): closers with no opener are overwritten by spaces
 * (same length) and the closers still missing at the end are returned, to be appended. Strings,
 * template literals and comments are skipped; a regular expression literal is not recognised,
 * which is why this runs only on text that fails to parse anyway.
 */
export function balanceBrackets(text: string): { text: string; missing: string } {
  const chars = [...text];
  const open: string[] = [];
  for (let index = 0; index < chars.length; index++) {
    const char = chars[index]!;
    if (char === '"' || char === "'" || char === "`") {
      index++;
      while (index < chars.length && chars[index] !== char && !(char !== "`" && chars[index] === "\n")) index += chars[index] === "\\" ? 2 : 1;
      continue;
    }
    if (char === "/" && chars[index + 1] === "/") {
      while (index < chars.length && chars[index] !== "\n") index++;
      continue;
    }
    if (char === "/" && chars[index + 1] === "*") {
      index += 2;
      while (index < chars.length && !(chars[index] === "*" && chars[index + 1] === "/")) index++;
      index++;
      continue;
    }
    if (OPENERS[char] !== undefined) open.push(OPENERS[char]!);
    else if (CLOSERS.has(char)) {
      if (open[open.length - 1] === char) open.pop();
      else chars[index] = " ";
    }
  }
  return { text: chars.join(""), missing: open.reverse().join("") };
}
