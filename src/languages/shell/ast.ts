/**
 * AST of `campaign-ims/shell`: line- and command-oriented text in ten dialects, reduced to one
 * shape: a document of commands (each the logical command after joining continuations), their
 * words, assignments and redirections, and the comments.
 *
 * Every node has `range` (`[start, end)` offsets into the parsed text) and `loc` (1-based line and
 * column). Ranges are exact source ranges: a fix that replaces `range` of a word replaces exactly
 * that word's text, quotes and continuations included.
 */
import type { SourceLocation } from "@eslint/core";
import type { Range } from "../text/line-index.js";

/** Which syntax a file is parsed as; chosen from its name (see `detectShellDialect`). */
export type ShellDialect =
  | "sh"
  | "dockerfile"
  | "makefile"
  | "github-actions"
  | "gitlab-ci"
  | "yaml"
  | "env"
  | "properties"
  | "batch"
  | "powershell"
  | "jenkinsfile"
  | "hcl";

export interface ShellNodeBase {
  range: Range;
  loc: SourceLocation;
}

/**
 * One run of a word's value and the source text it came from. When `valueEnd - valueStart`
 * equals `sourceEnd - sourceStart` the run maps character for character; otherwise it is atomic
 * (an escape such as `\"` → `"`, `''` → `'`, a folded line break → one space). Source text
 * between runs (quotes, `\`+newline continuations, stripped indentation) produced no value.
 */
export interface ShellWordSegment {
  valueStart: number;
  valueEnd: number;
  sourceStart: number;
  sourceEnd: number;
}

/**
 * A word: one argument as the program receives it.
 *
 * `value` is the unquoted text: quotes removed, escapes resolved, continuations joined; expansions
 * (`$VAR`, `${…}`, `$( … )`, backticks, `%VAR%`, `$env:X`) are kept verbatim, so a placeholder
 * is still recognisable. Use `shellWordSourceRange(word, start, end)` to turn a slice of `value`
 * into the exact source range (e.g. to report or rewrite the part of a word after a prefix).
 */
export interface ShellWord extends ShellNodeBase {
  type: "ShellWord";
  /** The source text of `range`, exactly. */
  raw: string;
  value: string;
  segments: ShellWordSegment[];
  /** Some part of the word was quoted. */
  quoted: boolean;
  /** The word contains an expansion outside single quotes (`$…`, backticks, `%VAR%`). */
  hasExpansion: boolean;
}

/** How an assignment was written. */
export type ShellAssignmentKind =
  /** `NAME=value` as a shell word (bare, or before a command: `NAME=value cmd`). */
  | "shell"
  /** An argument of `export`, `declare`, `typeset`, `readonly`, `local` or `env`. */
  | "export"
  /** A `.env` line (`KEY=value`, `export KEY=value`, `KEY: value`). */
  | "env-file"
  /** A `.properties` entry (`key=value`, `key: value`, `key value`). */
  | "properties"
  /** Dockerfile `ENV`. */
  | "dockerfile-env"
  /** Dockerfile `ARG` (value `null` without a default). */
  | "dockerfile-arg"
  /** Makefile variable (`=`, `:=`, `::=`, `?=`, `+=`, `!=`). */
  | "make"
  /** Batch `set NAME=value` / `set "NAME=value"`. */
  | "batch-set"
  /** PowerShell `$env:NAME = …`. */
  | "powershell-env"
  /** PowerShell `$name = …`. */
  | "powershell-variable"
  /**
   * A YAML setting: a scalar under a key that names a secret (`name` is the dotted key path,
   * `campaign.password`), a Kubernetes / Azure `name:` + `value:` entry, a docker-compose
   * `environment` item `NAME=value`.
   */
  | "yaml"
  /** A Jenkinsfile `environment { NAME = '…' }` entry or `withEnv(['NAME=…'])` item. */
  | "jenkins-environment"
  /** A Terraform / HCL attribute with a string value, or a `variable` block's `default`. */
  | "hcl";

export interface ShellAssignment extends ShellNodeBase {
  type: "ShellAssignment";
  kind: ShellAssignmentKind;
  /** The variable name (for `$env:X` just `X`; for properties the unescaped key). */
  name: string;
  /** YAML settings only: the dotted path of keys down to the name (`campaign.api.password`). */
  path?: string;
  nameRange: Range;
  /** The assignment operator as written: `=`, `+=`, `:=`, `?=`, `:` …; `" "` for `ENV KEY value`. */
  operator: string;
  /** The value, or `null` when nothing follows the operator (`KEY=`, `ARG NAME`). */
  value: ShellWord | null;
}

/** A here-document's body: kept as text, never parsed as commands. */
export interface ShellHeredoc extends ShellNodeBase {
  type: "ShellHeredoc";
  /** The delimiter word, unquoted (`EOF` for `<<'EOF'`). */
  delimiter: string;
  /** The delimiter was quoted: no expansion inside the body. */
  quoted: boolean;
  /** `<<-`: leading tabs are stripped. */
  stripTabs: boolean;
  /** The body's source text (from the line after the operator to the closing delimiter line). */
  body: string;
  bodyRange: Range;
  /** A closing delimiter line was found (`range` then ends after it; otherwise at the region end). */
  terminated: boolean;
}

/** A redirection (`> file`, `2>&1`, `<<EOF`). Not included in `ShellCommand.words`. */
export interface ShellRedirect extends ShellNodeBase {
  type: "ShellRedirect";
  /** The operator with its file descriptor: `>`, `2>`, `>>`, `&>`, `<<`, `<<-`, `<<<` … */
  operator: string;
  /** The target word (for a here-document, the delimiter word); `null` if missing. */
  target: ShellWord | null;
  heredoc: ShellHeredoc | null;
}

/**
 * A logical command: one simple command after continuations are joined, delimited by newlines
 * and `&&`, `||`, `;`, `|`, `&` (and the dialect's equivalents). Reserved words that only open or
 * close compound commands (`if`, `then`, `do`, `{`, `fi` …) are not words of any command.
 *
 * In assignment syntaxes the command holds the assignment, plus the words written before it:
 * `export` (shell, `.env`, Makefile), `override` (Makefile), `set` (batch); a Dockerfile `ENV` /
 * `ARG` instruction keyword is not a word (see `construct`), nor is `RUN`.
 */
export interface ShellCommand extends ShellNodeBase {
  type: "ShellCommand";
  /** The command name and its arguments (assignment words and redirections excluded). */
  words: ShellWord[];
  assignments: ShellAssignment[];
  redirects: ShellRedirect[];
  /** The operator that ended the command (`&&`, `||`, `;`, `|`, `&` …), `null` for a line end. */
  terminator: string | null;
  /**
   * The construct the command came from: a Dockerfile instruction (`RUN`, `CMD`, `ENTRYPOINT`,
   * `ENV`, `ARG`), the YAML key (`run`, `script`, `command`, `environment`, `env` …), `recipe`,
   * `variable` or `variable-command` (a variable recipes run as a program) in a Makefile, the
   * Jenkinsfile step or block (`sh`, `bat`, `powershell`, `environment`, `withEnv`), the HCL block
   * type (`variable`, `locals`, `provider` …); `null` in scripts, `.env`, `.properties`, batch and
   * PowerShell.
   */
  construct: string | null;
}

/** A comment. `value` is the text after the marker (and before `#>` for PowerShell blocks). */
export interface ShellComment extends ShellNodeBase {
  type: "ShellComment";
  /** `#`, `!` (properties), `REM` (as written), `::` (batch), `<#` (PowerShell block). */
  marker: string;
  value: string;
}

export interface ShellDocument extends ShellNodeBase {
  type: "ShellDocument";
  dialect: ShellDialect;
  /** Commands in source order. */
  commands: ShellCommand[];
  /** Comments in source order (also reachable through `sourceCode.comments`). */
  comments: ShellComment[];
}

export type ShellNode =
  | ShellDocument
  | ShellCommand
  | ShellWord
  | ShellAssignment
  | ShellRedirect
  | ShellHeredoc
  | ShellComment;

/** Visitor keys: which properties hold child nodes (children are visited in source order). */
export const shellVisitorKeys: Record<ShellNode["type"], string[]> = {
  ShellDocument: ["commands", "comments"],
  ShellCommand: ["assignments", "words", "redirects"],
  ShellAssignment: ["value"],
  ShellRedirect: ["target", "heredoc"],
  ShellWord: [],
  ShellHeredoc: [],
  ShellComment: [],
};
