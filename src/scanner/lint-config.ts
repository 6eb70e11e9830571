/**
 * The flat config the scanner lints with, derived from the plugin object alone, so that rules and
 * languages added to the plugin are scanned with no change here:
 * - where and how to lint (each block's `files`, `language`, `languageOptions`, `processor`) comes
 *   from `configs.strict` (it has a block for every language some rule supports) and, when
 *   present and not turned off, `configs.markdown` (fenced code blocks in runbooks);
 * - which rules run, at which level and with which options, comes from the chosen profile's
 *   all-languages config (`configs["recommended-all-languages"]` / `strict` /
 *   `["v8-all-languages"]`, else the profile's own config) for each block's language, then from
 *   the user's rule settings, applied only to the languages each rule supports;
 * - the parser the plugin's configs give TypeScript files (a block with a parser and no rules)
 *   parses every JS/TS file here: the scanner has no user parser to keep, and reads JSX in `.js`.
 */
import type { collectCredentials } from "../campaign/credential-ranges.js";
import type { ESLint, Linter } from "eslint";
import { allLanguagesConfig } from "../configs.js";
import type { CampaignRule } from "../create-rule.js";
import type { CredentialKind } from "../campaign/credential-kinds.js";
import type { RuleSetting } from "./config-file.js";
import type { LintSettings } from "./scan-settings.js";
import { ScanConfigError, type RuleInfo } from "./types.js";
import { PLUGIN_NAMESPACE, shortRuleName } from "../rule-id.js";

/** The plugin as the scanner sees it. */
export interface ScannablePlugin extends ESLint.Plugin {
  meta?: { name?: string; version?: string; namespace?: string };
  rules?: Record<string, CampaignRule<string, any>>;
  configs?: Record<string, Linter.Config | Linter.Config[]>;
  /** The plugin's reader of the credential ranges its rules report (campaign/credential-ranges.ts). */
  credentialRanges?: { collect: typeof collectCredentials };
}

export interface LintConfig {
  /** The flat config array handed to `Linter#verify`. */
  configs: Linter.Config[];
  /** The rules that run somewhere, sorted by id. */
  rules: RuleInfo[];
  namespace: string;
}

const JS_LANGUAGE = "js/js";

const asArray = (config: Linter.Config | Linter.Config[] | undefined): Linter.Config[] =>
  config === undefined ? [] : Array.isArray(config) ? config : [config];

const languageOf = (block: Linter.Config): string => (typeof block.language === "string" ? block.language : JS_LANGUAGE);

const severityOf = (entry: Linter.RuleEntry | undefined): 0 | 1 | 2 => {
  const level = Array.isArray(entry) ? entry[0] : entry;
  if (level === "error" || level === 2) return 2;
  if (level === "warn" || level === 1) return 1;
  return 0;
};

/** `no-password-logon` or `campaign-ims/no-password-logon` → the rule's short name, or an error. */
function ruleNameOf(id: string, namespace: string, plugin: ScannablePlugin): string {
  const name = shortRuleName(id, namespace);
  if (plugin.rules?.[name] === undefined) {
    const known = Object.keys(plugin.rules ?? {}).sort().join(", ");
    throw new ScanConfigError(`unknown rule "${id}"; the rules are: ${known}`);
  }
  return name;
}

function supportsLanguage(rule: CampaignRule<string, any>, language: string): boolean {
  const languages = rule.meta.languages as string[] | undefined;
  return languages === undefined || languages.includes("*") || languages.includes(language);
}

export function buildLintConfig(plugin: ScannablePlugin, settings: Pick<LintSettings, "profile" | "rules" | "markdown" | "reportUnusedDisableDirectives">): LintConfig {
  const namespace = plugin.meta?.namespace ?? PLUGIN_NAMESPACE;
  const profileBlocks = asArray(plugin.configs?.[allLanguagesConfig(settings.profile)] ?? plugin.configs?.[settings.profile]);
  if (profileBlocks.length === 0 && settings.profile !== "recommended") {
    throw new ScanConfigError(`the plugin has no "${settings.profile}" config`);
  }

  // The profile's rule entries, by language.
  const levelsByLanguage = new Map<string, Linter.RulesRecord>();
  for (const block of profileBlocks) {
    if (block.rules === undefined) continue;
    levelsByLanguage.set(languageOf(block), { ...levelsByLanguage.get(languageOf(block)), ...(block.rules as Linter.RulesRecord) });
  }

  const overrides: Array<[string, CampaignRule<string, any>, Linter.RuleEntry]> = settings.rules.map(([id, setting]) => {
    const name = ruleNameOf(id, namespace, plugin);
    return [`${namespace}/${name}`, plugin.rules![name]!, setting as Linter.RuleEntry];
  });

  const rulesFor = (language: string): Linter.RulesRecord => {
    const rules: Linter.RulesRecord = { ...levelsByLanguage.get(language) };
    for (const [id, rule, entry] of overrides) {
      if (supportsLanguage(rule, language)) rules[id] = entry;
    }
    return rules;
  };

  // Where to lint: the strict blocks (every language), then any profile block for a language
  // strict does not have, then the Markdown processor and its code-block blocks.
  const strictBlocks = asArray(plugin.configs?.strict);
  const strictLanguages = new Set(strictBlocks.map(languageOf));
  const templates = [
    ...strictBlocks,
    ...profileBlocks.filter((block) => !strictLanguages.has(languageOf(block))),
    ...(settings.markdown ? asArray(plugin.configs?.markdown) : []),
  ];

  const parser = templates.find((block) => block.rules === undefined && block.languageOptions?.parser !== undefined)?.languageOptions?.parser;
  const configs: Linter.Config[] = [];
  const enabled = new Map<string, 1 | 2>();
  for (const template of templates) {
    if (template.rules === undefined) {
      if (template.processor !== undefined) configs.push(template);
      continue;
    }
    const rules = rulesFor(languageOf(template));
    const on = Object.entries(rules).filter(([, entry]) => severityOf(entry) > 0);
    if (on.length === 0) continue;
    const parsed = parser !== undefined && languageOf(template) === JS_LANGUAGE ? { languageOptions: { ...template.languageOptions, parser } } : {};
    configs.push({ ...template, ...parsed, rules });
    for (const [id, entry] of on) enabled.set(id, Math.max(enabled.get(id) ?? 0, severityOf(entry)) as 1 | 2);
  }
  // Unused directives become problems only with --report-unused-disable-directives (file-findings.ts
  // keeps those that name a campaign-ims rule; other plugins' directives are not ours to judge).
  configs.push({ name: "campaign-ims/scanner", linterOptions: { reportUnusedDisableDirectives: settings.reportUnusedDisableDirectives ? "warn" : "off" } });

  const rules: RuleInfo[] = [...enabled]
    .map(([id, severity]) => {
      const rule = plugin.rules![id.slice(namespace.length + 1)]!;
      const docs = rule.meta.docs as { description?: string; url?: string; kind?: CredentialKind } | undefined;
      return {
        id,
        description: docs?.description ?? id,
        helpUri: docs?.url ?? "",
        kind: docs?.kind ?? "hardcoded-secret",
        level: severity === 2 ? ("error" as const) : ("warn" as const),
      };
    })
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { configs, rules, namespace };
}
