/**
 * ESLint directives in the comments of the plugin's own languages (xml, http, shell): which
 * comments are inline config (`eslint-disable…`, `eslint-enable`, `eslint rule: level`, also the
 * directive lines @eslint/markdown's processor puts above a code block), the disable/enable
 * directives they give, and the rule configurations. One home for what `TextSourceCodeBase`
 * subclasses return from `getInlineConfigNodes()`, `getDisableDirectives()` and `applyInlineConfig()`;
 * the comment syntax itself is ESLint's `ConfigCommentParser`.
 */
import type { DirectiveType, FileProblem, RulesConfig, SourceLocation } from "@eslint/core";
import { ConfigCommentParser, Directive } from "@eslint/plugin-kit";
import { markdownDirectiveComments, type MarkdownDirectiveComment } from "../markdown-directives.js";

const commentParser = new ConfigCommentParser();
const INLINE_CONFIG = /^\s*eslint(?:-enable|-disable(?:(?:-next)?-line)?)?(?:\s|$)/u;

/** A comment as the directive code needs it: its text after the marker and its location. */
export interface DirectiveComment {
  value: string;
  loc: SourceLocation;
}

/**
 * The comments that hold ESLint directives or inline config: the Markdown processor's directive
 * lines (they come first in the text), then the file's own comments.
 */
export function inlineConfigComments<Comment extends DirectiveComment>(
  text: string,
  locOf: (index: number) => { line: number; column: number },
  comments: readonly Comment[],
): (Comment | MarkdownDirectiveComment)[] {
  return [...markdownDirectiveComments(text, locOf), ...comments].filter((comment) => INLINE_CONFIG.test(comment.value));
}

/** Disable/enable directives of `comments`, after `problems` (the file's parse problems, when reported). */
export function disableDirectives(comments: readonly DirectiveComment[], problems: FileProblem[]): { problems: FileProblem[]; directives: Directive[] } {
  const directives: Directive[] = [];
  for (const comment of comments) {
    const parsed = commentParser.parseDirective(comment.value);
    if (parsed === undefined) continue;
    const { label, value, justification } = parsed;
    // `eslint-disable-line` may not span lines: it would be unclear which line it applies to.
    if (label === "eslint-disable-line" && comment.loc.start.line !== comment.loc.end.line) {
      problems.push({ ruleId: null, message: `${label} comment should not span multiple lines.`, loc: comment.loc });
      continue;
    }
    if (label === "eslint-disable" || label === "eslint-enable" || label === "eslint-disable-next-line" || label === "eslint-disable-line") {
      directives.push(new Directive({ type: label.slice("eslint-".length) as DirectiveType, node: comment, value, justification }));
    }
  }
  return { problems, directives };
}

/** Rule configurations from `eslint rule: level` comments, and the problems of unparsable ones. */
export function inlineConfigs(comments: readonly DirectiveComment[]): {
  problems: FileProblem[];
  configs: { config: { rules: RulesConfig }; loc: SourceLocation }[];
} {
  const problems: FileProblem[] = [];
  const configs: { config: { rules: RulesConfig }; loc: SourceLocation }[] = [];
  for (const comment of comments) {
    const parsed = commentParser.parseDirective(comment.value);
    if (parsed?.label !== "eslint") continue;
    const result = commentParser.parseJSONLikeConfig(parsed.value);
    if (result.ok) configs.push({ config: { rules: result.config }, loc: comment.loc });
    else problems.push({ ruleId: null, message: result.error.message, loc: comment.loc });
  }
  return { problems, configs };
}
