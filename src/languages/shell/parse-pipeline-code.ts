/**
 * Jenkinsfiles (Groovy) and Terraform / HCL (`*.tf`, `*.tfvars`, `*.hcl`): only the parts that
 * hold shell or settings, read from their string literals with exact positions.
 *
 * Written by hand: no npm package parses Groovy in JavaScript, and the HCL parsers on npm
 * (`@cdktf/hcl2json` and its kin) return JSON without source positions, which a linter needs for
 * every finding. Both readers are a small lexer (comments, string literals with their escapes,
 * identifiers, brackets) that never throws and runs in linear time; anything they do not model is
 * skipped, never misread as shell.
 *
 * Jenkinsfile:
 * - `sh`, `bat`, `powershell` / `pwsh` steps: the string argument (`sh 'cmd'`, `sh("cmd")`,
 *   `sh script: '''…'''`, `sh(script: "…", returnStdout: true)`) is a script of that dialect;
 * - `environment { NAME = 'value' }` entries and `withEnv(['NAME=value'])` items are settings
 *   (`credentials('id')` and other calls are not literals and are skipped).
 *
 * HCL: attributes with a string value are settings named by the attribute (`password = "…"`,
 * `acc_password = "…"` in locals or tfvars; `path` is the dotted path of block types, labels and
 * the attribute, so `provider "campaign" { password = "…" }` is `provider.campaign.password`); a
 * `variable "NAME" { default = "…" }` default is a setting named `NAME`.
 */
import type { ShellAssignment, ShellAssignmentKind } from "./ast.js";
import type { ShellOutput } from "./posix-scanner.js";
import type { LineIndex, Range } from "../text/line-index.js";
import { parseMappedScript } from "./parse-yaml.js";
import { wordOfMap, type ScalarMap } from "./yaml-scalar.js";

type Token =
  | { type: "name"; value: string; start: number; end: number }
  | { type: "string"; map: ScalarMap; start: number; end: number; interpolated: boolean }
  | { type: "punct"; value: string; start: number; end: number };

const GROOVY_ESCAPES: Record<string, string> = { n: "\n", t: "\t", r: "\r", b: "\b", f: "\f", "\\": "\\", "'": "'", '"': '"', $: "$", "/": "/" };

const isNameStart = (char: string): boolean => /[A-Za-z_]/u.test(char);
const isNameChar = (char: string): boolean => /[\w.-]/u.test(char);

/** Tokens of Groovy or HCL text, comments pushed to `out`. */
function tokenize(text: string, lines: LineIndex, out: ShellOutput, start: number, hashComments: boolean): Token[] {
  const tokens: Token[] = [];
  let i = start;
  const comment = (from: number, valueStart: number, valueEnd: number, to: number, marker: string): void => {
    out.comments.push({ type: "ShellComment", marker, value: text.slice(valueStart, valueEnd), ...lines.span(from, to) });
  };
  while (i < text.length) {
    const char = text[i]!;
    const next = text[i + 1];
    if (char === "/" && next === "/") {
      let end = i;
      while (end < text.length && text[end] !== "\n" && text[end] !== "\r") end++;
      comment(i, i + 2, end, end, "//");
      i = end;
      continue;
    }
    if (hashComments && char === "#") {
      let end = i;
      while (end < text.length && text[end] !== "\n" && text[end] !== "\r") end++;
      comment(i, i + 1, end, end, "#");
      i = end;
      continue;
    }
    if (char === "/" && next === "*") {
      const close = text.indexOf("*/", i + 2);
      const end = close === -1 ? text.length : close + 2;
      comment(i, i + 2, close === -1 ? text.length : close, end, "/*");
      i = end;
      continue;
    }
    if (char === "'" || char === '"') {
      const triple = text.startsWith(char.repeat(3), i);
      const quote = triple ? char.repeat(3) : char;
      const built: ScalarMap = { value: "", starts: [], ends: [], range: [i + quote.length, i + quote.length] };
      let at = i + quote.length;
      let closed = false;
      while (at < text.length) {
        if (text.startsWith(quote, at)) {
          closed = true;
          break;
        }
        const current = text[at]!;
        if (!triple && (current === "\n" || current === "\r")) break;
        if (current === "\\" && at + 1 < text.length) {
          const escaped = GROOVY_ESCAPES[text[at + 1]!];
          if (escaped !== undefined) {
            built.value += escaped;
            built.starts.push(at);
            built.ends.push(at + 2);
            at += 2;
            continue;
          }
        }
        built.value += current;
        built.starts.push(at);
        built.ends.push(at + 1);
        at++;
      }
      built.range = [i + quote.length, at];
      const end = closed ? at + quote.length : at;
      tokens.push({ type: "string", map: built, start: i, end, interpolated: char === '"' && /\$\{|\$[A-Za-z_]/u.test(built.value) });
      i = end;
      continue;
    }
    if (isNameStart(char)) {
      let end = i + 1;
      while (end < text.length && isNameChar(text[end]!)) end++;
      tokens.push({ type: "name", value: text.slice(i, end), start: i, end });
      i = end;
      continue;
    }
    if (char === "\n" || "{}()[]=:,".includes(char)) tokens.push({ type: "punct", value: char, start: i, end: i + 1 });
    i++;
  }
  return tokens;
}

/** A setting whose value is a string token. */
function pushAssignment(out: ShellOutput, text: string, lines: LineIndex, kind: ShellAssignmentKind, name: string, nameRange: Range, value: Extract<Token, { type: "string" }>, construct: string, path?: string): void {
  const word = wordOfMap(text, lines, value.map, true);
  if (value.map.value.length === 0) Object.assign(word, lines.span(value.map.range[0], value.map.range[0]));
  const assignment: ShellAssignment = {
    type: "ShellAssignment",
    kind,
    name,
    nameRange,
    operator: "=",
    value: word,
    ...(path === undefined ? {} : { path }),
    ...lines.span(nameRange[0], Math.max(nameRange[1], value.end)),
  };
  out.commands.push({ type: "ShellCommand", words: [], assignments: [assignment], redirects: [], terminator: null, construct, ...lines.span(assignment.range[0], assignment.range[1]) });
}

const STEP_DIALECTS: Record<string, "sh" | "batch" | "powershell"> = { sh: "sh", bat: "batch", powershell: "powershell", pwsh: "powershell" };

export function parseJenkinsfile(text: string, lines: LineIndex, out: ShellOutput, textStart: number): void {
  const tokens = tokenize(text, lines, out, textStart, false);
  // Brace depth at which each open `environment {` block sits.
  const environments: number[] = [];
  let depth = 0;
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    if (token.type === "punct") {
      if (token.value === "{") depth++;
      else if (token.value === "}") {
        depth--;
        if (environments.at(-1) === depth) environments.pop();
      }
      continue;
    }
    if (token.type !== "name") continue;
    const following = (offset: number): Token | undefined => tokens[index + offset];
    if (token.value === "environment" && following(1)?.type === "punct" && (following(1) as { value: string }).value === "{") {
      environments.push(depth);
      continue;
    }
    if (environments.length > 0 && environments.at(-1) === depth - 1) {
      // `NAME = 'value'` inside `environment { }`.
      const equals = following(1);
      const value = following(2);
      if (equals?.type === "punct" && equals.value === "=" && value?.type === "string" && !value.interpolated) {
        pushAssignment(out, text, lines, "jenkins-environment", token.value, [token.start, token.end], value, "environment");
      }
      continue;
    }
    const dialect = STEP_DIALECTS[token.value];
    if (dialect !== undefined) {
      // `sh 'x'`, `sh('x')`, `sh script: 'x'`, `sh(script: 'x', …)`, `sh(returnStdout: true, script: 'x')`.
      let at = index + 1;
      if (tokens[at]?.type === "punct" && (tokens[at] as { value: string }).value === "(") at++;
      let found: Extract<Token, { type: "string" }> | undefined;
      for (let scan = at; scan < Math.min(tokens.length, at + 12); scan++) {
        const candidate = tokens[scan]!;
        if (candidate.type === "punct" && (candidate.value === ")" || candidate.value === "\n" || candidate.value === "{" || candidate.value === "}")) break;
        if (candidate.type === "string") {
          const before = tokens[scan - 1];
          const named = before?.type === "punct" && before.value === ":" ? tokens[scan - 2] : undefined;
          if (scan === at || (named?.type === "name" && named.value === "script")) {
            found = candidate;
            break;
          }
        }
      }
      if (found !== undefined) parseMappedScript(out, text, lines, found.map, dialect, token.value);
      continue;
    }
    if (token.value === "withEnv") {
      // `withEnv(['NAME=value', …])`.
      for (let scan = index + 1; scan < tokens.length; scan++) {
        const item = tokens[scan]!;
        if (item.type === "punct" && (item.value === ")" || item.value === "{")) break;
        if (item.type !== "string" || item.interpolated) continue;
        const match = /^([A-Za-z_]\w*)=/u.exec(item.map.value);
        if (match === null) continue;
        const name = match[1]!;
        const nameRange: Range = [item.map.starts[0]!, item.map.ends[name.length - 1]!];
        const rest: ScalarMap = {
          value: item.map.value.slice(name.length + 1),
          starts: item.map.starts.slice(name.length + 1),
          ends: item.map.ends.slice(name.length + 1),
          range: [item.map.ends[name.length]!, item.map.range[1]],
        };
        pushAssignment(out, text, lines, "jenkins-environment", name, nameRange, { ...item, map: rest }, "withEnv");
      }
    }
  }
}

export function parseHcl(text: string, lines: LineIndex, out: ShellOutput, textStart: number): void {
  const tokens = tokenize(text, lines, out, textStart, true);
  // Open blocks: their type and labels (`variable "x"` → ["variable", "x"]).
  const blocks: { path: string[]; variable: Extract<Token, { type: "string" }> | undefined }[] = [];
  let header: Token[] = [];
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    if (token.type === "punct" && token.value === "{") {
      const path = header.map((part) => (part.type === "name" ? part.value : part.type === "string" ? part.map.value : "")).filter((part) => part !== "");
      const variable = header[0]?.type === "name" && header[0].value === "variable" && header[1]?.type === "string" ? header[1] : undefined;
      blocks.push({ path, variable });
      header = [];
      continue;
    }
    if (token.type === "punct" && token.value === "}") {
      blocks.pop();
      header = [];
      continue;
    }
    if (token.type === "punct" && token.value === "\n") {
      header = [];
      continue;
    }
    if (token.type === "name" && header.length === 0) {
      const equals = tokens[index + 1];
      const value = tokens[index + 2];
      if (equals?.type === "punct" && (equals.value === "=" || equals.value === ":")) {
        if (value?.type === "string" && (tokens[index + 3] === undefined || tokens[index + 3]!.type === "punct")) {
          const block = blocks.at(-1);
          if (token.value === "default" && block?.variable !== undefined) {
            const label = block.variable;
            pushAssignment(out, text, lines, "hcl", label.map.value, label.map.range, value, "variable");
          } else {
            const path = [...blocks.flatMap((entry) => entry.path), token.value].join(".");
            pushAssignment(out, text, lines, "hcl", token.value, [token.start, token.end], value, blocks.at(-1)?.path[0] ?? "attribute", path);
          }
        }
        // Skip the value so its parts are not read as a block header.
        while (index + 1 < tokens.length && !(tokens[index + 1]!.type === "punct" && (tokens[index + 1] as { value: string }).value === "\n")) {
          const ahead = tokens[index + 1]!;
          if (ahead.type === "punct" && (ahead.value === "{" || ahead.value === "[" || ahead.value === "(")) break;
          index++;
        }
        continue;
      }
    }
    header.push(token);
  }
}
