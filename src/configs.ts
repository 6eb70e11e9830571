/**
 * The shareable configs, computed from rule meta rather than hand lists:
 * - `recommended`: rules whose `meta.docs.recommended` is true, at "error";
 * - `strict`: every rule, at "error";
 * - `v8`: `recommended` with each rule's `meta.v8Options` (Campaign v8.5+: fixes that rely on
 *   direct IMS bearer support are applied rather than offered as suggestions).
 * Each config is an array with one block per language, so a rule is only enabled on the files of
 * a language it supports (ESLint checks `meta.languages`).
 */
import type { ESLint, Linter } from "eslint";
import { LANGUAGE_IDS, type CampaignRule, type LanguageKey } from "./create-rule.js";
import { markdownProcessor } from "./languages/markdown-processor.js";
import { lazyTsParser } from "./lazy-ts-parser.js";

export const CONFIG_NAMES = ["recommended", "strict", "v8", "markdown"] as const;
export type ConfigName = (typeof CONFIG_NAMES)[number];

/** Files each language lints under the plugin's configs. */
export const LANGUAGE_FILES: Record<LanguageKey, string[]> = {
  js: ["**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}"],
  // SOAP templates, serverConf.xml, config-<instance>.xml, workflow exports.
  xml: ["**/*.xml"],
  // VS Code REST Client and JetBrains HTTP client request files.
  http: ["**/*.http", "**/*.rest"],
  // Anything that runs nlserver or curl, or holds ACC_* variables.
  shell: [
    "**/*.sh",
    "**/*.bash",
    "**/*.zsh",
    "**/Dockerfile",
    "**/Dockerfile.*",
    "**/*.dockerfile",
    "**/Containerfile",
    "**/Makefile",
    "**/makefile",
    "**/GNUmakefile",
    "**/*.mk",
    "**/*.make",
    // Every YAML file: CI pipelines of any system, docker-compose, Kubernetes, Helm, Ansible.
    "**/*.{yml,yaml}",
    "**/.env*",
    "**/*.env",
    "**/*.properties",
    "**/*.ps1",
    "**/*.psm1",
    "**/*.bat",
    "**/*.cmd",
    // Jenkins pipelines (sh / bat / powershell steps, environment) and Terraform / HCL settings.
    "**/Jenkinsfile",
    "**/Jenkinsfile.*",
    "**/*.jenkinsfile",
    "**/*.groovy",
    "**/*.tf",
    "**/*.tfvars",
    "**/*.hcl",
  ],
  // package.json dependencies on JWT libraries; Postman collections.
  json: ["**/package.json", "**/*.postman_collection.json"],
};

/**
 * Code-fence info strings linted in Markdown runbooks, by language. @eslint/markdown's processor
 * names each fenced block `<index>.<info string>` (`javascript` → `js`, `typescript` → `ts`).
 */
export const MARKDOWN_FENCES: Record<LanguageKey, string[]> = {
  js: ["js", "mjs", "cjs", "jsx", "ts", "mts", "cts", "tsx"],
  xml: ["xml", "soap", "wsdl"],
  http: ["http", "rest"],
  shell: ["sh", "bash", "shell", "zsh", "console", "shellsession", "dockerfile", "env", "properties", "ps1", "powershell", "bat", "cmd", "yaml", "yml"],
  json: [],
};

function languageBlock(key: LanguageKey): Partial<Linter.Config> {
  if (key === "js") {
    // One parser for JS and TS so `eslint .` works on TypeScript with nothing else configured.
    return { languageOptions: { parser: lazyTsParser } };
  }
  return { language: LANGUAGE_IDS[key] };
}

function ruleEntry(rule: CampaignRule<string, any>, config: ConfigName): Linter.RuleEntry | undefined {
  if (config === "strict") return "error";
  if (!rule.meta.docs.recommended) return undefined;
  if (config === "v8" && rule.meta.v8Options !== undefined) return ["error", ...rule.meta.v8Options];
  return "error";
}

export function createConfigs(
  plugin: ESLint.Plugin,
  rules: Record<string, CampaignRule<string, any>>,
  namespace: string,
): Record<ConfigName, Linter.Config[]> {
  const build = (config: Exclude<ConfigName, "markdown">, files = (key: LanguageKey) => LANGUAGE_FILES[key]): Linter.Config[] =>
    (Object.keys(LANGUAGE_IDS) as LanguageKey[]).flatMap((key) => {
      const enabled: Linter.RulesRecord = {};
      for (const [name, rule] of Object.entries(rules)) {
        if (!rule.meta.languages.includes(LANGUAGE_IDS[key])) continue;
        const entry = ruleEntry(rule, config);
        if (entry !== undefined) enabled[`${namespace}/${name}`] = entry;
      }
      if (files(key).length === 0 || Object.keys(enabled).length === 0) return [];
      return [
        {
          name: `${namespace}/${config}/${key}`,
          files: files(key),
          plugins: { [namespace]: plugin },
          ...languageBlock(key),
          rules: enabled,
        },
      ];
    });
  // Runbooks: the recommended rules on fenced code blocks, by info string; prose is never linted.
  const markdownConfig: Linter.Config[] = [
    {
      name: `${namespace}/markdown/processor`,
      files: ["**/*.md"],
      // @eslint/markdown's processor, with the positions of indented and JS blocks corrected.
      processor: markdownProcessor,
    },
    ...build("recommended", (key) => MARKDOWN_FENCES[key].map((fence) => `**/*.md/*.${fence}`)).map((block) => ({
      ...block,
      name: block.name!.replace("/recommended/", "/markdown/"),
    })),
  ];
  return {
    recommended: build("recommended"),
    strict: build("strict"),
    v8: build("v8"),
    markdown: markdownConfig,
  };
}
