/**
 * The runbook processor: @eslint/markdown's, with the positions it maps back corrected where it
 * leaves them outside the Markdown file or inverted.
 *
 * - U+2028 / U+2029 in a JavaScript block: ESLint's JavaScript counts them as line breaks, the
 *   processor counts only "\n", so every message after one landed lines too low (past the end of
 *   the file). Messages of JS blocks are moved to "\n" lines before the processor maps them.
 * - Indented blocks (in a list item or a quote): the processor shifts `column` by the indentation
 *   it removed from the line but leaves `endColumn` as is, so spans came out short, or ending before
 *   they start. `endColumn` gets the same shift, computed as the processor computes it: the
 *   fence line's leading `>` and whitespace, capped by the end line's own.
 *
 * - A lone "\r" (an old Mac line break): Markdown counts it as a line break, the processor does
 *   not, so the lines after it were mapped to the wrong place. The processor is given the text
 *   with each lone "\r" as "\n": same length, so every offset and fix range stays valid.
 *
 * - Whatever is left (tab-indented lines of indented blocks) is clamped inside the file.
 *
 * These only change where messages point (and lone "\r"s inside blocks read as "\n"); the blocks
 * and fix ranges are the processor's.
 *
 * Blocks whose info string says nothing (none, `sql`, `text`, `json`, `console`…) and indented
 * blocks are not the processor's: embedded/markdown-blocks.ts classifies them by content and
 * embedded/blocks.ts maps their messages back (their parse errors are dropped: the language was
 * guessed). JavaScript blocks, declared or classified, have their `...` placeholders and E4X
 * syntax neutralised in place (embedded/fragments.ts: same length, so the mapping is unchanged). Before any of it, the text's parse budget is checked
 * (markdown-parse-budget.ts): a text without a fence is not parsed (it has no code block), and
 * one that would take the Markdown parser minutes is refused with a "Preprocessing error".
 */
import type { Linter } from "eslint";
import markdown from "@eslint/markdown";
import { byPosition, finishBlock, hostLineStarts, hostMessages, virtualFile, type EmbeddedBlock } from "./embedded/blocks.js";
import { neutraliseJavascriptFragment } from "./embedded/fragments.js";
import { closeHostDocument, openHostDocument } from "./embedded/host-documents.js";
import { classifiedByContent, classifiedMarkdownBlocks } from "./embedded/markdown-blocks.js";
import { markdownDirectivesEnd } from "./markdown-directives.js";
import { markdownBudget } from "./markdown-parse-budget.js";

const inner = markdown.processors.markdown as Linter.Processor;

const BOM = "\uFEFF";
/** Blocks ESLint lints as JavaScript (`0.js`, `1.tsx`, or a `filename="x.ts"` meta). */
const JAVASCRIPT_BLOCK = /\.[cm]?[jt]sx?$/u;
/** What ESLint's JavaScript counts as a line break, and what the processor counts. */
const JAVASCRIPT_LINE_BREAK = /\r\n|[\r\n\u2028\u2029]/gu;
/** A "\r" that is not the start of a "\r\n". */
const LONE_CR = /\r(?!\n)/gu;
/** The processor's indentation: blockquote markers count as whitespace before a code block. */
const LEADING_INDENT = /^[>\s]*/u;

/** What postprocess needs to know about a block. */
interface Block {
  text: string;
  /** JavaScript with U+2028 / U+2029: line numbers need moving. */
  javascriptLines: boolean;
  /** Lines of `/*…*\/` directive comments the processor put above the code. */
  commentLines: number;
}

/** The processor's block names: `<index>.<first word of the info string>`. */
const PROCESSOR_BLOCK_NAME = /^\d+\.(.*)$/u;

/** The Markdown text (BOM removed, as the processor sees it) and its blocks, per file being linted. */
const pending = new Map<
  string,
  {
    lines: string[];
    blocks: Block[];
    /** For each block returned by preprocess: the processor's block index, or a classified block. */
    returned: Array<number | EmbeddedBlock>;
    source: string;
  }
>();

/** The raw end column and block of a message, carried through the processor's mapping. */
const RAW_END = Symbol("campaign-ims raw end");
type Tagged = Linter.LintMessage & { [RAW_END]?: { endColumn: number; codeLine: number } };

function lineStarts(text: string, pattern: RegExp): number[] {
  const starts = [0];
  for (const match of text.matchAll(pattern)) starts.push(match.index + match[0].length);
  return starts;
}

/** Moves a block's message from JavaScript lines to "\n" lines (the same offsets). */
function toNewlineLines(message: Linter.LintMessage, text: string): Linter.LintMessage {
  const from = lineStarts(text, JAVASCRIPT_LINE_BREAK);
  const to = lineStarts(text, /\n/gu);
  const convert = (line: number, column: number): [number, number] => {
    const offset = (from[line - 1] ?? text.length) + column - 1;
    let index = to.length - 1;
    while (index > 0 && to[index]! > offset) index--;
    return [index + 1, offset - to[index]! + 1];
  };
  const moved = { ...message };
  if (Number.isInteger(message.line) && Number.isInteger(message.column)) [moved.line, moved.column] = convert(message.line, message.column);
  if (Number.isInteger(message.endLine) && Number.isInteger(message.endColumn)) [moved.endLine, moved.endColumn] = convert(message.endLine!, message.endColumn!);
  return moved;
}

/**
 * The last resort: a position kept inside the file. The processor removes a code block's
 * indentation by characters where Markdown counts columns (a tab there is partly indentation,
 * partly content), so columns on tab-indented lines of indented blocks can run a few characters
 * past the line; they are clamped to it.
 */
function insideTheFile(message: Linter.LintMessage, lines: readonly string[]): Linter.LintMessage {
  if (!Number.isInteger(message.line) || lines.length === 0) return message;
  const lengthOf = (line: number): number => (lines[line - 1] ?? "").replace(/\r$/u, "").length;
  const clamp = (line: number, column: number): [number, number] => {
    const inside = Math.min(Math.max(line, 1), lines.length);
    return [inside, Math.min(Math.max(column, 1), lengthOf(inside) + 1)];
  };
  const [line, column] = clamp(message.line, message.column);
  const kept: Linter.LintMessage = { ...message, line, column };
  if (Number.isInteger(message.endLine) && Number.isInteger(message.endColumn)) {
    let [endLine, endColumn] = clamp(message.endLine!, message.endColumn!);
    if (endLine < line || (endLine === line && endColumn < column)) [endLine, endColumn] = [line, column];
    kept.endLine = endLine;
    kept.endColumn = endColumn;
  }
  return kept;
}

export const markdownProcessor: Linter.Processor = {
  meta: { name: "campaign-ims/markdown", version: "1.0.0" },
  supportsAutofix: true,

  preprocess(original: string, filename: string) {
    const budget = markdownBudget(original);
    // ESLint reports a preprocess exception as a fatal "Preprocessing error" at `lineNumber`:`column`.
    if (budget.parse === "refused") throw Object.assign(new Error(`not parsed: ${budget.reason}`), { lineNumber: 1, column: 1 });
    if (budget.parse === false) return [];
    const text = original.replace(LONE_CR, "\n");
    const blocks = inner.preprocess!(text, filename) as Array<{ filename: string; text: string }>;
    const source = text.startsWith(BOM) ? text.slice(1) : text;
    const returned: Array<number | EmbeddedBlock> = [];
    const files: Array<{ filename: string; text: string }> = [];
    blocks.forEach((block, index) => {
      // Blocks with an uninformative info string are classified below, with the indented ones.
      const name = PROCESSOR_BLOCK_NAME.exec(block.filename)?.[1];
      if (name !== undefined && classifiedByContent(name, undefined)) return;
      if (JAVASCRIPT_BLOCK.test(block.filename)) {
        const start = markdownDirectivesEnd(block.text);
        block.text = block.text.slice(0, start) + neutraliseJavascriptFragment(block.text.slice(start));
      }
      returned.push(index);
      files.push(block);
    });
    for (const block of classifiedMarkdownBlocks(source).map(finishBlock)) {
      files.push(virtualFile(block, returned.length));
      returned.push(block);
    }
    openHostDocument(filename, source);
    pending.set(filename, {
      lines: source.split("\n"),
      blocks: blocks.map((block) => ({
        text: block.text,
        javascriptLines: JAVASCRIPT_BLOCK.test(block.filename) && /[\u2028\u2029]/u.test(block.text),
        commentLines: block.text.slice(0, markdownDirectivesEnd(block.text)).split("\n").length - 1,
      })),
      returned,
      source,
    });
    return files;
  },

  postprocess(messages: Linter.LintMessage[][], filename: string) {
    const file = pending.get(filename);
    pending.delete(filename);
    closeHostDocument(filename);
    if (file === undefined) return inner.postprocess!(messages, filename);
    // The processor's blocks get their own groups back (none for the blocks classified here).
    const processorGroups: Linter.LintMessage[][] = file.blocks.map(() => []);
    const classified: Linter.LintMessage[] = [];
    const starts = hostLineStarts(file.source);
    file.returned.forEach((origin, index) => {
      if (typeof origin === "number") processorGroups[origin] = messages[index] ?? [];
      else classified.push(...hostMessages(file.source, starts, origin, messages[index] ?? []));
    });
    const tagged = processorGroups.map((group, index) =>
      group.map((message): Tagged => {
        const block = file.blocks[index];
        const moved = block?.javascriptLines ? toNewlineLines(message, block.text) : message;
        if (!Number.isInteger(moved.line) || !Number.isInteger(moved.endLine) || !Number.isInteger(moved.endColumn)) return moved;
        return { ...moved, [RAW_END]: { endColumn: moved.endColumn!, codeLine: moved.line - (block?.commentLines ?? 0) } };
      }),
    );
    const processed = (inner.postprocess!(tagged, filename) as Tagged[]).map((message) => {
      const raw = message[RAW_END];
      if (raw === undefined) return insideTheFile(message, file.lines);
      const { [RAW_END]: _raw, ...mapped } = message;
      // The processor put code line `raw.codeLine` (1 = the line after the opening fence) at
      // Markdown line `mapped.line`.
      const fenceLine = mapped.line - raw.codeLine;
      const baseIndent = LEADING_INDENT.exec(file.lines[fenceLine - 1] ?? "")![0].length;
      const endIndent = Math.min(baseIndent, LEADING_INDENT.exec(file.lines[mapped.endLine! - 1] ?? "")![0].length);
      return insideTheFile({ ...mapped, endColumn: raw.endColumn + endIndent }, file.lines);
    });
    return classified.length === 0 ? processed : [...processed, ...classified].sort(byPosition);
  },
};

/**
 * The same, and the Markdown text itself as a first block: ESLint lints a string block as the
 * file, with the config of the file (the user's Markdown language and rules, e.g. @eslint/markdown's
 * `markdown/commonmark` and its recommended rules), and its messages need no mapping. Only for
 * configs where Markdown files have a Markdown language: otherwise ESLint would parse the text as
 * JavaScript.
 */
export const markdownWithLanguageProcessor: Linter.Processor = {
  meta: { name: "campaign-ims/markdown-with-language", version: "1.0.0" },
  supportsAutofix: true,
  preprocess(text: string, filename: string) {
    return [text, ...(markdownProcessor.preprocess!(text, filename) as Array<{ filename: string; text: string }>)];
  },
  postprocess(messages: Linter.LintMessage[][], filename: string) {
    const [own = [], ...blocks] = messages;
    return [...own, ...markdownProcessor.postprocess!(blocks, filename)];
  },
};
