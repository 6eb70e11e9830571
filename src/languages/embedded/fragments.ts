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
