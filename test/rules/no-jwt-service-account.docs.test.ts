/**
 * The examples of docs/rules/no-jwt-service-account.md, linted as a user's config would lint
 * them: every ❌ block is reported, every ✅ block is silent, so the page cannot drift from the rule.
 */
import { Linter } from "eslint";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import plugin from "../../src/index.js";

const RULE = "campaign-ims/no-jwt-service-account";
const page = readFileSync(new URL("../../docs/rules/no-jwt-service-account.md", import.meta.url), "utf8");

// The file name each fence is linted as (the plugin's configs pick the language from it).
const FILENAMES: Record<string, (code: string) => string> = {
  js: () => "example.js",
  ts: () => "example.ts",
  xml: () => "config-prod.xml",
  sh: () => "setup.sh",
  dockerfile: () => "Dockerfile",
  http: () => "token.http",
  json: (code) => (code.includes('"item"') ? "ims.postman_collection.json" : "package.json"),
};

interface Example {
  verdict: "incorrect" | "correct";
  fence: string;
  code: string;
  line: number;
}

/** The fenced blocks under each "❌ Incorrect" / "✅ Correct" line of the Examples section. */
function examples(): Example[] {
  const lines = page.slice(page.indexOf("\n## Examples")).split("\n");
  const offset = page.slice(0, page.indexOf("\n## Examples")).split("\n").length;
  const found: Example[] = [];
  let verdict: Example["verdict"] | undefined;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (line.startsWith("## ") && line !== "## Examples") break;
    if (line.startsWith("❌")) verdict = "incorrect";
    else if (line.startsWith("✅")) verdict = "correct";
    else if (line.startsWith("### ")) verdict = undefined;
    const fence = /^```(\w+)$/.exec(line);
    if (fence === null) continue;
    const end = lines.indexOf("```", index + 1);
    if (verdict !== undefined) found.push({ verdict, fence: fence[1]!, code: `${lines.slice(index + 1, end).join("\n")}\n`, line: offset + index });
    index = end;
  }
  return found;
}

const config: Linter.Config[] = plugin.configs["recommended-all-languages"].map((block) =>
  block.rules === undefined ? block : { ...block, rules: Object.fromEntries(Object.entries(block.rules).filter(([id]) => id === RULE)) },
);

function lint(example: Example): string[] {
  const filename = FILENAMES[example.fence]?.(example.code);
  if (filename === undefined) throw new Error(`no file name for \`\`\`${example.fence} (line ${example.line})`);
  return new Linter({ cwd: process.cwd() })
    .verify(example.code, config, { filename: `${process.cwd()}/docs-example/${filename}` })
    .map((message) => `${message.line}:${message.column} ${message.messageId ?? message.message}`);
}

describe("no-jwt-service-account docs examples", () => {
  const all = examples();

  it("has incorrect and correct examples for every language", () => {
    const fences = (verdict: Example["verdict"]) => new Set(all.filter((example) => example.verdict === verdict).map((example) => example.fence));
    for (const fence of ["js", "xml", "sh", "dockerfile", "json", "http"]) {
      expect(fences("incorrect")).toContain(fence);
      expect(fences("correct")).toContain(fence);
    }
  });

  it.each(all.filter((example) => example.verdict === "incorrect").map((example) => [example.fence, example.line, example] as const))(
    "reports the incorrect ```%s block at line %i",
    (_fence, _line, example) => {
      expect(lint(example)).not.toEqual([]);
    },
  );

  it.each(all.filter((example) => example.verdict === "correct").map((example) => [example.fence, example.line, example] as const))(
    "is silent on the correct ```%s block at line %i",
    (_fence, _line, example) => {
      expect(lint(example)).toEqual([]);
    },
  );
});
