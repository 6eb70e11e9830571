/**
 * `XmlSourceCode`: what rules get as `context.sourceCode` for `campaign-ims/xml` files.
 *
 * Modelled on @eslint/json's `JSONSourceCode`: parents recorded during traversal, directives read
 * from comments with `ConfigCommentParser`. Unlike it, the traversal steps are generated lazily
 * rather than cached (a 20 MB file has three million of them). XML comments are AST nodes
 * (`XmlComment`), so they are also the inline config nodes:
 *
 *   <!-- eslint-disable -->  <!-- eslint-enable campaign-ims/x -->
 *   <!-- eslint-disable-next-line campaign-ims/x -->  <!-- eslint-disable-line campaign-ims/x -->
 *   <!-- eslint campaign-ims/x: "off" -->
 *
 * A justification works as in JS (`<!-- eslint-disable-line x -- reason -->`) even though XML
 * forbids `--` inside comments: the tokenizer ends a comment at the first `-->`. The directive
 * lines @eslint/markdown's processor puts above an `xml` code block (`/*eslint-disable*\/`, see
 * `../markdown-directives.ts`) are inline config nodes too; the parser skips them.
 *
 * Parse problems (the text is not well-formed XML, the tree was built with recovery) are returned
 * by `getDisableDirectives().problems`, which ESLint adds to the file's messages as errors with
 * `ruleId: null`. ESLint only calls `getDisableDirectives()` when inline config is allowed, so with
 * `noInlineConfig` the problem is not reported (it stays available as `parseProblems`).
 */
import type { FileProblem } from "@eslint/core";
import { type Directive, TextSourceCodeBase, VisitNodeStep } from "@eslint/plugin-kit";
import type { MarkdownDirectiveComment } from "../markdown-directives.js";
import { disableDirectives, inlineConfigComments, inlineConfigs } from "../text/directives.js";
import type { XmlComment, XmlDocument, XmlNode, XmlParseProblem } from "./ast.js";
import { LINE_ENDING_PATTERN, LineIndex, locFromIndex } from "../text/line-index.js";

export interface XmlLanguageOptions {
  /**
   * Report the first well-formedness problem of each file as an error (`ruleId: null`).
   * Default `true`; turn off for repositories whose `.xml` files are templates by design.
   */
  reportParseProblems?: boolean;
  [key: string]: unknown;
}


/** A traversal step; `args` are `[node, parent]`. */
class XmlTraversalStep extends VisitNodeStep {
  declare target: XmlNode;
}

export class XmlSourceCode extends TextSourceCodeBase<{
  LangOptions: XmlLanguageOptions;
  RootNode: XmlDocument;
  SyntaxElementWithLoc: XmlNode;
  ConfigNode: XmlComment | MarkdownDirectiveComment;
}> {
  declare ast: XmlDocument;
  /** Every comment, in source order. */
  readonly comments: readonly XmlComment[];
  /** Well-formedness problems of the text (at most one), whether or not they are reported. */
  readonly parseProblems: readonly XmlParseProblem[];
  readonly #reportParseProblems: boolean;
  readonly #parents = new Map<XmlNode, XmlNode>();
  #allParentsKnown = false;
  #inlineConfigComments: (XmlComment | MarkdownDirectiveComment)[] | undefined;
  #lineIndex: LineIndex | undefined;

  /** On a line index built once (see `locFromIndex`). */
  override getLocFromIndex(index: number): { line: number; column: number } {
    return locFromIndex(this.text, index, () => (this.#lineIndex ??= new LineIndex(this.text)));
  }

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

  /**
   * The comments that hold ESLint directives or inline config: the Markdown processor's directive
   * lines (they come first in the text), then the XML comments.
   */
  getInlineConfigNodes(): (XmlComment | MarkdownDirectiveComment)[] {
    this.#inlineConfigComments ??= inlineConfigComments(this.text, (index) => this.getLocFromIndex(index), this.comments);
    return this.#inlineConfigComments;
  }

  /** Disable/enable directives, plus the problems ESLint adds to the messages (parse problems first). */
  getDisableDirectives(): { problems: FileProblem[]; directives: Directive[] } {
    const problems: FileProblem[] = this.#reportParseProblems
      ? this.parseProblems.map((problem) => ({ ruleId: null, message: problem.message, loc: problem.loc }))
      : [];
    return disableDirectives(this.getInlineConfigNodes(), problems);
  }

  /** Rule configuration from `<!-- eslint rule: "off" -->` comments. */
  applyInlineConfig(): ReturnType<typeof inlineConfigs> {
    return inlineConfigs(this.getInlineConfigNodes());
  }

  /** The parent of a node (`undefined` for the document and for nodes not in this tree). */
  override getParent(node: XmlNode): XmlNode | undefined {
    if (!this.#parents.has(node) && !this.#allParentsKnown) {
      // Asked before the traversal reached the node: record every parent once.
      for (const step of this.traverse()) void step;
    }
    return this.#parents.get(node);
  }

  /**
   * Enter and exit steps for every node, depth first, in source order: attributes before
   * children; `args` are `[node, parent]`. Iterative (an explicit stack), so deeply nested
   * documents cannot overflow the call stack. Lazy: ESLint consumes the steps once, and a
   * generator keeps millions of step objects of a large file from being alive at the same time.
   * Parents are recorded as nodes are entered.
   */
  override *traverse(): Generator<XmlTraversalStep, void, undefined> {
    const parents = this.#parents;
    // Each frame is a node, its args and the index of the next child to visit.
    const nodes: XmlNode[] = [this.ast];
    const frames: [XmlNode, XmlNode | undefined][] = [[this.ast, undefined]];
    const next: number[] = [0];
    yield new XmlTraversalStep({ target: this.ast, phase: 1, args: frames[0]! });
    while (nodes.length > 0) {
      const top = nodes.length - 1;
      const node = nodes[top]!;
      const child = childAt(node, next[top]!);
      if (child === undefined) {
        yield new XmlTraversalStep({ target: node, phase: 2, args: frames[top]! });
        nodes.pop();
        frames.pop();
        next.pop();
      } else {
        next[top]! += 1;
        parents.set(child, node);
        const args: [XmlNode, XmlNode] = [child, node];
        nodes.push(child);
        frames.push(args);
        next.push(0);
        yield new XmlTraversalStep({ target: child, phase: 1, args });
      }
    }
    this.#allParentsKnown = true;
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
