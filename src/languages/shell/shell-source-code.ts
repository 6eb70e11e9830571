/**
 * `ShellSourceCode`: the SourceCode of `campaign-ims/shell` (text, AST, comments, directives,
 * parse problems, traversal) plus the word-mapping helpers rules need.
 */
import type { ShellComment, ShellDocument, ShellNode, ShellWord } from "./ast.js";
import { shellVisitorKeys } from "./ast.js";
import { CommentSourceCode, type ParseProblem } from "../text/text-source-code.js";
import type { Range } from "../text/line-index.js";
import { shellWordSourceRange } from "./word.js";

export class ShellSourceCode extends CommentSourceCode<ShellDocument, ShellNode, ShellComment> {
  constructor({ text, ast, problems = [] }: { text: string; ast: ShellDocument; problems?: readonly ParseProblem[] }) {
    super({ text, ast, comments: ast.comments, problems, visitorKeys: shellVisitorKeys });
  }

  /** The dialect the file was parsed as. */
  get dialect(): ShellDocument["dialect"] {
    return this.ast.dialect;
  }

  /** The exact source range of `word.value.slice(valueStart, valueEnd)` (see `shellWordSourceRange`). */
  getWordSourceRange(word: ShellWord, valueStart: number, valueEnd?: number): Range {
    return shellWordSourceRange(word, valueStart, valueEnd);
  }
}
