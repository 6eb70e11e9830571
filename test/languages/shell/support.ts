/**
 * Test-only plugin for the shell language tests: `shellLanguage` plus tiny rules, run through
 * ESLint's real `Linter`; parse helpers that also check the AST invariants.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { RuleContext, RuleDefinition } from "@eslint/core";
import { Linter } from "eslint";
import type { ShellAssignment, ShellCommand, ShellDialect, ShellDocument, ShellNode, ShellWord } from "../../../src/languages/shell/index.js";
import {
  parseShell,
  shellLanguage,
  ShellSourceCode,
  shellVisitorKeys,
  shellWordSourceRange,
} from "../../../src/languages/shell/index.js";
import type { ParseProblem } from "../../../src/languages/shell/index.js";
import { checkTree } from "./invariants.js";

export const FIXTURES = fileURLToPath(new URL("../../../fixtures/languages/shell/", import.meta.url));
export const readFixture = (name: string): string => readFileSync(FIXTURES + name, "utf8");

/** Parses and checks the invariants; returns the document and its problems. */
export function parse(text: string, dialect: ShellDialect): { ast: ShellDocument; problems: ParseProblem[]; counts: Record<string, number> } {
  const { ast, problems } = parseShell(text, dialect);
  const sourceCode = new ShellSourceCode({ text, ast, problems });
  const counts = checkTree(text, ast as never, shellVisitorKeys, (index) => sourceCode.getLocFromIndex(index));
  return { ast, problems, counts };
}

/** Word values of each command (`[]` for a command with no words). */
export const wordsOf = (ast: ShellDocument): string[][] => ast.commands.map((command) => command.words.map((word) => word.value));

/** `kind name=value` of each assignment in the document. */
export const assignmentsOf = (ast: ShellDocument): string[] =>
  ast.commands.flatMap((command) => command.assignments.map((a) => `${a.kind} ${a.name}${a.operator}${a.value === null ? "<null>" : a.value.value}`));

/** The `[start, end)` offsets of the first occurrence of `needle` (after `from`). */
export function rangeOf(text: string, needle: string, from = 0): [number, number] {
  const start = text.indexOf(needle, from);
  if (start === -1) throw new Error(`"${needle}" not in text`);
  return [start, start + needle.length];
}

/** `{ line, column }` (1-based) of an offset, computed naively. */
export function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** The `{ range, loc }` a node covering `needle` must have. */
export function spanOf(text: string, needle: string, from = 0): { range: [number, number]; loc: { start: { line: number; column: number }; end: { line: number; column: number } } } {
  const range = rangeOf(text, needle, from);
  return { range, loc: { start: position(text, range[0]), end: position(text, range[1]) } };
}

type ShellContext = RuleContext & { sourceCode: ShellSourceCode };

const describeCommand = (command: ShellCommand): string => {
  const parts = [
    ...command.assignments.map((a) => `${a.name}${a.operator}${a.value?.value ?? ""}`),
    ...command.words.map((word) => word.value),
  ];
  return `${command.construct ?? "-"}: ${parts.join(" ")}`;
};

/** Reports every command, at the command. */
const reportCommands: RuleDefinition = {
  meta: { type: "problem", messages: { command: "{{text}}" } },
  create(context) {
    return {
      ShellCommand(node: ShellCommand) {
        context.report({ node, messageId: "command", data: { text: describeCommand(node) } });
      },
    };
  },
};

/** Reports every assignment value, at the value's unquoted text. */
const reportAssignments: RuleDefinition = {
  meta: { type: "problem", messages: { assignment: "{{name}} = {{value}}" } },
  create(context) {
    const { sourceCode } = context as ShellContext;
    return {
      ShellAssignment(node: ShellAssignment) {
        if (node.value === null) return;
        const [start, end] = shellWordSourceRange(node.value, 0);
        context.report({
          loc: { start: sourceCode.getLocFromIndex(start), end: sourceCode.getLocFromIndex(end) },
          messageId: "assignment",
          data: { name: node.name, value: node.value.value },
        });
      },
    };
  },
};

const JWT_PREFIX = "-setimsjwtauth:";

/**
 * Rewrites `-setimsjwtauth:A/B/C/D[/E]` to `-setimsoauth:A/B/C/D` through the word's value → source
 * mapping, reporting the option name only: what a real rule's fix does.
 */
const fixJwt: RuleDefinition = {
  meta: { type: "problem", fixable: "code", messages: { jwt: "JWT option {{option}}." } },
  create(context) {
    const { sourceCode } = context as ShellContext;
    return {
      ShellWord(node: ShellWord) {
        if (!node.value.startsWith(JWT_PREFIX)) return;
        const option = shellWordSourceRange(node, 0, JWT_PREFIX.length);
        let slashes = 0;
        let fifth = -1;
        for (let i = JWT_PREFIX.length; i < node.value.length; i++) {
          if (node.value[i] === "/" && ++slashes === 4) {
            fifth = i;
            break;
          }
        }
        context.report({
          loc: { start: sourceCode.getLocFromIndex(option[0]), end: sourceCode.getLocFromIndex(option[1]) },
          messageId: "jwt",
          data: { option: sourceCode.text.slice(option[0], option[1]) },
          fix: (fixer) => {
            const fixes = [fixer.replaceTextRange(option, "-setimsoauth:")];
            if (fifth !== -1) fixes.push(fixer.removeRange(shellWordSourceRange(node, fifth)));
            return fixes;
          },
        });
      },
    };
  },
};

/** Records every traversal step and each word's ancestry. */
export const visits: string[] = [];
const label = (node: ShellNode): string =>
  node.type === "ShellWord" ? `ShellWord(${node.value})` : node.type === "ShellComment" ? `ShellComment(${node.value.trim()})` : node.type;
const recordVisits: RuleDefinition = {
  meta: { type: "problem", messages: {} },
  create(context) {
    const { sourceCode } = context as ShellContext;
    const visitor: Record<string, (node: ShellNode) => void> = {};
    for (const type of Object.keys(shellVisitorKeys)) {
      visitor[type] = (node) => {
        const parent = sourceCode.getParent(node);
        visits.push(`enter ${label(node)}${parent ? ` < ${parent.type}` : ""}`);
      };
      visitor[`${type}:exit`] = (node) => {
        visits.push(`exit ${label(node)}`);
      };
    }
    return visitor;
  },
};

export const plugin = {
  meta: { namespace: "campaign-ims" },
  languages: { shell: shellLanguage },
  rules: {
    "report-commands": reportCommands,
    "report-assignments": reportAssignments,
    "fix-jwt": fixJwt,
    "record-visits": recordVisits,
  },
};

// A pattern naming the file: ESLint lints a non-JS file only when a non-universal pattern matches it.
const config = (filename: string, rules: Linter.RulesRecord, extra: Partial<Linter.Config>): Linter.Config[] => [
  {
    files: [`**/${filename}`],
    plugins: { "campaign-ims": plugin as never },
    language: "campaign-ims/shell",
    rules,
    ...extra,
  },
];

/** Lints `code` as `filename` (default rule: report-commands). */
export function lint(
  code: string,
  filename: string,
  rules: Linter.RulesRecord = { "campaign-ims/report-commands": "error" },
  extra: Partial<Linter.Config> = {},
): Linter.LintMessage[] {
  return new Linter({ configType: "flat" }).verify(code, config(filename, rules, extra), filename);
}

/** Applies the `fix-jwt` rule's fixes. */
export function fixJwtIn(code: string, filename: string): Linter.FixReport {
  return new Linter({ configType: "flat" }).verifyAndFix(code, config(filename, { "campaign-ims/fix-jwt": "error" }, {}), filename);
}

/** The parts of a message the tests compare. */
export const brief = (message: Linter.LintMessage) => ({
  ruleId: message.ruleId,
  severity: message.severity,
  message: message.message,
  line: message.line,
  column: message.column,
  endLine: message.endLine,
  endColumn: message.endColumn,
});

/** `line:column-endLine:endColumn message` for compact expectations. */
export const short = (message: Linter.LintMessage): string =>
  `${message.line}:${message.column}-${message.endLine}:${message.endColumn} ${message.message}`;
