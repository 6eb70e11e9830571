/**
 * Fixing one file's text: lint, apply the chosen fixes, lint again, until nothing is left to
 * apply (as `Linter#verifyAndFix` does, at most `MAX_FIX_PASSES` passes, stopping on a cycle).
 * The last lint is the re-parse of the fixed text with the file's language: a fixed text that
 * does not parse (a fatal parse error, or more parse problems than the original) is refused and
 * the original text and its messages are kept.
 */
import { createHash } from "node:crypto";
import type { Linter, Rule } from "eslint";
import { scrubText } from "../redact.js";
import { applyFixes } from "./apply-fixes.js";
import { MAX_FIX_PASSES } from "./fix-settings.js";

/** What fixing did to one file; travels back from worker threads with the file's findings. */
export interface FileFix {
  /** Fixes applied, by rule id (the ones a refused text would have had, when `refused`). */
  applied: Record<string, number>;
  /** The fixed text, when fixes were applied and it parses. */
  output?: string;
  /** Why the fixed text was not kept. */
  refused?: string;
  /** Fixes were still pending after the last pass (or the fixes went round in a cycle). */
  unsettled?: boolean;
  /** SHA-256 of the text that was read: the file is written only if it still has this text. */
  sourceHash: string;
}

export interface FixPassesInput {
  text: string;
  /** Lint a text with the file's configuration (Linter#verify). */
  verify: (text: string) => Linter.LintMessage[];
  /** The fix to apply for a message in `text`, if any. */
  choose: (message: Linter.LintMessage, text: string) => Rule.Fix | undefined;
}

export interface FixPassesResult {
  /** The text the findings are about: the fixed text, or the original when nothing was kept. */
  text: string;
  messages: Linter.LintMessage[];
  fix: FileFix;
}

export const hashText = (text: string): string => createHash("sha256").update(text).digest("hex");

const UNUSED_DIRECTIVE = /^Unused eslint-(?:disable|enable) directive/;

/** Parse problems among the messages: no rule id, and not a report about a directive. */
function parseProblems(messages: readonly Linter.LintMessage[]): { fatal: boolean; count: number } {
  const problems = messages.filter((message) => (message.ruleId ?? null) === null && !UNUSED_DIRECTIVE.test(message.message));
  return { fatal: problems.some((message) => message.fatal === true), count: problems.length };
}

export function fixPasses({ text, verify, choose }: FixPassesInput): FixPassesResult {
  // A failure on the original text is the caller's (a rule error on the file, as when linting).
  const original = verify(text);
  const sourceHash = hashText(text);
  const before = parseProblems(original);
  const applied: Record<string, number> = {};
  const seen = new Set<string>([sourceHash]);

  let current = text;
  let messages = original;
  let unsettled = false;
  for (let pass = 1; ; pass++) {
    const candidates = messages.flatMap((message) => {
      const fix = message.ruleId ? choose(message, current) : undefined;
      return fix === undefined ? [] : [{ ruleId: message.ruleId!, fix }];
    });
    if (candidates.length === 0) break;
    if (pass > MAX_FIX_PASSES) {
      unsettled = true;
      break;
    }
    const result = applyFixes(current, candidates);
    const hash = hashText(result.output);
    if (result.output === current) break;
    if (seen.has(hash)) {
      // The fixes undo each other: stop where we are, as ESLint does.
      unsettled = true;
      break;
    }
    seen.add(hash);
    for (const ruleId of result.applied) applied[ruleId] = (applied[ruleId] ?? 0) + 1;
    current = result.output;
    try {
      messages = verify(current);
    } catch (error) {
      const firstLine = ((error as Error).message ?? String(error)).split("\n")[0]!;
      return refuse(`a rule failed on the fixed text (${scrubText(firstLine)})`);
    }
  }

  function refuse(reason: string): FixPassesResult {
    return { text, messages: original, fix: { applied, refused: reason, sourceHash } };
  }

  if (current === text) return { text, messages, fix: { applied, ...(unsettled ? { unsettled } : {}), sourceHash } };
  const after = parseProblems(messages);
  if (after.fatal) return refuse("the fixed text does not parse");
  if (after.count > before.count) return refuse(`the fixed text has more parse problems (${after.count}) than the original (${before.count})`);
  return { text: current, messages, fix: { applied, output: current, ...(unsettled ? { unsettled } : {}), sourceHash } };
}
