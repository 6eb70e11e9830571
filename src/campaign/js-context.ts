/**
 * Where a fix writes code into a TS/JS file: whether `await` is valid at a node, and how to pass
 * an expression as one call argument. Shared by the rules whose fixes insert a configured token
 * expression (no-session-token; no-password-logon has the same helpers to switch to).
 */
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";

/** What `inAsyncContext` needs of a rule context. */
export interface SourceTypeContext {
  readonly languageOptions: { readonly sourceType?: string };
}

/** Whether `await` is valid at `node`: in an async function, or at the top level of a module. */
export function inAsyncContext(context: SourceTypeContext, node: TSESTree.Node): boolean {
  // `Program.parent` is `null` in ESTree, so compare loosely.
  for (let current: TSESTree.Node | null | undefined = node.parent; current != null; current = current.parent) {
    switch (current.type) {
      case AST_NODE_TYPES.FunctionDeclaration:
      case AST_NODE_TYPES.FunctionExpression:
      case AST_NODE_TYPES.ArrowFunctionExpression:
        return current.async;
      case AST_NODE_TYPES.PropertyDefinition:
      case AST_NODE_TYPES.AccessorProperty:
      case AST_NODE_TYPES.StaticBlock:
        return false;
      default:
        break;
    }
  }
  return context.languageOptions.sourceType === "module";
}

/** An expression usable as one call argument: a comma outside brackets and strings needs brackets. */
export function asArgument(expression: string): string {
  let depth = 0;
  let quote: string | undefined;
  for (let i = 0; i < expression.length; i++) {
    const char = expression[i] as string;
    if (quote !== undefined) {
      if (char === "\\") i++;
      else if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'" || char === "`") quote = char;
    else if ("([{".includes(char)) depth++;
    else if (")]}".includes(char)) depth--;
    else if (char === "," && depth === 0) return `(${expression})`;
  }
  return expression;
}
