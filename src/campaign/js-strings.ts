/**
 * String expressions in TS/JS: a string literal, a template literal, or a `+` concatenation of
 * them with other operands, read as one text with every index mapped back to a source offset.
 * Shared by the rules that search SOAP envelopes, cookies and header lines inside code strings
 * (no-session-token, no-hardcoded-campaign-secret).
 */
import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { INTERPOLATION_PLACEHOLDER, literalText } from "./sdk.js";

/** The text of a string expression, mapped to source offsets (see `stringExpressionText`). */
export interface StringExpressionText {
  /** The root node: a string `Literal`, a `TemplateLiteral`, or a `+` chain holding at least one. */
  node: TSESTree.Expression;
  /** The decoded value; each `${}` and each non-string operand of `+` is one `INTERPOLATION_PLACEHOLDER`. */
  text: string;
  /**
   * The source range of `text.slice(start, end)`. An edge on the boundary between a literal and an
   * operand stays inside the literal (so removing the range keeps the quotes balanced).
   */
  range(start: number, end: number): [number, number];
  /** Whether removing `range(start, end)` from the source leaves valid code. */
  removable(start: number, end: number): boolean;
}

interface Piece {
  textStart: number;
  textEnd: number;
  node: TSESTree.Node;
  literal?: ReturnType<typeof literalText>;
}

export const isStringLiteral = (node: TSESTree.Node): node is TSESTree.StringLiteral =>
  node.type === AST_NODE_TYPES.Literal && typeof node.value === "string";

const isConcatenation = (node: TSESTree.Node): node is TSESTree.BinaryExpression =>
  node.type === AST_NODE_TYPES.BinaryExpression && node.operator === "+";

/** Whether a node is the outermost string expression (not an operand of a larger `+` chain). */
function isStringRoot(node: TSESTree.Node): boolean {
  const parent = node.parent;
  if (parent !== undefined && isConcatenation(parent)) return false;
  // Type positions and module specifiers are not runtime strings.
  if (parent?.type === AST_NODE_TYPES.TSLiteralType || parent?.type === AST_NODE_TYPES.ImportDeclaration) return false;
  if (parent?.type === AST_NODE_TYPES.ExportAllDeclaration || parent?.type === AST_NODE_TYPES.ExportNamedDeclaration) return false;
  return true;
}

function flattenConcatenation(node: TSESTree.Node, out: TSESTree.Node[]): void {
  if (isConcatenation(node)) {
    flattenConcatenation(node.left, out);
    flattenConcatenation(node.right, out);
  } else {
    out.push(node);
  }
}

/**
 * The text of a string expression rooted at `node`, or undefined when `node` is not a root or
 * holds no string. Texts come from `literalText` (escapes decoded, exact offsets).
 */
export function stringExpressionText(
  node: TSESTree.Node,
  sourceCode: Readonly<TSESLint.SourceCode>,
): StringExpressionText | undefined {
  if (!isStringRoot(node)) return undefined;
  const operands: TSESTree.Node[] = [];
  if (isConcatenation(node)) flattenConcatenation(node, operands);
  else if (isStringLiteral(node) || node.type === AST_NODE_TYPES.TemplateLiteral) operands.push(node);
  else return undefined;

  const pieces: Piece[] = [];
  let text = "";
  for (const operand of operands) {
    const literal =
      isStringLiteral(operand) || operand.type === AST_NODE_TYPES.TemplateLiteral ? literalText(operand, sourceCode) : undefined;
    const value = literal?.text ?? INTERPOLATION_PLACEHOLDER;
    pieces.push({ textStart: text.length, textEnd: text.length + value.length, node: operand, literal });
    text += value;
  }
  if (!pieces.some((piece) => piece.literal !== undefined)) return undefined;

  // The piece that gives the source offset of a range edge. A start takes the piece holding the
  // character at `index`, an end the piece holding the character before it; an edge that falls on
  // an operand next to a literal stays in the literal, so a removal keeps the quotes balanced.
  const nonEmptyLiteral = (piece: Piece): boolean => piece.literal !== undefined && piece.textEnd > piece.textStart;
  const holding = (index: number): Piece | undefined => pieces.find((piece) => piece.textStart <= index && index < piece.textEnd);
  const edgePiece = (index: number, edge: "start" | "end"): Piece | undefined => {
    const piece = holding(edge === "start" ? index : index - 1);
    if (piece?.literal !== undefined) return piece;
    const literal = pieces.find((candidate) => nonEmptyLiteral(candidate) && (edge === "start" ? candidate.textEnd : candidate.textStart) === index);
    return literal ?? piece;
  };
  const offset = (index: number, edge: "start" | "end"): number => {
    const piece = edgePiece(index, edge);
    if (piece === undefined) return node.range[edge === "start" ? 1 : 0];
    if (piece.literal === undefined) return piece.node.range[edge === "start" ? 0 : 1];
    const local = index - piece.textStart;
    // An empty range gives the offset of the character at `local` (or the end of the text).
    return piece.literal.range(local, local)[0];
  };
  const literalPieceAt = (index: number, edge: "start" | "end"): Piece | undefined => {
    const piece = edgePiece(index, edge);
    return piece?.literal === undefined ? undefined : piece;
  };
  // Removing across pieces merges two literals into one: only with the same quotes, in a flat,
  // unparenthesised `a + b + c` chain (so no bracket is left unbalanced).
  const flat = isConcatenation(node) ? isFlatChain(node, sourceCode) : true;

  return {
    node: node as TSESTree.Expression,
    text,
    range(start, end) {
      if (end <= start) {
        const at = offset(start, "start");
        return [at, at];
      }
      return [offset(start, "start"), offset(end, "end")];
    },
    removable(start, end) {
      const first = literalPieceAt(start, "start");
      const last = literalPieceAt(end, "end");
      if (first === undefined || last === undefined) return false;
      if (first === last) return true;
      return flat && quoteOf(first.node, sourceCode) === quoteOf(last.node, sourceCode);
    },
  };
}

function quoteOf(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): string {
  return sourceCode.text[node.range[0]] ?? "";
}

/**
 * A `+` chain a removal may cut through: no parenthesised sub-chain and no parenthesised string
 * (their brackets would be cut in half). Other operands, parenthesised or not, are removed whole.
 */
function isFlatChain(node: TSESTree.BinaryExpression, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const operands: TSESTree.Node[] = [];
  flattenConcatenation(node, operands);
  const isString = (operand: TSESTree.Node): boolean => isStringLiteral(operand) || operand.type === AST_NODE_TYPES.TemplateLiteral;
  if (operands.some((operand) => isString(operand) && ASTUtils.isParenthesized(operand, sourceCode))) return false;
  const parenthesisedChain = (chain: TSESTree.Node): boolean =>
    isConcatenation(chain) &&
    ((chain !== node && ASTUtils.isParenthesized(chain, sourceCode)) || parenthesisedChain(chain.left) || parenthesisedChain(chain.right));
  return !parenthesisedChain(node);
}
