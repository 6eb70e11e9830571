/**
 * What a Markdown text will cost micromark (the parser behind @eslint/markdown's processor),
 * measured before parsing it. micromark 4 re-splices the document's whole event list for the
 * content of each container (list item, block quote), so its time grows with containers × size:
 * 8,000 block quotes in 125 KB took 18 s, 16,000 list lines in 850 KB 39 s; and with the
 * containers opened on one line, faster still ("- " 4,000 times, 8 KB: 48 s through ESLint).
 * Real documents are far from that: the largest README in this repository's node_modules
 * (122 KB) parses in 0.2 s.
 *
 * The runbook processor only needs code blocks: a text with no fence and no line indented as code
 * (4 spaces or a tab) is not parsed at all, and a text over budget is refused with a message that
 * says why.
 */

/** A fence (```` ``` ```` or `~~~`) anywhere, or an indented line: without one there is no code block to lint. */
const FENCE = /```|~~~|^[ \t>]*?(?: {4}|\t)/mu;
/** One container opened at the start of a line: a block quote marker or a list marker, and its spaces. */
const CONTAINER_MARKER = /[ \t]*(?:>|[-*+](?=[ \t\r\n]|$)|\d{1,9}[.)](?=[ \t\r\n]|$))[ \t]?/uy;
const LINE = /[^\r\n]*(?:\r\n|\r|\n|$)/gu;

/** Most containers one line may open (real documents: a handful). */
export const MAX_CONTAINERS_ON_A_LINE = 64;
/** Lines starting a container × characters: about 5 s of micromark at the worst measured rate. */
export const MAX_CONTAINER_COST = 500_000_000;

export type MarkdownBudget = { parse: false } | { parse: true } | { parse: "refused"; reason: string };

/** Whether to parse a Markdown text: not without fences or indented lines, refused over budget. */
export function markdownBudget(text: string): MarkdownBudget {
  if (!FENCE.test(text)) return { parse: false };
  let containerLines = 0;
  let deepest = 0;
  for (const match of text.matchAll(LINE)) {
    if (match[0] === "") break;
    let markers = 0;
    CONTAINER_MARKER.lastIndex = match.index;
    while (CONTAINER_MARKER.exec(text) !== null && CONTAINER_MARKER.lastIndex <= match.index + match[0].length) {
      markers++;
      if (CONTAINER_MARKER.lastIndex === match.index + match[0].length) break;
    }
    if (markers > 0) containerLines++;
    deepest = Math.max(deepest, markers);
  }
  if (deepest > MAX_CONTAINERS_ON_A_LINE) {
    return { parse: "refused", reason: `a line opens ${deepest} nested lists or block quotes (more than ${MAX_CONTAINERS_ON_A_LINE})` };
  }
  if (containerLines * text.length > MAX_CONTAINER_COST) {
    return { parse: "refused", reason: `${containerLines} list or block quote lines in ${Math.round(text.length / 1024)} KB (the Markdown parser's time grows with both)` };
  }
  return { parse: true };
}
