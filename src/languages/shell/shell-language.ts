/**
 * `campaign-ims/shell`: an ESLint language for line- and command-oriented text (shell scripts,
 * Dockerfiles, Makefiles, CI YAML scripts, `.env` / `.properties`, batch, PowerShell). The dialect
 * comes from the file name (`detectShellDialect`) unless `languageOptions.dialect` sets it.
 */
import type { File, FileError, Language, OkParseResult, ParseResult } from "@eslint/core";
import type { ShellDialect, ShellDocument, ShellNode } from "./ast.js";
import { shellVisitorKeys } from "./ast.js";
import type { ParseProblem } from "../text/text-source-code.js";
import { detectShellDialect, SHELL_DIALECTS } from "./dialect.js";
import { parseShell } from "./parser.js";
import { ShellSourceCode } from "./shell-source-code.js";
import { findNul, LineIndex } from "../text/line-index.js";

export interface ShellLanguageOptions {
  /** Parse every file as this dialect instead of detecting it from the file name. */
  dialect?: ShellDialect;
  [key: string]: unknown;
}

export interface ShellOkParseResult extends OkParseResult<ShellDocument> {
  problems: ParseProblem[];
}

type ShellLanguageTypes = {
  LangOptions: ShellLanguageOptions;
  Code: ShellSourceCode;
  RootNode: ShellDocument;
  Node: ShellNode;
};

/** Parse a file's text, or explain why it is not text (a NUL byte means binary). */
export function parseShellFile(text: string, path: string, dialect?: ShellDialect): ParseResult<ShellDocument> & { problems?: ParseProblem[] } {
  const nul = findNul(text);
  if (nul !== -1) {
    const { line, column } = new LineIndex(text).position(nul);
    const error: FileError = {
      message: `Binary content (NUL byte at line ${line}, column ${column}): not parsed as shell text.`,
      line,
      column,
    };
    return { ok: false, errors: [error] };
  }
  const { ast, problems } = parseShell(text, dialect ?? detectShellDialect(path));
  return { ok: true, ast, problems };
}

export class ShellLanguage implements Language<ShellLanguageTypes> {
  readonly fileType = "text" as const;
  readonly lineStart = 1 as const;
  readonly columnStart = 1 as const;
  readonly nodeTypeKey = "type";
  readonly visitorKeys: Record<string, string[]> = shellVisitorKeys;
  readonly defaultLanguageOptions: ShellLanguageOptions = {};

  validateLanguageOptions(languageOptions: ShellLanguageOptions): void {
    const { dialect } = languageOptions ?? {};
    if (dialect !== undefined && !SHELL_DIALECTS.includes(dialect)) {
      throw new TypeError(`Key "dialect": expected one of ${SHELL_DIALECTS.map((d) => `"${d}"`).join(", ")}.`);
    }
  }

  parse(file: File, context?: { languageOptions?: ShellLanguageOptions }): ParseResult<ShellDocument> {
    const text = typeof file.body === "string" ? file.body : new TextDecoder().decode(file.body);
    return parseShellFile(text, file.path ?? "", context?.languageOptions?.dialect);
  }

  createSourceCode(file: File, parseResult: OkParseResult<ShellDocument>): ShellSourceCode {
    const text = typeof file.body === "string" ? file.body : new TextDecoder().decode(file.body);
    return new ShellSourceCode({ text, ast: parseResult.ast, problems: (parseResult as Partial<ShellOkParseResult>).problems ?? [] });
  }
}

/** The language object plugins register: `languages: { shell: shellLanguage }`. */
export const shellLanguage = new ShellLanguage();
