/**
 * `createRule`: one rule, one concept, with a visitor factory per language it supports.
 *
 * Modelled on typescript-eslint's `RuleCreator`: the docs URL is derived from the rule name, and
 * `meta.languages` is derived from the languages the rule implements. The rule registers no
 * visitors at all on a file that holds none of its keywords (see `campaign/keywords.ts`).
 *
 * A rule that reports a credential value reports it with `reportCredential(context, descriptor,
 * at, { values, mask, operator, endpoint })` (`campaign/credential-ranges.ts`): the same report
 * to ESLint, plus the exact ranges the scanner masks wherever it shows the file's text.
 */
import type { RuleContext, RuleDefinition, RulesMeta, RuleVisitor, SourceCode } from "@eslint/core";
import type { TSESLint } from "@typescript-eslint/utils";
import { hasRuleKeyword, type RuleName } from "./campaign/keywords.js";
import type { JSONSourceCode } from "@eslint/json";
import type { HttpSourceCode } from "./languages/http/index.js";
import type { ShellSourceCode } from "./languages/shell/index.js";
import type { XmlSourceCode } from "./languages/xml/index.js";
import type { CredentialKind } from "./campaign/credential-kinds.js";

export const REPOSITORY_URL = "https://github.com/campaign-ims/eslint-plugin-campaign-ims";

export const docsUrl = (name: string): string => `${REPOSITORY_URL}/blob/main/docs/rules/${name}.md`;

export interface CampaignRuleDocs {
  description: string;
  /** In `configs.recommended` (and so in `configs.v8`). Every rule is in `configs.strict`. */
  recommended: boolean;
  /** The credential kind this rule's findings belong to. */
  kind: CredentialKind;
}

/** The languages a rule can implement; the key names the visitor factory in `create`. */
export const LANGUAGE_IDS = {
  js: "js/js",
  xml: "campaign-ims/xml",
  http: "campaign-ims/http",
  shell: "campaign-ims/shell",
  json: "campaign-ims/json",
} as const;

export type LanguageKey = keyof typeof LANGUAGE_IDS;

/** The root node type of each language's AST, used to pick the visitor factory. */
const ROOT_NODE_TYPES: Record<string, LanguageKey> = {
  Program: "js",
  XmlDocument: "xml",
  HttpDocument: "http",
  ShellDocument: "shell",
  Document: "json",
};

export type JsRuleContext<MessageIds extends string, Options extends unknown[]> = Readonly<
  TSESLint.RuleContext<MessageIds, Options>
>;

/** Context for the plugin's own languages; each language narrows `sourceCode` in its rules. */
export type LanguageRuleContext<
  MessageIds extends string,
  Options extends unknown[],
  Code extends SourceCode = SourceCode,
> = RuleContext<{
  LangOptions: Record<string, unknown>;
  Code: Code;
  RuleOptions: Options;
  Node: unknown;
  MessageIds: MessageIds;
}>;

export interface RuleVisitors<MessageIds extends string, Options extends unknown[]> {
  js?: (context: JsRuleContext<MessageIds, Options>) => TSESLint.RuleListener;
  xml?: (context: LanguageRuleContext<MessageIds, Options, XmlSourceCode>) => RuleVisitor;
  http?: (context: LanguageRuleContext<MessageIds, Options, HttpSourceCode>) => RuleVisitor;
  shell?: (context: LanguageRuleContext<MessageIds, Options, ShellSourceCode>) => RuleVisitor;
  json?: (context: LanguageRuleContext<MessageIds, Options, JSONSourceCode>) => RuleVisitor;
}

export interface CampaignRuleMeta<MessageIds extends string, Options extends unknown[]>
  extends Omit<RulesMeta<MessageIds, Options>, "docs" | "languages" | "messages" | "defaultOptions"> {
  docs: CampaignRuleDocs;
  messages: Record<MessageIds, string>;
  /** Options `configs.v8` passes (Campaign v8.5+ targets: fixes that need direct bearer support). */
  v8Options?: Options;
  /** Options `configs.strict` passes (checks beyond legacy authentication a user opts into). */
  strictOptions?: Options;
  /**
   * Findings the scanner grades below the rule's level: "warn" for lower-risk patterns, "info"
   * for context-dependent ones. ESLint itself has one severity per rule and reports them all at it.
   */
  messageLevels?: Partial<Record<MessageIds, MessageLevel>>;
}

export type MessageLevel = "warn" | "info";

export interface CampaignRuleSpec<MessageIds extends string, Options extends unknown[]> {
  name: RuleName;
  meta: CampaignRuleMeta<MessageIds, Options>;
  defaultOptions: Options;
  create: RuleVisitors<MessageIds, Options>;
}

export interface CampaignRule<MessageIds extends string = string, Options extends unknown[] = unknown[]>
  extends RuleDefinition {
  name: RuleName;
  meta: RulesMeta<MessageIds, Options, CampaignRuleDocs> & {
    docs: CampaignRuleDocs & { url: string };
    languages: string[];
    v8Options?: Options;
    strictOptions?: Options;
    messageLevels?: Partial<Record<MessageIds, MessageLevel>>;
  };
}

export function createRule<MessageIds extends string, Options extends unknown[]>(
  spec: CampaignRuleSpec<MessageIds, Options>,
): CampaignRule<MessageIds, Options> {
  const { name, meta, defaultOptions, create } = spec;
  const languages = (Object.keys(create) as LanguageKey[]).map((key) => LANGUAGE_IDS[key]);
  return {
    name,
    meta: {
      ...meta,
      docs: { ...meta.docs, url: docsUrl(name) },
      languages,
      defaultOptions,
    },
    create(context: RuleContext): RuleVisitor {
      const sourceCode = context.sourceCode as { text: string; ast: { type: string } };
      const language = ROOT_NODE_TYPES[sourceCode.ast.type];
      const factory = language === undefined ? undefined : create[language];
      if (factory === undefined || !hasRuleKeyword(name, sourceCode)) return {};
      return (factory as (context: unknown) => RuleVisitor)(context);
    },
  };
}
