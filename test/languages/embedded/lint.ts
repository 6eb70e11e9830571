/** Lints a document through the plugin's configs as the ESLint class and the scanner do. */
import { ConfigArray } from "@eslint/config-array";
import { Linter } from "eslint";
import plugin from "../../../src/index.js";

const linter = new Linter({ cwd: "/repo", configType: "flat" });
const CONFIGS = [...plugin.configs["recommended-all-languages"], ...plugin.configs.markdown];
// Every code block some config matches is linted (as the ESLint class and the scanner decide).
const scope = new ConfigArray(CONFIGS.filter((block) => block.files !== undefined).map((block) => ({ files: block.files as string[] })), { basePath: "/repo" });
scope.normalizeSync();

export function lintMessages(text: string, filename: string): Linter.LintMessage[] {
  return linter.verify(text, CONFIGS, { filename: `/repo/${filename}`, filterCodeBlock: (name) => scope.getConfigStatus(name) === "matched" });
}

/** `rule/messageId line:column-endLine:endColumn` (or `fatal line:column message`) per message. */
export function lint(text: string, filename: string): string[] {
  return lintMessages(text, filename).map((message) =>
    message.ruleId === null
      ? `fatal ${message.line}:${message.column} ${message.message}`
      : `${message.ruleId.replace("campaign-ims/", "")}/${message.messageId} ${message.line}:${message.column}-${message.endLine}:${message.endColumn}`,
  );
}

/** The text a finding's span covers, for checking that positions point at the code. */
export function spans(text: string, filename: string): string[] {
  const lines = text.split(/\r\n|[\r\n]/u);
  return lintMessages(text, filename).map((message) => {
    if (message.endLine !== message.line) return `${message.line}:${message.column} (multi-line)`;
    return lines[message.line - 1]!.slice(message.column - 1, message.endColumn! - 1);
  });
}

/** A document with each suggestion's fix applied in turn (one text per suggestion). */
export function suggestionOutputs(text: string, filename: string): string[] {
  return lintMessages(text, filename).flatMap((message) =>
    (message.suggestions ?? []).map(({ fix }) => text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1])),
  );
}
