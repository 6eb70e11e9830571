/**
 * The shareable configs, derived from rule meta and the tables below, never from hand lists.
 *
 * Rule profiles: `recommended` (rules whose `meta.docs.recommended` is true, at "error"),
 * `strict` (every rule) and `v8` (`recommended` with each rule's `meta.v8Options`: Campaign v8.5+
 * fixes that rely on direct IMS bearer support are applied rather than offered as suggestions).
 *
 * Configs (`RULE_CONFIGS`): a profile and the languages it lints.
 * - The default configs (`recommended`, `v8`) lint only TS/JS, which ESLint lints anyway: they add
 *   no file to the lint, so a user's block without `files`, or a rule turned on globally, never
 *   meets a file of another language because of the plugin.
 * - `recommended-all-languages`, `v8-all-languages` and `strict` add the plugin's own languages
 *   (XML, HTTP, shell-like, JSON files, by glob). ESLint applies the rules of a block without
 *   `files` to those files too, and JavaScript rules crash there: next to these configs, such
 *   blocks need `files` (README, "Configs").
 *
 * Parsers: no block sets a parser on JavaScript files (espree, or the user's parser, stays). The
 * first block of each config gives TypeScript files (`TYPESCRIPT_FILES`) @typescript-eslint/parser,
 * so `eslint .` works on TypeScript with nothing else configured; a parser the user sets for them
 * in a later block wins (typescript-eslint's configs set the same parser, in either order).
 *
 * Each config is an array with one block per language, so a rule is only enabled on the files of
 * a language it supports (ESLint checks `meta.languages`). A new language is a row in
 * `LANGUAGE_FILES` and `MARKDOWN_FENCES` (and its id in create-rule.ts); a new config is a row in
 * `RULE_CONFIGS` or `MARKDOWN_CONFIGS`.
 */
import type { ESLint, Linter } from "eslint";
import { LANGUAGE_IDS, type CampaignRule, type LanguageKey } from "./create-rule.js";
import { componentProcessor, htmlProcessor } from "./languages/embedded/html.js";
import { xmlScriptProcessor } from "./languages/embedded/xml-scripts.js";
import { markdownProcessor, markdownWithLanguageProcessor } from "./languages/markdown-processor.js";
import { lazyTsParser } from "./lazy-ts-parser.js";
import type { Profile } from "./scanner/types.js";

const ALL_LANGUAGES = Object.keys(LANGUAGE_IDS) as LanguageKey[];
/** What the default configs lint: only what ESLint lints without the plugin. */
const CODE_LANGUAGES: LanguageKey[] = ["js"];

/** Every rule config: its profile and the languages it lints. */
export const RULE_CONFIGS = {
  recommended: { profile: "recommended", languages: CODE_LANGUAGES },
  v8: { profile: "v8", languages: CODE_LANGUAGES },
  "recommended-all-languages": { profile: "recommended", languages: ALL_LANGUAGES },
  "v8-all-languages": { profile: "v8", languages: ALL_LANGUAGES },
  strict: { profile: "strict", languages: ALL_LANGUAGES },
} as const satisfies Record<string, { profile: Profile; languages: readonly LanguageKey[] }>;

/** The Markdown configs (the `recommended` rules on fenced code blocks): their processor. */
export const MARKDOWN_CONFIGS = {
  // Fenced code blocks only; the Markdown text itself is not linted.
  markdown: markdownProcessor,
  // Fenced code blocks, and the Markdown file itself with the language the user set for it
  // (@eslint/markdown's `markdown/commonmark`), so @eslint/markdown's own rules keep working.
  "markdown-with-language": markdownWithLanguageProcessor,
} as const;

export type ConfigName = keyof typeof RULE_CONFIGS | keyof typeof MARKDOWN_CONFIGS;
export const CONFIG_NAMES = [...Object.keys(RULE_CONFIGS), ...Object.keys(MARKDOWN_CONFIGS)] as ConfigName[];

/** The config with a profile's rules on every language (the scanner lints them all). */
export const allLanguagesConfig = (profile: Profile): ConfigName =>
  (Object.keys(RULE_CONFIGS) as Array<keyof typeof RULE_CONFIGS>).find(
    (name) => RULE_CONFIGS[name].profile === profile && RULE_CONFIGS[name].languages === ALL_LANGUAGES,
  )!;

/** TS/JS files that get @typescript-eslint/parser (JavaScript files keep theirs). */
export const TYPESCRIPT_EXTENSIONS = ["ts", "mts", "cts", "tsx"];

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

/** The block that parses TypeScript files (or fenced TS blocks) matched by `patterns`. */
const typescriptParserBlock = (namespace: string, name: string, patterns: string[]): Linter.Config => ({
  name: `${namespace}/${name}/typescript-parser`,
  files: patterns,
  languageOptions: { parser: lazyTsParser },
});

/** Single-file components whose `<script>` blocks the all-languages configs lint (`App.vue/0.ts`). */
export const COMPONENT_FILES = ["**/*.vue", "**/*.svelte"];

/** Documents whose code blocks the Markdown configs lint, with the processor that extracts them. */
const DOCUMENT_PROCESSORS = (markdown: Linter.Processor): Array<{ files: string[]; processor: Linter.Processor; label: string }> => [
  { label: "processor", files: ["**/*.md"], processor: markdown },
  // HTML pages: <pre>, block <code> and <script> (embedded/html.ts).
  { label: "html", files: ["**/*.html", "**/*.htm"], processor: htmlProcessor },
];

const languageBlock = (key: LanguageKey): Partial<Linter.Config> => (key === "js" ? {} : { language: LANGUAGE_IDS[key] });

function ruleEntry(rule: CampaignRule<string, any>, profile: Profile): Linter.RuleEntry | undefined {
  if (profile === "strict") return rule.meta.strictOptions === undefined ? "error" : ["error", ...rule.meta.strictOptions];
  if (!rule.meta.docs.recommended) return undefined;
  if (profile === "v8" && rule.meta.v8Options !== undefined) return ["error", ...rule.meta.v8Options];
  return "error";
}

export function createConfigs(
  plugin: ESLint.Plugin,
  rules: Record<string, CampaignRule<string, any>>,
  namespace: string,
): Record<ConfigName, Linter.Config[]> {
  /** One block per language of `languages` with the profile's rules for it, on `files(key)`. */
  const ruleBlocks = (name: string, profile: Profile, languages: readonly LanguageKey[], files: (key: LanguageKey) => string[]): Linter.Config[] =>
    languages.flatMap((key) => {
      const enabled: Linter.RulesRecord = {};
      for (const [ruleName, rule] of Object.entries(rules)) {
        if (!rule.meta.languages.includes(LANGUAGE_IDS[key])) continue;
        const entry = ruleEntry(rule, profile);
        if (entry !== undefined) enabled[`${namespace}/${ruleName}`] = entry;
      }
      if (files(key).length === 0 || Object.keys(enabled).length === 0) return [];
      return [{ name: `${namespace}/${name}/${key}`, files: files(key), plugins: { [namespace]: plugin }, ...languageBlock(key), rules: enabled }];
    });

  /**
   * Files that hold code of the plugin's languages inside another syntax; only the all-languages
   * configs add them, since they add files to the lint.
   */
  const embeddedBlocks = (name: string): Linter.Config[] => [
    // Their scripts are code blocks of the plugin's own (`x.xml/0.js`, `App.vue/0.ts`), not the
    // user's JS files: parsed like TS/JS fences, so E4X literals and JSX parse.
    typescriptParserBlock(namespace, `${name}/embedded`, [...COMPONENT_FILES, ...LANGUAGE_FILES.xml].map((host) => `${host}/*.{${MARKDOWN_FENCES.js.join(",")}}`)),
    // Vue and Svelte components: their <script> blocks, linted by the JS block (`**/*.ts` matches `App.vue/0.ts`).
    { name: `${namespace}/${name}/components`, files: COMPONENT_FILES, processor: componentProcessor },
    // XML: the file itself (XML rules) and its <script>/<initScript>/<source> JavaScript (JS rules).
    { name: `${namespace}/${name}/xml-scripts`, files: LANGUAGE_FILES.xml, processor: xmlScriptProcessor },
  ];

  const configs = {} as Record<ConfigName, Linter.Config[]>;
  for (const [name, { profile, languages }] of Object.entries(RULE_CONFIGS)) {
    configs[name as ConfigName] = [
      typescriptParserBlock(namespace, name, [`**/*.{${TYPESCRIPT_EXTENSIONS.join(",")}}`]),
      ...ruleBlocks(name, profile, languages, (key) => LANGUAGE_FILES[key]),
      ...(languages === ALL_LANGUAGES ? embeddedBlocks(name) : []),
    ];
  }
  // Runbooks and HTML pages: the recommended rules on code blocks, by info string (or by content
  // where the info string says nothing); prose is never linted by the plugin. The processors name
  // each block `<index>.<language>`.
  const fence = (info: string) => `**/*.{md,html,htm}/*.${info}`;
  for (const [name, processor] of Object.entries(MARKDOWN_CONFIGS)) {
    configs[name as ConfigName] = [
      ...DOCUMENT_PROCESSORS(processor).map(({ label, files, processor }) => ({ name: `${namespace}/${name}/${label}`, files, processor })),
      // Code blocks are the plugin's own virtual files: every TS/JS block gets the TypeScript parser
      // (JSX, and the E4X literals of Campaign's server-side JavaScript, parse).
      typescriptParserBlock(namespace, name, MARKDOWN_FENCES.js.map(fence)),
      ...ruleBlocks(name, "recommended", ALL_LANGUAGES, (key) => MARKDOWN_FENCES[key].map(fence)),
    ];
  }
  return configs;
}
