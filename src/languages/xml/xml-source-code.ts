/**
 * `XmlSourceCode`: what rules get as `context.sourceCode` for `campaign-ims/xml` files.
 *
 * Modelled on @eslint/json's `JSONSourceCode`: cached traversal steps, parents recorded during
 * traversal, directives read from comments with `ConfigCommentParser`. XML comments are AST nodes
 * (`XmlComment`), so they are also the inline config nodes:
 *
 *   <!-- eslint-disable -->  <!-- eslint-enable campaign-ims/x -->
 *   <!-- eslint-disable-next-line campaign-ims/x -->  <!-- eslint-disable-line campaign-ims/x -->
 *   <!-- eslint campaign-ims/x: "off" -->
 *
 * A justification works as in JS (`<!-- eslint-disable-line x -- reason -->`) even though XML
 * forbids `--` inside comments: the tokenizer ends a comment at the first `-->`.
 *
 * Parse problems (the text is not well-formed XML, the tree was built with recovery) are returned
 * by `getDisableDirectives().problems`, which ESLint adds to the file's messages as errors with
 * `ruleId: null`. ESLint only calls `getDisableDirectives()` when inline config is allowed, so with
 * `noInlineConfig` the problem is not reported (it stays available as `parseProblems`).
 */
import type { DirectiveType, FileProblem, RulesConfig, SourceLocation } from "@eslint/core";
import { ConfigCommentParser, Directive, TextSourceCodeBase, VisitNodeStep } from "@eslint/plugin-kit";
import type { XmlComment, XmlDocument, XmlNode, XmlParseProblem } from "./ast.js";
import { LINE_ENDING_PATTERN } from "./line-index.js";

export interface XmlLanguageOptions {
  /**
   * Report the first well-formedness problem of each file as an error (`ruleId: null`).
   * Default `true`; turn off for repositories whose `.xml` files are templates by design.
   */
  reportParseProblems?: boolean;
  [key: string]: unknown;
}

const commentParser = new ConfigCommentParser();
const INLINE_CONFIG = /^\s*eslint(?:-enable|-disable(?:(?:-next)?-line)?)?(?:\s|$)/u;

/** A traversal step; `args` are `[node, parent]`. */
class XmlTraversalStep extends VisitNodeStep {
  declare target: XmlNode;

  constructor({ target, phase, args }: { target: XmlNode; phase: 1 | 2; args: [XmlNode, XmlNode | undefined] }) {
    super({ target, phase, args });
    this.target = target;
  }
}

export class XmlSourceCode extends TextSourceCodeBase<{
  LangOptions: XmlLanguageOptions;
  RootNode: XmlDocument;
  SyntaxElementWithLoc: XmlNode;
  ConfigNode: XmlComment;
}> {
  declare ast: XmlDocument;
  /** Every comment, in source order. */
  readonly comments: readonly XmlComment[];
  /** Well-formedness problems of the text (at most one), whether or not they are reported. */
  readonly parseProblems: readonly XmlParseProblem[];
  readonly #reportParseProblems: boolean;
  #steps: XmlTraversalStep[] | undefined;
  readonly #parents = new WeakMap<XmlNode, XmlNode>();
  #inlineConfigComments: XmlComment[] | undefined;

  constructor({
    text,
    ast,
    problems = [],
    reportParseProblems = true,
  }: {
    text: string;
    ast: XmlDocument;
    problems?: readonly XmlParseProblem[];
    reportParseProblems?: boolean;
  }) {
    super({ text, ast, lineEndingPattern: LINE_ENDING_PATTERN });
    this.ast = ast;
    this.comments = ast.comments;
    this.parseProblems = problems;
    this.#reportParseProblems = reportParseProblems;
  }

  /** The comments that hold ESLint directives or inline config. */
  getInlineConfigNodes(): XmlComment[] {
    this.#inlineConfigComments ??= this.comments.filter((comment) => INLINE_CONFIG.test(comment.value));
    return this.#inlineConfigComments;
  }

  /** Disable/enable directives, plus the problems ESLint adds to the messages (parse problems first). */
  getDisableDirectives(): { problems: FileProblem[]; directives: Directive[] } {
    const problems: FileProblem[] = this.#reportParseProblems
      ? this.parseProblems.map((problem) => ({ ruleId: null, message: problem.message, loc: problem.loc }))
      : [];
    const directives: Directive[] = [];
    for (const comment of this.getInlineConfigNodes()) {
      const parsed = commentParser.parseDirective(comment.value);
      if (parsed === undefined) continue;
      const { label, value, justification } = parsed;
      // `eslint-disable-line` may not span lines: it would be unclear which line it applies to.
      if (label === "eslint-disable-line" && comment.loc.start.line !== comment.loc.end.line) {
        problems.push({ ruleId: null, message: `${label} comment should not span multiple lines.`, loc: comment.loc });
        continue;
      }
      switch (label) {
        case "eslint-disable":
        case "eslint-enable":
        case "eslint-disable-next-line":
        case "eslint-disable-line":
          directives.push(
            new Directive({
              type: label.slice("eslint-".length) as DirectiveType,
              node: comment,
              value,
              justification,
            }),
          );
          break;
        default:
          break;
      }
    }
    return { problems, directives };
  }

  /** Rule configuration from `<!-- eslint rule: "off" -->` comments. */
  applyInlineConfig(): {
    problems: FileProblem[];
    configs: { config: { rules: RulesConfig }; loc: SourceLocation }[];
  } {
    const problems: FileProblem[] = [];
    const configs: { config: { rules: RulesConfig }; loc: SourceLocation }[] = [];
    for (const comment of this.getInlineConfigNodes()) {
      const parsed = commentParser.parseDirective(comment.value);
      if (parsed?.label !== "eslint") continue;
      const result = commentParser.parseJSONLikeConfig(parsed.value);
      if (result.ok) configs.push({ config: { rules: result.config }, loc: comment.loc });
      else problems.push({ ruleId: null, message: result.error.message, loc: comment.loc });
    }
    return { problems, configs };
  }

  /** The parent of a node (`undefined` for the document). */
  override getParent(node: XmlNode): XmlNode | undefined {
    if (this.#steps === undefined) this.traverse();
    return this.#parents.get(node);
  }

  /**
   * Enter and exit steps for every node, depth first, in source order: attributes before
   * children. Iterative (an explicit stack), so deeply nested documents cannot overflow the call
   * stack. The steps are computed once and cached: the tree does not change.
   */
  override traverse(): Iterable<XmlTraversalStep> {
    if (this.#steps !== undefined) return this.#steps.values();
    const steps: XmlTraversalStep[] = [];
    // Each frame is a node and the index of the next child to visit (-1: not entered yet).
    const nodes: XmlNode[] = [this.ast];
    const next: number[] = [-1];
    while (nodes.length > 0) {
      const top = nodes.length - 1;
      const node = nodes[top]!;
      const parent = top > 0 ? nodes[top - 1] : undefined;
      if (next[top] === -1) {
        if (parent !== undefined) this.#parents.set(node, parent);
        steps.push(new XmlTraversalStep({ target: node, phase: 1, args: [node, parent] }));
        next[top] = 0;
      }
      const child = childAt(node, next[top]!);
      if (child === undefined) {
        steps.push(new XmlTraversalStep({ target: node, phase: 2, args: [node, parent] }));
        nodes.pop();
        next.pop();
      } else {
        next[top]! += 1;
        nodes.push(child);
        next.push(-1);
      }
    }
    this.#steps = steps;
    return steps.values();
  }
}

/** The `index`th node under `node` along the visitor keys (attributes, then children). */
function childAt(node: XmlNode, index: number): XmlNode | undefined {
  switch (node.type) {
    case "XmlDocument":
      return node.children[index];
    case "XmlElement":
      return index < node.attributes.length
        ? node.attributes[index]
        : node.children[index - node.attributes.length];
    default:
      return undefined;
  }
}
