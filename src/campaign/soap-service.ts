/**
 * Campaign server-side JavaScript's `SoapService` (JSSP, workflows, web apps): which calls on a
 * service are `xtk:session` logons. Shared by no-password-logon (`Logon`) and
 * prefer-ims-bearer-token (`BearerTokenLogon`).
 *
 * - `s = new SoapService(cnx, "urn:xtk:session")` (any spelling of the schema): `s.Logon(…)` /
 *   `s.BearerTokenLogon(…)`, the receiver followed through a single-assignment variable;
 * - `this.session = new SoapService(cnx, "urn:xtk:session")` earlier in the file:
 *   `this.session.Logon(…)` (receivers compared by their text);
 * - `svc.addMethod("Name", "xtk:session#Logon", …)`: `svc.Name(…)` is that logon, whatever `svc`
 *   is bound to (a member, a parameter, `document.soapSrv`): receivers are compared by their text.
 */
import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { skipWrappers } from "./sdk.js";
import { isXtkSessionSchema, sessionMethodOf, type SessionMethod } from "./soap-actions.js";

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

// A receiver compared by its text (`document.soapSrv`): longer ones (a hostile chain of calls)
// are not compared, so the cost stays linear.
const MAX_RECEIVER_LENGTH = 200;

/** The initializer of a `const`/`let`/`var` written once, wrappers skipped; undefined otherwise. */
export function singleInitializer(context: AnyContext, identifier: TSESTree.Identifier): TSESTree.Node | undefined {
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(identifier), identifier);
  const def = variable?.defs[0];
  if (variable === null || variable === undefined || variable.defs.length !== 1 || def?.node.type !== AST_NODE_TYPES.VariableDeclarator) {
    return undefined;
  }
  const writes = variable.references.filter((reference) => reference.isWrite());
  if (writes.length !== 1 || def.node.init === null || def.node.id.type !== AST_NODE_TYPES.Identifier) return undefined;
  return skipWrappers(def.node.init);
}

/** `object` is (bound to) `new SoapService(cnx, "urn:xtk:session")`. */
export function isXtkSessionSoapService(context: AnyContext, object: TSESTree.Node): boolean {
  const expression = skipWrappers(object);
  const init = expression.type === AST_NODE_TYPES.Identifier ? singleInitializer(context, expression) : expression;
  return init !== undefined && isXtkSessionSoapServiceNew(init);
}

/** `new SoapService(cnx, "urn:xtk:session")` (wrappers skipped). */
function isXtkSessionSoapServiceNew(node: TSESTree.Node): boolean {
  const init = skipWrappers(node);
  if (init.type !== AST_NODE_TYPES.NewExpression) return false;
  const callee = skipWrappers(init.callee);
  if (callee.type !== AST_NODE_TYPES.Identifier || callee.name !== "SoapService") return false;
  const namespace = init.arguments[1];
  return namespace !== undefined && namespace.type === AST_NODE_TYPES.Literal && typeof namespace.value === "string" && isXtkSessionSchema(namespace.value);
}

/** The methods `svc.addMethod(name, "xtk:session#<method>", …)` declared, by receiver text. */
export class SoapServiceMethods {
  readonly #declared = new Map<string, Set<string>>();
  /** Receivers assigned a `new SoapService(cnx, "urn:xtk:session")` (`this.session = new SoapService(…)`), by text. */
  readonly #services = new Set<string>();

  /** Records `this.session = new SoapService(cnx, "urn:xtk:session")` (an AssignmentExpression). */
  recordAssignment(node: TSESTree.AssignmentExpression): void {
    if (node.operator !== "=" || node.left.range[1] - node.left.range[0] > MAX_RECEIVER_LENGTH || !isXtkSessionSoapServiceNew(node.right)) return;
    this.#services.add(this.context.sourceCode.getText(node.left));
  }

  constructor(
    private readonly context: AnyContext,
    private readonly method: SessionMethod,
  ) {}

  /** Records `svc.addMethod("Name", "xtk:session#<method>", …)`; true when the call is an addMethod. */
  record(node: TSESTree.CallExpression, callee: TSESTree.MemberExpression, name: string | undefined): boolean {
    if (name !== "addMethod") return false;
    const [nameArgument, actionArgument] = node.arguments;
    if (nameArgument === undefined || actionArgument === undefined || nameArgument.type === AST_NODE_TYPES.SpreadElement || actionArgument.type === AST_NODE_TYPES.SpreadElement) return true;
    const declared = this.#constant(nameArgument);
    const action = this.#constant(actionArgument);
    if (declared === undefined || action === undefined || sessionMethodOf(action) !== this.method) return true;
    if (callee.object.range[1] - callee.object.range[0] > MAX_RECEIVER_LENGTH) return true;
    const receiver = this.context.sourceCode.getText(callee.object);
    let names = this.#declared.get(receiver);
    if (names === undefined) this.#declared.set(receiver, (names = new Set()));
    names.add(declared.trim());
    return true;
  }

  /**
   * Whether `receiver.name(…)` is the logon: a method an addMethod above declared on the same
   * receiver, or `<method>` itself on a `new SoapService(cnx, "urn:xtk:session")`.
   */
  isLogon(callee: TSESTree.MemberExpression, name: string): boolean {
    const receiver = callee.object;
    if (this.#declared.size > 0 && receiver.range[1] - receiver.range[0] <= MAX_RECEIVER_LENGTH && this.#declared.get(this.context.sourceCode.getText(receiver))?.has(name) === true) {
      return true;
    }
    if (name !== this.method) return false;
    if (this.#services.size > 0 && receiver.range[1] - receiver.range[0] <= MAX_RECEIVER_LENGTH && this.#services.has(this.context.sourceCode.getText(receiver))) return true;
    return isXtkSessionSoapService(this.context, receiver);
  }

  #constant(node: TSESTree.Node): string | undefined {
    return ASTUtils.getStringIfConstant(node, this.context.sourceCode.getScope(node)) ?? undefined;
  }
}
