/**
 * The compatibility matrix: the packed plugin next to the configs a project already has, on ESLint
 * 9 and 10. Each scenario lints the same sample twice with the project's own `eslint` binary, with
 * the user's config alone and with the plugin's configs added after it (or before it), and asserts: no crash; the
 * other configs' findings (and parse errors) on every file the run without the plugin lints are
 * exactly the same; the only files the plugin adds are TypeScript files; the plugin's findings are
 * there; and `.js` files keep their parser (a probe rule reports which parser ESLint used).
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { runProjectEslint, type EslintLine, type EslintRun } from "./support/projects.js";
import { writeSample } from "./support/sample.js";

const { projects } = inject("e2e");

// A local rule that reports the name of the parser ESLint gave each JS file.
const PROBE = [
  "const probe = { rules: { parser: {",
  '  meta: { type: "problem", schema: [], messages: { parser: "parsed by {{name}}" } },',
  '  create: (context) => ({ Program: (node) => context.report({ node, messageId: "parser", data: { name: (context.languageOptions.parser?.meta ?? context.languageOptions.parser)?.name ?? "(none)" } }) }),',
  "} } };",
].join("\n");
const PROBE_BLOCK = '{ files: ["**/*.js", "**/*.cjs", "**/*.mjs"], plugins: { probe }, rules: { "probe/parser": "warn" } }';

interface Scenario {
  imports: string;
  /** The user's config: flat-config array elements. */
  user: (sampleDir: string) => string;
  /** The plugin's configs, added after the user's config (before it with `pluginFirst`). */
  plugin: string;
  pluginFirst?: boolean;
  /** The parser the probe reports on `.js` files, with and without the plugin. */
  jsParser: string;
  /** The plugin's findings, `file:line:column rule/messageId`. */
  findings: string[];
}

const JS_FINDINGS = [
  "src/client.ts:5:31 no-session-token/ofSessionToken",
  "src/legacy.js:5:44 no-password-logon/ofUserAndPassword",
  "src/session.cjs:3:54 no-session-token/ofSessionToken",
];

const SCENARIOS: Record<string, Scenario> = {
  "@eslint/js recommended": {
    imports: 'import js from "@eslint/js";',
    user: () => "js.configs.recommended",
    plugin: "...campaignIms.configs.recommended",
    jsParser: "espree",
    findings: JS_FINDINGS,
  },
  "typescript-eslint recommended": {
    imports: 'import tseslint from "typescript-eslint";',
    user: () => "...tseslint.configs.recommended",
    plugin: "...campaignIms.configs.recommended",
    jsParser: "typescript-eslint/parser",
    findings: JS_FINDINGS,
  },
  "typescript-eslint recommended, the plugin's config first": {
    imports: 'import tseslint from "typescript-eslint";',
    user: () => "...tseslint.configs.recommended",
    plugin: "...campaignIms.configs.recommended",
    pluginFirst: true,
    jsParser: "typescript-eslint/parser",
    findings: JS_FINDINGS,
  },
  "typescript-eslint recommendedTypeChecked with projectService": {
    imports: 'import tseslint from "typescript-eslint";',
    user: (sampleDir) =>
      `...tseslint.configs.recommendedTypeChecked, { languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: ${JSON.stringify(sampleDir)} } } }`,
    plugin: "...campaignIms.configs.recommended",
    jsParser: "typescript-eslint/parser",
    findings: JS_FINDINGS,
  },
  "@eslint/markdown recommended": {
    imports: 'import markdown from "@eslint/markdown";',
    user: () => "...markdown.configs.recommended",
    plugin: '...campaignIms.configs.recommended, ...campaignIms.configs["markdown-with-language"]',
    jsParser: "espree",
    findings: ["docs/runbook.md:6:22 no-password-logon/soapLogonAction", ...JS_FINDINGS],
  },
  "@eslint/json recommended": {
    imports: 'import json from "@eslint/json";',
    user: () => '{ files: ["**/*.json"], language: "json/json", ...json.configs.recommended }',
    plugin: "...campaignIms.configs.recommended",
    jsParser: "espree",
    findings: JS_FINDINGS,
  },
  'a block without files: { rules: { "no-console": "error" } }': {
    imports: "",
    user: () => '{ rules: { "no-console": "error" } }',
    plugin: "...campaignIms.configs.recommended",
    jsParser: "espree",
    findings: JS_FINDINGS,
  },
};

const SAMPLE = "matrix";

function configText(scenario: Scenario, sampleDir: string, withPlugin: boolean): string {
  return [
    scenario.imports,
    withPlugin ? 'import campaignIms from "eslint-plugin-campaign-ims";' : "",
    PROBE,
    withPlugin && scenario.pluginFirst === true
      ? `export default [${scenario.plugin}, ${scenario.user(sampleDir)}, ${PROBE_BLOCK}];`
      : `export default [${scenario.user(sampleDir)}, ${PROBE_BLOCK}${withPlugin ? `, ${scenario.plugin}` : ""}];`,
    "",
  ].join("\n");
}

type Message = EslintRun["results"][number]["messages"][number];
const relative = (project: string, file: string) => path.relative(path.join(project, SAMPLE), file).split(path.sep).join("/");
const isPlugin = (message: Message) => message.ruleId?.startsWith("campaign-ims/") === true;
const others = (run: EslintRun, project: string) =>
  Object.fromEntries(
    run.results.map(({ filePath, messages }) => [
      relative(project, filePath),
      messages.filter((message) => !isPlugin(message)).map(({ ruleId, messageId, message, line, column, endLine, endColumn }) => ({ ruleId, messageId, message, line, column, endLine, endColumn })),
    ]),
  );

describe.each(["9", "10"] as EslintLine[])("ESLint %s: the plugin next to other configs", (line) => {
  const project = projects[line];
  const sampleDir = path.join(project, SAMPLE);
  writeSample(sampleDir);

  it.each(Object.keys(SCENARIOS))("%s", (name) => {
    const scenario = SCENARIOS[name]!;
    const slug = name.replace(/[^a-z0-9]+/giu, "-").toLowerCase();
    const run = (withPlugin: boolean): EslintRun => {
      const config = `eslint.${slug}.${withPlugin ? "plugin" : "alone"}.config.mjs`;
      writeFileSync(path.join(project, config), configText(scenario, sampleDir, withPlugin));
      return runProjectEslint(project, ["--config", config, SAMPLE]);
    };
    const alone = run(false);
    const withPlugin = run(true);

    // No crash, on either run.
    for (const result of [alone, withPlugin]) {
      expect(result.stderr).toBe("");
      expect([0, 1]).toContain(result.status);
    }
    // The same findings of the other configs on every file ESLint lints without the plugin; the
    // plugin adds TypeScript files only (ESLint does not lint them by default).
    const before = others(alone, project);
    const after = others(withPlugin, project);
    expect(Object.keys(before).length).toBeGreaterThan(0);
    for (const file of Object.keys(before)) expect({ file, findings: after[file] }).toEqual({ file, findings: before[file] });
    expect(Object.keys(after).filter((file) => !(file in before) && !/\.[cm]?tsx?$/u.test(file))).toEqual([]);
    // `.js` files keep their parser.
    const parsers = withPlugin.results
      .filter(({ filePath }) => /\.[cm]?js$/u.test(filePath))
      .map(({ messages }) => messages.find((message) => message.ruleId === "probe/parser")?.message);
    expect(new Set(parsers)).toEqual(new Set([`parsed by ${scenario.jsParser}`]));
    // The plugin's findings.
    const findings = withPlugin.results
      .flatMap(({ filePath, messages }) => messages.filter(isPlugin).map((message) => `${relative(project, filePath)}:${message.line}:${message.column} ${message.ruleId!.slice("campaign-ims/".length)}/${message.messageId}`))
      .sort();
    expect(findings).toEqual(scenario.findings);
  });
});
