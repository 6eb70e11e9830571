/**
 * Control characters from file names and file content are escaped in the text, Markdown, GitHub
 * and CSV reports: a hostile file cannot clear the terminal, rewrite a line, or reorder text
 * with a bidi override to fake "0 findings".
 */
import { describe, expect, it } from "vitest";
import { renderCsv } from "../../src/report/csv.js";
import { escapeControlCharacters } from "../../src/report/control-characters.js";
import { renderGithub } from "../../src/report/github.js";
import { renderMarkdown } from "../../src/report/markdown.js";
import { renderText } from "../../src/report/text.js";
import type { ScanResult } from "../../src/scanner/types.js";
import { SAMPLE } from "./sample-result.js";

/** Clears the screen, moves home, and prints a fake all-clear. */
const CLEAR = "\u001b[2J\u001b[H0 findings";
/** Every character the reports must not let through raw. */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** SAMPLE with hostile text in a file name, the frame (before the span), the message, a skipped file and a problem. */
const HOSTILE: ScanResult = {
  ...SAMPLE,
  findings: SAMPLE.findings.map((finding, index) =>
    index === 0
      ? {
          ...finding,
          path: `src/\u202eevil\u202c.ts`,
          message: `Native logon ${CLEAR}`,
          evidence: `/*\u001b[2J*/ cnx.ofUserAndPassword(url, "****", "****");`,
          frame: { text: '\u001b[2J\u009b\rcnx.ofUserAndPassword(url, "****", "****");', start: 6, end: 23 },
        }
      : finding,
  ),
  skipped: [{ path: "assets/\u0007bell\u007f.js", reason: "binary", detail: "NUL byte in the first 8000 bytes" }],
  errors: [{ path: "soap/broken.xml", line: 2, column: 4, kind: "parse-problem", message: "Unclosed \u2066tag\u2069" }],
};

describe("escapeControlCharacters", () => {
  it("escapes C0 (but tab and line feed), DEL, C1 and bidi controls, and nothing else", () => {
    expect(escapeControlCharacters("\u0000\u0007\u0008\u000b\u000c\r\u001b\u007f\u0080\u009b\u009f")).toBe(
      "\\x00\\x07\\x08\\x0b\\x0c\\x0d\\x1b\\x7f\\x80\\x9b\\x9f",
    );
    expect(escapeControlCharacters("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")).toBe(
      "\\u202a\\u202b\\u202c\\u202d\\u202e\\u2066\\u2067\\u2068\\u2069",
    );
    // Kept: tab, line feed, printable ASCII and Latin-1, other Unicode (LRM, emoji, CJK), a backslash.
    const kept = "a\tb\nc ~ \u00a0é\u00ff \u200e \u2029 \u2070 😀 漢 \\x1b";
    expect(escapeControlCharacters(kept)).toBe(kept);
    expect(escapeControlCharacters(escapeControlCharacters(CLEAR))).toBe("\\x1b[2J\\x1b[H0 findings");
  });
});

describe("reports", () => {
  it("text: escaped everywhere, the caret still under the span", () => {
    const text = renderText(HOSTILE);
    expect(text).not.toMatch(UNSAFE);
    const lines = text.split("\n");
    expect(lines.slice(0, 4)).toEqual([
      "src/\\u202eevil\\u202c.ts",
      "  3:5  error  Native logon \\x1b[2J\\x1b[H0 findings  campaign-ims/no-password-logon",
      '    3 | \\x1b[2J\\x9b\\x0dcnx.ofUserAndPassword(url, "****", "****");',
      `      | ${" ".repeat(15)}${"^".repeat(17)}`,
    ]);
    expect(lines).toContain("  assets/\\x07bell\\x7f.js  binary: NUL byte in the first 8000 bytes");
    expect(lines).toContain("  soap/broken.xml:2:4  parse-problem: Unclosed \\u2066tag\\u2069");
  });

  it("markdown, github and csv: no control character left, each shown as its escape", () => {
    const markdown = renderMarkdown(HOSTILE);
    // Markdown escapes its own syntax ("[") after the control characters are shown.
    expect(markdown).toContain("| Native logon \\x1b\\[2J\\x1b\\[H0 findings |");
    expect(renderGithub(HOSTILE)).toContain("::Native logon \\x1b[2J\\x1b[H0 findings\n");
    for (const output of [markdown, renderGithub(HOSTILE)]) {
      expect(output).not.toMatch(UNSAFE);
      expect(output).toContain("\\u202eevil\\u202c.ts");
      expect(output).toContain("\\x07bell\\x7f.js");
    }
    const csv = renderCsv(HOSTILE);
    // Rows still end with CRLF; no other carriage return or control character.
    expect(csv.replaceAll("\r\n", "\n")).not.toMatch(UNSAFE);
    expect(csv.split("\r\n")[1]).toBe(
      "campaign-ims/no-password-logon,error,native-login,src/\\u202eevil\\u202c.ts,3,5,3,22,Native logon \\x1b[2J\\x1b[H0 findings," +
        '0123456789abcdef0123456789abcdef,false,true,"/*\\x1b[2J*/ cnx.ofUserAndPassword(url, ""****"", ""****"");",admin,https://acme.campaign.adobe.com',
    );
  });

  it("leaves a report without control characters byte-identical (the negative case)", () => {
    const plain = { ...SAMPLE };
    expect(renderText(plain)).toBe(renderText(SAMPLE));
    expect(escapeControlCharacters(renderText(SAMPLE))).toBe(renderText(SAMPLE));
    expect(escapeControlCharacters(renderMarkdown(SAMPLE))).toBe(renderMarkdown(SAMPLE));
  });
});
