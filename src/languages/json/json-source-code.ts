/**
 * @eslint/json's `JSONSourceCode` with an iterative traversal. The original walks the tree with
 * Momoa's recursive `traverse`, which overflows the stack on nesting that Momoa's parser still
 * accepts (a Postman collection of folders a few hundred levels deep): the exception escaped
 * `Linter#verify`, so ESLint crashed on the file. Same steps, same order (enter, children by
 * visitor keys, exit), same parents; an explicit stack instead of recursion.
 */
import { JSONSourceCode } from "@eslint/json";
import { VisitNodeStep } from "@eslint/plugin-kit";

/** @eslint/json's step and node types (its step class is not exported; a `VisitNodeStep` is one). */
type JsonStep = ReturnType<JSONSourceCode["traverse"]> extends Iterable<infer Step> ? Step : never;
type JsonNode = JsonStep["target"];

const isNode = (value: unknown): value is JsonNode =>
  typeof value === "object" && value !== null && typeof (value as { type?: unknown }).type === "string";

export class IterativeJsonSourceCode extends JSONSourceCode {
  readonly #visitorKeys: Readonly<Record<string, readonly string[]>>;
  #steps: JsonStep[] | undefined;
  readonly #parents = new WeakMap<object, JsonNode>();

  constructor(options: { text: string; ast: JSONSourceCode["ast"]; visitorKeys: Readonly<Record<string, readonly string[]>> }) {
    super({ text: options.text, ast: options.ast });
    this.#visitorKeys = options.visitorKeys;
  }

  override getParent(node: object): any {
    this.traverse();
    return this.#parents.get(node);
  }

  override traverse(): IterableIterator<JsonStep> {
    // The tree does not change, so the steps are computed once.
    if (this.#steps !== undefined) return this.#steps.values();
    const steps: JsonStep[] = (this.#steps = []);
    // A frame is a node to enter, or (exit: true) a node whose children are all done.
    const stack: Array<{ node: JsonNode; parent: JsonNode | undefined; exit: boolean }> = [{ node: this.ast, parent: undefined, exit: false }];
    while (stack.length > 0) {
      const { node, parent, exit } = stack.pop()!;
      steps.push(new VisitNodeStep({ target: node, phase: exit ? 2 : 1, args: [node, parent] }) as JsonStep);
      if (exit) continue;
      if (parent !== undefined) this.#parents.set(node, parent);
      stack.push({ node, parent, exit: true });
      const children: JsonNode[] = [];
      for (const key of this.#visitorKeys[node.type] ?? []) {
        const value = (node as unknown as Record<string, unknown>)[key];
        if (Array.isArray(value)) children.push(...value.filter(isNode));
        else if (isNode(value)) children.push(value);
      }
      for (let index = children.length - 1; index >= 0; index--) stack.push({ node: children[index]!, parent: node, exit: false });
    }
    return steps.values();
  }
}
