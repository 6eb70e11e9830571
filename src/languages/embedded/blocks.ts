/**
 * Code blocks embedded in a host file, linted as virtual files by an ESLint processor: the one
 * place that turns a block into the processor's `{ text, filename }` and maps the block's
 * messages (positions, fixes, suggestions) back into the host file. Used by the Markdown
 * processor (for the blocks it classifies by content), the HTML processor and the Vue/Svelte one.
 */
import type { Linter, Rule } from "eslint";
import { isInsecureZoneAttribute } from "../../campaign/security-zone.js";
import { xmlAttributesOnly, type EmbeddedLanguage } from "./classify.js";
import { lazyTsParser } from "../../lazy-ts-parser.js";
import { closeHostDocument, openHostDocument } from "./host-documents.js";
import { balanceBrackets, neutraliseJavascriptFragment } from "./fragments.js";
import { JAVASCRIPT_LINE_BREAK, lineStarts, positionOf, TEXT_LINE_BREAK, VirtualText } from "./virtual-text.js";
import { withoutBom } from "../text/line-index.js";

export interface EmbeddedBlock {
  language: EmbeddedLanguage;
  text: VirtualText;
  /** Block text → host text, for writing a fix back (re-indenting lines, escaping `<`, `&`). */
  encode: (text: string) => string;
  /**
   * The language was guessed from the content, or the code is a fragment: a parse error says
   * nothing about the host file, so it is dropped (the block simply yields no findings).
   */
  guessed: boolean;
  /** Code the host runs (a page's `<script>`), not a sample shown in a document. */
  runs?: boolean;
}

/**
 * Where JavaScript/TypeScript stops parsing as ESLint will parse the block (module, latest
 * syntax): the 1-based line of the first syntax error, 0 when the parser gives none, or
 * undefined when the text parses.
 */
function parseErrorLine(text: string, language: "js" | "ts"): number | undefined {
  try {
    (lazyTsParser as unknown as { parseForESLint: (code: string, options: object) => unknown }).parseForESLint(text, {
      ecmaVersion: "latest",
      sourceType: "module",
      filePath: `block.${language}`,
    });
    return undefined;
  } catch (error) {
    const line = (error as { lineNumber?: unknown }).lineNumber;
    return typeof line === "number" && Number.isInteger(line) ? line : 0;
  }
}

/** Whether JavaScript/TypeScript parses as ESLint will parse the block. */
const parses = (text: string, language: "js" | "ts"): boolean => parseErrorLine(text, language) === undefined;

/** Lines of a guessed fragment blanked, at most, to get past typos a document shows (an unclosed quote). */
const MAX_BLANKED_LINES = 3;

/**
 * A guessed fragment that still does not parse once balanced: the line the parser stops on (a
 * typo such as `"name: "1.2"`) is overwritten by spaces, same length, and the brackets balanced
 * again, up to MAX_BLANKED_LINES lines. Returns the repaired text, or undefined when it still
 * does not parse (the block then yields nothing, as before).
 */
function blankErrorLines(text: string, language: "js" | "ts"): { text: string; missing: string } | undefined {
  let current = text;
  for (let attempt = 0; attempt < MAX_BLANKED_LINES; attempt++) {
    const balanced = balanceBrackets(current);
    const line = parseErrorLine(balanced.text + balanced.missing, language);
    if (line === undefined) return balanced;
    if (line < 1) return undefined;
    const starts = lineStarts(balanced.text, JAVASCRIPT_LINE_BREAK);
    const start = starts[line - 1];
    if (start === undefined) return undefined;
    const end = starts[line] ?? balanced.text.length;
    const blanked = current.slice(0, start) + current.slice(start, end).replace(/[^\r\n\u2028\u2029]/gu, " ") + current.slice(end);
    if (blanked === current) return undefined;
    current = blanked;
  }
  const balanced = balanceBrackets(current);
  return parses(balanced.text + balanced.missing, language) ? balanced : undefined;
}

/**
 * Prepares a block's text for linting: JavaScript fragments made parseable in place (and, for a
 * guessed block that still does not parse, its brackets balanced), bare attributes wrapped.
 */
export function finishBlock(block: EmbeddedBlock): EmbeddedBlock {
  if (block.language === "js" || block.language === "ts") {
    const neutralised = neutraliseJavascriptFragment(block.text.value);
    // A repair that would move text (astral characters blanked as one) is left out: positions stay exact.
    if (neutralised.length === block.text.value.length) block.text.overwrite(neutralised);
    if (block.guessed && !parses(block.text.value, block.language)) {
      const balanced = balanceBrackets(block.text.value);
      const repaired = parses(balanced.text + balanced.missing, block.language) ? balanced : (blankErrorLines(block.text.value, block.language) ?? balanced);
      if (repaired.text.length === block.text.value.length && (repaired.text !== block.text.value || repaired.missing !== "")) {
        block.text.overwrite(repaired.text);
        const end = block.text.hostOffset(block.text.value.length, true);
        block.text.replace(repaired.missing, end, end);
      }
    }
  }
  if (block.language === "xml" && xmlAttributesOnly(block.text.value)) return { ...block, text: wrapInElement(block.text) };
  return block;
}

/**
 * Bare attributes inside the element they belong to, so the XML rules see them as attributes:
 * `<securityZone …/>` for security zone settings (serverConf.xml excerpts), else a neutral element.
 */
function wrapInElement(inner: VirtualText): VirtualText {
  // The element's tags stand for no host characters: zero-length pieces at the block's ends.
  const start = inner.hostOffset(0);
  const end = inner.hostOffset(inner.value.length, true);
  const names = [...inner.value.matchAll(/([A-Za-z_][\w.:-]*)\s*=/gu)].map((match) => match[1]!);
  const element = names.some(isInsecureZoneAttribute) ? "securityZone" : "fragment";
  const wrapped = new VirtualText().replace(`<${element} `, start, start);
  wrapped.append(inner);
  return wrapped.replace(" />", end, end);
}


/**
 * The processor's virtual file for a block (`2.js`, `0.xml`): its extension picks the config. A
 * block the host runs is named `<n>.script.<lang>`, so rules tell it from a document's samples
 * (`isDocumentSample`).
 */
export function virtualFile(block: EmbeddedBlock, index: number): { text: string; filename: string } {
  return { text: block.text.value, filename: `${index}.${block.runs === true ? "script." : ""}${block.language}` };
}

type Fix = Rule.Fix;

/** A parse error or problem (no rule), as opposed to a finding or an unused-directive report. */
const isParseNoise = (message: Linter.LintMessage): boolean =>
  message.fatal === true || ((message.ruleId ?? null) === null && !/^Unused eslint-(?:disable|enable)\b/u.test(message.message));

/** Maps a block fix into the host, or undefined when it cannot be written back exactly. */
function hostFix(host: string, block: EmbeddedBlock, fix: Fix): Fix | undefined {
  const [start, end] = fix.range;
  const hostStart = block.text.hostOffset(start);
  const hostEnd = block.text.hostOffset(end, true);
  if (hostEnd < hostStart) return undefined;
  // Faithful only if the replaced block text, written back, is exactly the host text it stands for.
  if (block.encode(block.text.value.slice(start, end)) !== host.slice(hostStart, hostEnd)) return undefined;
  return { range: [hostStart, hostEnd], text: block.encode(fix.text) };
}

/** Host line starts, with the line breaks of documents (`\r\n`, `\r`, `\n`). */
export function hostLineStarts(host: string): number[] {
  return lineStarts(host, TEXT_LINE_BREAK);
}

/** A block's messages, moved into the host file. */
export function hostMessages(host: string, starts: readonly number[], block: EmbeddedBlock, messages: Linter.LintMessage[]): Linter.LintMessage[] {
  const virtual = block.text.value;
  const virtualStarts = lineStarts(virtual, block.language === "js" || block.language === "ts" ? JAVASCRIPT_LINE_BREAK : TEXT_LINE_BREAK);
  const offsetOf = (line: number, column: number): number =>
    Math.min((virtualStarts[Math.min(Math.max(line, 1), virtualStarts.length) - 1] ?? 0) + Math.max(column - 1, 0), virtual.length);
  const mapped: Linter.LintMessage[] = [];
  for (const message of messages) {
    if (block.guessed && isParseNoise(message)) continue;
    if (!Number.isInteger(message.line) || message.line < 1) {
      const at = positionOf(starts, block.text.hostOffset(0));
      mapped.push({ ...message, line: at.line, column: at.column });
      continue;
    }
    const start = block.text.hostOffset(offsetOf(message.line, message.column));
    const out: Linter.LintMessage = { ...message, ...positionOf(starts, start) };
    if (Number.isInteger(message.endLine) && Number.isInteger(message.endColumn)) {
      const end = Math.max(start, block.text.hostOffset(offsetOf(message.endLine!, message.endColumn!), true));
      const position = positionOf(starts, end);
      out.endLine = position.line;
      out.endColumn = position.column;
    }
    delete out.fix;
    if (message.fix !== undefined) {
      const fix = hostFix(host, block, message.fix);
      if (fix !== undefined) out.fix = fix;
    }
    if (message.suggestions !== undefined) {
      const suggestions = message.suggestions.flatMap((suggestion) => {
        const fix = hostFix(host, block, suggestion.fix);
        return fix === undefined ? [] : [{ ...suggestion, fix }];
      });
      if (suggestions.length > 0) out.suggestions = suggestions;
      else delete out.suggestions;
    }
    mapped.push(out);
  }
  return mapped;
}

/** Messages in host order (ESLint reports a file's messages sorted by position). */
export function byPosition(a: Linter.LintMessage, b: Linter.LintMessage): number {
  return a.line - b.line || a.column - b.column;
}

/**
 * A processor for a host whose blocks `extract` finds. Blocks of every language are offered; the
 * configs decide which are linted (`**\/*.html/*.js`, …).
 */
export function embeddedProcessor(name: string, extract: (text: string) => EmbeddedBlock[]): Linter.Processor {
  const pending = new Map<string, { text: string; starts: number[]; blocks: EmbeddedBlock[] }>();
  return {
    meta: { name, version: "1.0.0" },
    supportsAutofix: true,
    preprocess(original: string, filename: string) {
      // Positions and fix ranges are relative to the text after a byte order mark, as ESLint's are.
      const text = withoutBom(original);
      const blocks = extract(text).map(finishBlock);
      if (blocks.length === 0) return [];
      pending.set(filename, { text, starts: hostLineStarts(text), blocks });
      openHostDocument(filename, text);
      return blocks.map(virtualFile);
    },
    postprocess(messages: Linter.LintMessage[][], filename: string) {
      const file = pending.get(filename);
      pending.delete(filename);
      closeHostDocument(filename);
      if (file === undefined) return messages.flat();
      return messages.flatMap((group, index) => hostMessages(file.text, file.starts, file.blocks[index]!, group)).sort(byPosition);
    },
  };
}
