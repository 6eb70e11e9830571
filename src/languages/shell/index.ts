/** Public API of the `campaign-ims/shell` language. */
export { shellLanguage, ShellLanguage, parseShellFile } from "./shell-language.js";
export type { ShellLanguageOptions, ShellOkParseResult } from "./shell-language.js";
export { ShellSourceCode } from "./shell-source-code.js";
export { parseShell } from "./parser.js";
export type { ShellParseResult } from "./parser.js";
export { detectShellDialect, SHELL_DIALECTS } from "./dialect.js";
export { shellWordSourceOffset, shellWordSourceRange } from "./word.js";
export { shellVisitorKeys } from "./ast.js";
export type {
  ShellAssignment,
  ShellAssignmentKind,
  ShellCommand,
  ShellComment,
  ShellDialect,
  ShellDocument,
  ShellHeredoc,
  ShellNode,
  ShellNodeBase,
  ShellRedirect,
  ShellWord,
  ShellWordSegment,
} from "./ast.js";
export type { ParseProblem } from "../text/text-source-code.js";
export type { Range } from "../text/line-index.js";
