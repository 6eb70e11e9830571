/** The HTML report as text: escaping, masking, the content security policy, determinism. */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { CHART_MAX_BARS, CONTENT_SECURITY_POLICY, escapeHtml, renderHtml } from "../../src/report/html.js";
import type { ScanResult } from "../../src/scanner/types.js";
import { SAMPLE } from "./sample-result.js";

const hostile: ScanResult = {
  ...SAMPLE,
  root: "/repo/<b>x</b>",
  findings: SAMPLE.findings.map((finding, index) => ({
    ...finding,
    path: `src/<img src=x onerror=alert(${index})>.ts`,
    message: `</script><script>alert("${index}")</script> & 'quoted'`,
    evidence: `login("admin", "****") <!-- --> ${"`"}`,
    operator: `op"><svg onload=alert(1)>`,
  })),
};

describe("HTML report", () => {
  it("escapes everything taken from the scanned files", () => {
    expect(escapeHtml(`<a href="x">'&'</a>\u0000`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;\uFFFD");
    const html = renderHtml(hostile);
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<b>x</b>");
    expect(html).not.toContain('<script>alert("');
    expect(html).not.toContain("<svg onload");
    expect(html).toContain("src/&lt;img src=x onerror=alert(0)&gt;.ts:3:5");
    expect(html).toContain("&lt;/script&gt;&lt;script&gt;alert(&quot;1&quot;)&lt;/script&gt; &amp; &#39;quoted&#39;");
    // One script element: the page's own.
    expect(html.match(/<script/g)).toHaveLength(1);
  });

  it("shows the masked evidence and never the secret the scan saw", () => {
    const html = renderHtml(SAMPLE);
    expect(html).toContain("<code>cnx.ofUserAndPassword(url, &quot;****&quot;, &quot;****&quot;);</code>");
    expect(html).toContain("<code>=&lt;sessiontoken&gt;___****&lt;/sessiontoken&gt;</code>");
  });

  it("allows exactly its own style and script, by hash, and loads nothing", () => {
    const html = renderHtml(SAMPLE);
    const style = html.match(/<style>([\s\S]*?)<\/style>/)![1]!;
    const script = html.match(/<script>([\s\S]*?)<\/script>/)![1]!;
    const hash = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;
    expect(CONTENT_SECURITY_POLICY).toBe(`default-src 'none'; style-src ${hash(style)}; script-src ${hash(script)}; base-uri 'none'; form-action 'none'`);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`);
    // No attribute loads anything: no src, no stylesheet link, no url() in the style.
    expect(html).not.toMatch(/\ssrc=|<link|url\(|@import/);
    // Links out are only the rules' documentation (https, followed only on a click).
    expect([...html.matchAll(/href="([^"]*)"/g)].map((match) => match[1])).toEqual([
      "https://example.test/no-password-logon.md",
      "https://example.test/no-session-token.md",
    ]);
  });

  it("is the same for the same result, and says when there is nothing to report", () => {
    expect(renderHtml(structuredClone(SAMPLE))).toBe(renderHtml(SAMPLE));
    const clean = renderHtml({ ...SAMPLE, findings: [], skipped: [], errors: [] });
    expect(clean).toContain('<progress id="progress" max="5" value="5"></progress><span id="progress-text">5 of 5 steps done</span>');
    expect(clean).toContain('<p class="empty">No legacy Campaign authentication found.</p>');
    expect(clean).not.toContain('id="skipped"');
  });

  it("sums the bars past the chart's limit in one 'more' bar", () => {
    const findings = Array.from({ length: CHART_MAX_BARS + 3 }, (_, index) => ({ ...SAMPLE.findings[0]!, path: `dir-${String(index).padStart(2, "0")}/a.ts` }));
    const html = renderHtml({ ...SAMPLE, findings });
    const folderChart = html.match(/<figure class="chart" id="chart-folder">[\s\S]*?<\/figure>/)![0];
    const bars = [...folderChart.matchAll(/<g class="bar" data-label="([^"]*)" data-count="(\d+)"/g)].map((match) => [match[1], Number(match[2])]);
    expect(bars).toHaveLength(CHART_MAX_BARS);
    expect(bars.at(-1)).toEqual(["4 more", 4]);
    expect(bars[0]).toEqual(["dir-00/", 1]);
  });
});
