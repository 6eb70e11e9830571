import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import plugin from "../../src/index.js";
import { DOCS_HEADER_END, ruleHelp, ruleHelpFromPage } from "../../src/report/rule-docs.js";

const PAGE_URL = "https://example.test/repo/blob/main/docs/rules/demo-rule.md";

const PAGE = `# campaign-ims/demo-rule

📝 Generated description.

💼 Generated config list with a [link](https://eslint.org/).

${DOCS_HEADER_END}

Reports \`ofDemoLogon(url, user, password)\` calls, see [the scanner](../scanner.md) and
[options](#options).

## Rule details

| pattern | fix |
|---|---|
| \`ofDemoLogon\` | suggestion |
| \`demo#Logon\` | none |

- first item
  on two lines
- second item with **bold**

1. step one
2. step two

\`\`\`ts
const cnx = ofDemoLogon(url, "****", "****");
\`\`\`

> a quoted note

<!-- a comment -->
`;

describe("rule help from a docs page", () => {
  it("takes the page below the generated header, as text and as Markdown with absolute links", () => {
    const help = ruleHelpFromPage(PAGE, PAGE_URL);
    expect(help.fullDescription).toBe("Reports ofDemoLogon(url, user, password) calls, see the scanner and options.");
    expect(help.text).toBe(
      [
        "Reports ofDemoLogon(url, user, password) calls, see the scanner and options.",
        "Rule details",
        "pattern | fix\nofDemoLogon | suggestion\ndemo#Logon | none",
        "- first item on two lines\n- second item with bold",
        "1. step one\n2. step two",
        '    const cnx = ofDemoLogon(url, "****", "****");',
        "a quoted note",
      ].join("\n\n"),
    );
    expect(help.markdown).toContain("[the scanner](https://example.test/repo/blob/main/docs/scanner.md)");
    expect(help.markdown).toContain("[options](https://example.test/repo/blob/main/docs/rules/demo-rule.md#options)");
    expect(help.markdown).toContain("| `ofDemoLogon` | suggestion |");
    expect(help.markdown).toContain('```ts\nconst cnx = ofDemoLogon(url, "****", "****");\n```');
    expect(help.markdown).not.toContain("Generated");
    expect(help.markdown).not.toContain("eslint.org");
    expect(help.markdown.startsWith("Reports `ofDemoLogon(url, user, password)` calls")).toBe(true);
  });

  it("keeps absolute links and reads a page without the generated header whole", () => {
    const help = ruleHelpFromPage("Uses [IMS](https://developer.adobe.com/ims) tokens.\n", PAGE_URL);
    expect(help).toEqual({
      fullDescription: "Uses IMS tokens.",
      text: "Uses IMS tokens.",
      markdown: "Uses [IMS](https://developer.adobe.com/ims) tokens.",
    });
  });

  it("leaves a paragraph's last sentence out of the full description when it opens a list or table", () => {
    const page = "Zones weaken logons. The rule reports (on zones). It checks these attributes:\n\n- a\n";
    expect(ruleHelpFromPage(page, PAGE_URL).fullDescription).toBe("Zones weaken logons. The rule reports (on zones).");
    expect(ruleHelpFromPage("It checks these attributes:\n\n- a\n", PAGE_URL).fullDescription).toBe("It checks these attributes:");
  });

  it("reads the shipped docs/rules page of each rule, and nothing for other names", () => {
    const help = ruleHelp("no-password-logon")!;
    expect(help.fullDescription.startsWith("Disallow native Campaign login/password logons: the @adobe/acc-js-sdk factories ofUserAndPassword")).toBe(true);
    expect(help.markdown).toContain("## Rule details");
    expect(ruleHelp("no-such-rule")).toBeUndefined();
    expect(ruleHelp("../../package")).toBeUndefined();
  });

  it("ships every rule's page in the package (SARIF reads them at run time), and not the README screenshot", () => {
    const pack = spawnSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], {
      cwd: fileURLToPath(new URL("../..", import.meta.url)),
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(pack.status).toBe(0);
    const files = new Set((JSON.parse(pack.stdout) as Array<{ files: Array<{ path: string }> }>)[0]!.files.map((file) => file.path));
    for (const name of Object.keys(plugin.rules!)) expect(files.has(`docs/rules/${name}.md`), name).toBe(true);
    expect(files.has("docs/report-screenshot.png")).toBe(false);
  });
});
