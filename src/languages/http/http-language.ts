/**
 * `campaign-ims/http`: an ESLint language for `.http` / `.rest` request files (VS Code REST
 * Client, JetBrains HTTP Client).
 */
import type { File, FileError, Language, OkParseResult, ParseResult } from "@eslint/core";
import type { HttpAnyNode, HttpDocument } from "./ast.js";
import { httpLanguageVisitorKeys } from "./ast.js";
import { HttpSourceCode } from "./http-source-code.js";
import { parseHttp } from "./parser.js";
import { firstTooDeep, tooDeepError } from "../xml/nesting.js";
import type { ParseProblem } from "../text/text-source-code.js";
import { findNul, LineIndex } from "../text/line-index.js";

export type HttpLanguageOptions = Record<string, unknown>;

export interface HttpOkParseResult extends OkParseResult<HttpDocument> {
  problems: ParseProblem[];
}

type HttpLanguageTypes = {
  LangOptions: HttpLanguageOptions;
  Code: HttpSourceCode;
  RootNode: HttpDocument;
  Node: HttpAnyNode;
};

/** Parse a file's text, or explain why it is not text (a NUL byte means binary). */
export function parseHttpFile(text: string): ParseResult<HttpDocument> & { problems?: ParseProblem[] } {
  const nul = findNul(text);
  if (nul !== -1) {
    const { line, column } = new LineIndex(text).position(nul);
    const error: FileError = {
      message: `Binary content (NUL byte at line ${line}, column ${column}): not parsed as an HTTP request file.`,
      line,
      column,
    };
    return { ok: false, errors: [error] };
  }
  const { ast, problems } = parseHttp(text);
  for (const request of ast.requests) {
    const tooDeep = request.body?.xml === null || request.body?.xml === undefined ? undefined : firstTooDeep(request.body.xml);
    if (tooDeep !== undefined) return { ok: false, errors: [tooDeepError(tooDeep)] };
  }
  return { ok: true, ast, problems };
}

export class HttpLanguage implements Language<HttpLanguageTypes> {
  readonly fileType = "text" as const;
  readonly lineStart = 1 as const;
  readonly columnStart = 1 as const;
  readonly nodeTypeKey = "type";
  readonly visitorKeys: Record<string, string[]> = httpLanguageVisitorKeys;
  readonly defaultLanguageOptions: HttpLanguageOptions = {};

  validateLanguageOptions(languageOptions: HttpLanguageOptions): void {
    if (languageOptions !== undefined && (typeof languageOptions !== "object" || languageOptions === null)) {
      throw new TypeError("languageOptions must be an object.");
    }
  }

  parse(file: File): ParseResult<HttpDocument> {
    const text = typeof file.body === "string" ? file.body : new TextDecoder().decode(file.body);
    return parseHttpFile(text);
  }

  createSourceCode(file: File, parseResult: OkParseResult<HttpDocument>): HttpSourceCode {
    const text = typeof file.body === "string" ? file.body : new TextDecoder().decode(file.body);
    return new HttpSourceCode({
      text,
      ast: parseResult.ast,
      problems: (parseResult as Partial<HttpOkParseResult>).problems ?? [],
    });
  }
}

/** The language object plugins register: `languages: { http: httpLanguage }`. */
export const httpLanguage = new HttpLanguage();
