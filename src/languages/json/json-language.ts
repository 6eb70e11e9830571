/**
 * The plugin's JSON language (`campaign-ims/json`): @eslint/json's, in JSON mode, with two
 * changes for hostile files:
 * - the source code traverses iteratively (json-source-code.ts), so deep nesting cannot crash ESLint;
 * - nesting too deep even for Momoa's recursive parser is a clear parse error ("JSON nested too
 *   deeply to parse") instead of @eslint/json's clipped "Maximum call stack size exceede";
 * - a parse error's line and column come from its offset: for a string left open across line
 *   breaks to the end of the file, Momoa's line stops inside the string and its column runs past
 *   the end of that line.
 */
import type { File } from "@eslint/core";
import { JSONLanguage, type JSONOkParseResult, type JSONParseResult } from "@eslint/json";
import { IterativeJsonSourceCode } from "./json-source-code.js";

const STACK_OVERFLOW = /^Maximum call stack size exceeded?$/u;
/** The line breaks of `JSONSourceCode`. */
const LINE_BREAK = /\r\n|[\r\n]/gu;

/** 1-based line and column of an offset. */
function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (const match of text.slice(0, offset).matchAll(LINE_BREAK)) {
    line++;
    lineStart = match.index + match[0].length;
  }
  return { line, column: offset - lineStart + 1 };
}

export class CampaignJsonLanguage extends JSONLanguage {
  override parse(file: File, context: Parameters<JSONLanguage["parse"]>[1]): JSONParseResult {
    const result = super.parse(file, context);
    if (result.ok) return result;
    const text = file.body as string;
    return {
      ...result,
      errors: result.errors.map((error) => {
        if (STACK_OVERFLOW.test(error.message)) return { ...error, message: "JSON nested too deeply to parse", line: 1, column: 1 };
        const offset = (error as { offset?: unknown }).offset;
        return typeof offset === "number" && offset >= 0 && offset <= text.length ? { ...error, ...positionOf(text, offset) } : error;
      }),
    };
  }

  override createSourceCode(file: File, parseResult: JSONOkParseResult): IterativeJsonSourceCode {
    return new IterativeJsonSourceCode({ text: file.body as string, ast: parseResult.ast, visitorKeys: this.visitorKeys });
  }
}

export const jsonLanguage = new CampaignJsonLanguage({ mode: "json" });
