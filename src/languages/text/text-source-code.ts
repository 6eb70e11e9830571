/**
 * The SourceCode machinery shared by the plugin's line-oriented languages: traversal driven by
 * visitor keys (children visited in source order), parents, line comments as inline-config nodes
 * (`eslint-disable…`, `eslint-enable`, `eslint` rule configs), also the directive lines
 * @eslint/markdown's processor puts above a code block, and recoverable parse problems reported
 * through `getDisableDirectives().problems`. Modelled on `@eslint/json`'s JSONSourceCode.
 */
import type { FileProblem, SourceLocation } from "@eslint/core";
import { type Directive, TextSourceCodeBase, VisitNodeStep } from "@eslint/plugin-kit";
import type { MarkdownDirectiveComment } from "../markdown-directives.js";
import { disableDirectives, inlineConfigComments, inlineConfigs } from "./directives.js";
import { LINE_ENDING_PATTERN, LineIndex, locFromIndex, type Range } from "./line-index.js";

/** The fields every node of these languages has. */
export interface TextNode {
  type: string;
  range: Range;
  loc: SourceLocation;
}

/** A comment; `value` is its text after the comment marker (and before a closing marker). */
export interface CommentNode extends TextNode {
  value: string;
}

/** A recoverable problem found while parsing: the AST is complete, this is reported as a message. */
export interface ParseProblem {
  message: string;
  range: Range;
  loc: SourceLocation;
}


/** A traversal step whose target is one of the language's nodes. */
export class TextTraversalStep<Node extends TextNode> extends VisitNodeStep {
  declare target: Node;
  constructor(options: { target: Node; phase: 1 | 2; args: [Node, Node | undefined] }) {
    super(options);
    this.target = options.target;
  }
}

interface StackEntry<Node> {
  node: Node;
  parent: Node | undefined;
  children: Node[] | undefined;
  next: number;
}

const isNode = (value: unknown): value is TextNode =>
  typeof value === "object" && value !== null && typeof (value as { type?: unknown }).type === "string";

/** Children of `node` along `keys`, in source order (each key's array is already in order). */
function childrenOf<Node extends TextNode>(node: Node, keys: readonly string[] | undefined): Node[] {
  if (keys === undefined || keys.length === 0) return [];
  const lists: Node[][] = [];
  for (const key of keys) {
    const value = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(value)) {
      const list = value.filter(isNode) as unknown as Node[];
      if (list.length > 0) lists.push(list);
    } else if (isNode(value)) {
      lists.push([value as unknown as Node]);
    }
  }
  if (lists.length === 0) return [];
  if (lists.length === 1) return lists[0] ?? [];
  // k-way merge by start offset; ties keep key order.
  const heads = lists.map(() => 0);
  const merged: Node[] = [];
  for (;;) {
    let best = -1;
    let bestStart = Infinity;
    for (let k = 0; k < lists.length; k++) {
      const candidate = lists[k]?.[heads[k] ?? 0];
      if (candidate !== undefined && candidate.range[0] < bestStart) {
        best = k;
        bestStart = candidate.range[0];
      }
    }
    if (best === -1) return merged;
    const list = lists[best] as Node[];
    merged.push(list[heads[best] ?? 0] as Node);
    heads[best] = (heads[best] ?? 0) + 1;
  }
}

/** Options every language's SourceCode passes to the shared base. */
export interface CommentSourceCodeOptions<Root, Comment> {
  text: string;
  ast: Root;
  comments: readonly Comment[];
  problems: readonly ParseProblem[];
  visitorKeys: Record<string, string[]>;
}

/**
 * A text SourceCode whose directives live in line comments. Subclasses fix the node types and
 * add language-specific helpers.
 */
export class CommentSourceCode<
  Root extends TextNode,
  Node extends TextNode,
  Comment extends CommentNode,
> extends TextSourceCodeBase<{
  LangOptions: Record<string, unknown>;
  RootNode: Root;
  SyntaxElementWithLoc: Node | Root | Comment;
  ConfigNode: Comment | MarkdownDirectiveComment;
}> {
  /** Every comment in the file, in source order. */
  readonly comments: readonly Comment[];
  /** Recoverable parse problems; reported through `getDisableDirectives().problems`. */
  readonly parseProblems: readonly ParseProblem[];
  readonly visitorKeys: Record<string, string[]>;
  #steps: TextTraversalStep<Node | Root>[] | undefined;
  #parents = new WeakMap<object, Node | Root>();
  #inlineConfigComments: (Comment | MarkdownDirectiveComment)[] | undefined;
  #lineIndex: LineIndex | undefined;

  /** On a line index built once (see `locFromIndex`). */
  override getLocFromIndex(index: number): { line: number; column: number } {
    return locFromIndex(this.text, index, () => (this.#lineIndex ??= new LineIndex(this.text)));
  }

  constructor({ text, ast, comments, problems, visitorKeys }: CommentSourceCodeOptions<Root, Comment>) {
    super({ text, ast, lineEndingPattern: LINE_ENDING_PATTERN });
    this.comments = comments;
    this.parseProblems = problems;
    this.visitorKeys = visitorKeys;
  }

  /** The parent of a node (available once `traverse()` has run, as in every ESLint language). */
  override getParent(node: Node | Root | Comment): Node | Root | undefined {
    if (this.#steps === undefined) this.traverse();
    return this.#parents.get(node);
  }

  /** Depth-first enter/exit steps over the AST, children in source order; cached. */
  override traverse(): Iterable<TextTraversalStep<Node | Root>> {
    if (this.#steps !== undefined) return this.#steps.values();
    const steps: TextTraversalStep<Node | Root>[] = [];
    this.#steps = steps;
    const root = this.ast as Node | Root;
    const stack: StackEntry<Node | Root>[] = [{ node: root, parent: undefined, children: undefined, next: 0 }];
    while (stack.length > 0) {
      const entry = stack[stack.length - 1] as StackEntry<Node | Root>;
      if (entry.children === undefined) {
        steps.push(new TextTraversalStep({ target: entry.node, phase: 1, args: [entry.node, entry.parent] }));
        entry.children = childrenOf(entry.node, this.visitorKeys[entry.node.type]);
      }
      const child = entry.children[entry.next];
      if (child !== undefined) {
        entry.next++;
        this.#parents.set(child, entry.node);
        stack.push({ node: child, parent: entry.node, children: undefined, next: 0 });
      } else {
        steps.push(new TextTraversalStep({ target: entry.node, phase: 2, args: [entry.node, entry.parent] }));
        stack.pop();
      }
    }
    return steps.values();
  }

  /**
   * Comments whose text is an ESLint inline configuration (`eslint-disable…`, `eslint …`): the
   * Markdown processor's directive lines (they come first in the text), then the file's comments.
   */
  getInlineConfigNodes(): (Comment | MarkdownDirectiveComment)[] {
    this.#inlineConfigComments ??= inlineConfigComments(this.text, (index) => this.getLocFromIndex(index), this.comments);
    return this.#inlineConfigComments;
  }

  /** Disable/enable directives, plus the file's recoverable parse problems. */
  getDisableDirectives(): { problems: FileProblem[]; directives: Directive[] } {
    return disableDirectives(this.getInlineConfigNodes(), this.parseProblems.map(({ message, loc }) => ({ ruleId: null, message, loc })));
  }

  /** Rule configurations from `eslint rule: level` comments. */
  applyInlineConfig(): ReturnType<typeof inlineConfigs> {
    return inlineConfigs(this.getInlineConfigNodes());
  }
}
