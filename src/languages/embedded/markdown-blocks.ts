/**
 * The Markdown code blocks whose language their content decides (classify.ts): the ones
 * @eslint/markdown's processor leaves out (fences with no info string, indented code blocks) and
 * fences whose info string says nothing about the code (`sql`, `text`, `json`, `console` around
 * XML or an nlserver command: UNINFORMATIVE_FENCES; `console` stays shell when the content does not
 * say otherwise). Found with
 * mdast-util-from-markdown, the parser behind that processor (same CommonMark, same blocks).
 *
 * Each content line of a block is the end of its Markdown line (the parser removes the container
 * prefix and the indentation, `>` markers and list indentation included); it is copied from there,
 * and the line break plus the next line's prefix stand for the block's "\n". A fix is written
 * back with the same line break and prefix (`encode`), or not at all.
 */
import { fromMarkdown } from "mdast-util-from-markdown";
import type { Code, Nodes } from "mdast";
import type { EmbeddedBlock } from "./blocks.js";
import { classifyCode, declaredLanguage, UNINFORMATIVE_FENCES } from "./classify.js";
import { shownPageBlocks } from "./html.js";
import { lineStarts, TEXT_LINE_BREAK, VirtualText } from "./virtual-text.js";

/** A fence line, after container prefixes (block quote markers, list markers): its fence and info string. */
const FENCE_LINE = /^[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)*(`{3,}|~{3,})([^\r\n]*)$/u;
/** A line indented as code (4 columns), after container prefixes. */
const INDENTED_LINE = /^[ \t>]*?(?: {4}|\t)[ \t]*[^ \t>]/u;
const BLANK_LINE = /^[ \t>]*$/u;
/** A `filename="…"` meta names the block's file: @eslint/markdown's processor keeps those. */
const FILENAME_META = /filename=(["']).*?\1/u;

/** The first word of an info string, lower case (`""` for none). */
export const fenceWord = (lang: string | null | undefined): string => (lang ?? "").trim().split(/\s/u)[0]!.toLowerCase();

/** Whether a fence's language is decided by its content here rather than by its info string. */
export function classifiedByContent(lang: string | null | undefined, meta: string | null | undefined): boolean {
  return UNINFORMATIVE_FENCES.has(fenceWord(lang)) && !FILENAME_META.test(meta ?? "");
}

function codeNodes(node: Nodes, found: Code[]): Code[] {
  if (node.type === "code") found.push(node);
  if ("children" in node) for (const child of node.children) codeNodes(child as Nodes, found);
  return found;
}

/**
 * The blocks of one code node, classified (none when it is no language the plugin lints). A node
 * that shows an HTML page yields the page's `<script>` blocks (html.ts `shownPageBlocks`).
 */
function nodeBlocks(host: string, starts: readonly number[], node: Code): EmbeddedBlock[] {
  const language = classifyCode(node.value) ?? declaredLanguage(fenceWord(node.lang));
  if (language === undefined || node.position === undefined) return [];
  const startLine = node.position.start.line;
  const lineText = host.slice(starts[startLine - 1], starts[startLine] ?? host.length);
  const fenced = /^[ \t>*+\-.)\d]*(?:```|~~~)/u.test(lineText);
  const firstLine = fenced ? startLine + 1 : startLine;
  const virtual = new VirtualText();
  const lines = node.value.split(/\r\n|[\r\n]/u);
  let eol = "\n";
  let prefix: string | undefined;
  let previousEnd = -1;
  for (const [index, content] of lines.entries()) {
    const line = firstLine + index;
    if (line > starts.length) break;
    const lineStart = starts[line - 1]!;
    const next = starts[line] ?? host.length;
    const lineEnd = lineStart + host.slice(lineStart, next).replace(/(?:\r\n|[\r\n])$/u, "").length;
    const contentStart = host.slice(lineStart, lineEnd).endsWith(content) ? lineEnd - content.length : lineStart;
    if (previousEnd >= 0) {
      if (index === 1) eol = host.slice(previousEnd, lineStart);
      if (content !== "") prefix ??= host.slice(lineStart, contentStart);
      virtual.replace("\n", previousEnd, contentStart);
    }
    if (contentStart === lineStart && content !== "" && !host.slice(lineStart, lineEnd).endsWith(content)) virtual.replace(content, lineStart, lineEnd);
    else virtual.copy(host, contentStart, lineEnd);
    previousEnd = lineEnd;
  }
  const indent = prefix ?? "";
  const encode = (text: string): string => text.replace(/\n/gu, eol + indent);
  return shownPageBlocks(virtual, encode) ?? [{ language, text: virtual, encode, guessed: true }];
}


/**
 * A conservative line scan for what the parser would find here: a fence opening with an
 * uninformative or no info string, or an indented line after a blank line outside a fence (a
 * candidate indented code block; list continuations also pass, and are then parsed for nothing).
 */
export function mayHaveClassifiedBlocks(host: string): boolean {
  let open: string | undefined;
  let previousBlank = true;
  for (const line of host.split(/\r\n|[\r\n]/u)) {
    const fence = FENCE_LINE.exec(line);
    if (open !== undefined) {
      if (fence !== null && fence[1]![0] === open[0] && fence[1]!.length >= open.length && fence[2]!.trim() === "") open = undefined;
      continue;
    }
    if (fence !== null) {
      if (classifiedByContent(fence[2], fence[2]!.trim().split(/\s/u).slice(1).join(" "))) return true;
      open = fence[1];
      continue;
    }
    if (previousBlank && INDENTED_LINE.test(line)) return true;
    previousBlank = BLANK_LINE.test(line);
  }
  return false;
}

/** The blocks of a Markdown text classified by content, in document order. */
export function classifiedMarkdownBlocks(host: string): EmbeddedBlock[] {
  // The processor has already parsed the text once: parse it again only when it may have a block to classify.
  if (!mayHaveClassifiedBlocks(host)) return [];
  const starts = lineStarts(host, TEXT_LINE_BREAK);
  return codeNodes(fromMarkdown(host), [])
    .filter((node) => classifiedByContent(node.lang, node.meta))
    .flatMap((node) => nodeBlocks(host, starts, node));
}
