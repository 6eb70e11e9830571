/**
 * The plugin's JSON language (`campaign-ims/json`): @eslint/json's, in JSON mode, with two
 * changes for hostile files:
 * - the source code traverses iteratively (json-source-code.ts), so deep nesting cannot crash ESLint;
 * - nesting too deep even for Momoa's recursive parser is a clear parse error ("JSON nested too
 *   deeply to parse") instead of @eslint/json's clipped "Maximum call stack size exceede".
 */
import type { File } from "@eslint/core";
import { JSONLanguage, type JSONOkParseResult, type JSONParseResult } from "@eslint/json";
import { IterativeJsonSourceCode } from "./json-source-code.js";

const STACK_OVERFLOW = /^Maximum call stack size exceeded?$/u;

export class CampaignJsonLanguage extends JSONLanguage {
  override parse(file: File, context: Parameters<JSONLanguage["parse"]>[1]): JSONParseResult {
    const result = super.parse(file, context);
    if (result.ok) return result;
    return {
      ...result,
      errors: result.errors.map((error) =>
        STACK_OVERFLOW.test(error.message) ? { ...error, message: "JSON nested too deeply to parse", line: error.line ?? 1, column: error.column ?? 1 } : error,
      ),
    };
  }

  override createSourceCode(file: File, parseResult: JSONOkParseResult): IterativeJsonSourceCode {
    return new IterativeJsonSourceCode({ text: file.body as string, ast: parseResult.ast, visitorKeys: this.visitorKeys });
  }
}

export const jsonLanguage = new CampaignJsonLanguage({ mode: "json" });
