/**
 * Non-UTF-8 files are decoded, never garbled: a file's findings (rule, place, message, evidence)
 * are those of the same text saved as UTF-8, whether it is UTF-8 with a BOM, UTF-16 (little or
 * big endian) with a BOM, or Windows-1252 / Latin-1 (the usual legacy encoding of Western
 * Windows tools: it used to be read as UTF-8, every accented letter turning into U+FFFD). A file
 * with a NUL byte in its first 8000 bytes is listed as binary, as git decides.
 */
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { REAL_PLUGIN_MODULE, scanDirectory } from "../scanner/support/scan-fixture.js";
import { encode, type Encoding } from "./support/trees.js";

/** Legacy Campaign files with accented letters in comments, logins and passwords. */
const FILES: Record<string, string> = {
  "config/campaign.properties": "# Opérateur technique (à migrer vers IMS)\nACC_URL=https://acme-mkt-prod1.campaign.adobe.com\nACC_USER=opérateur\nACC_PASSWORD=Passwört-Été\n",
  "scripts/setup.ps1": "# Paramètres de connexion\n$login = \"opérateur\"\nnlserver config -setimsjwtauth:Org@AdobeOrg/Client/Tech@techacct.adobe.com/Sécret/Key\n",
  "soap/logon.xml": '<?xml version="1.0"?>\n<!-- Connexion à Campaign -->\n<urn:Logon xmlns:urn="urn:xtk:session"><urn:sessiontoken/><urn:strLogin>opérateur</urn:strLogin><urn:strPassword>Passwört</urn:strPassword></urn:Logon>\n',
};

let root: string;
beforeEach(() => {
  root = realpathSync(mkdtempSync(join(tmpdir(), "campaign-ims-encodings-")));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

async function findingsIn(encoding: Encoding): Promise<unknown[]> {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root);
  for (const [path, text] of Object.entries(FILES)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), encode(text, encoding));
  }
  const result = await scanDirectory(root, { pluginModule: REAL_PLUGIN_MODULE });
  expect(result.skipped).toEqual([]);
  return result.findings.map(({ ruleId, path, line, column, endLine, endColumn, message, evidence, fingerprint }) => ({ ruleId, path, line, column, endLine, endColumn, message, evidence, fingerprint }));
}

describe("files in other encodings than UTF-8", { timeout: 120_000 }, () => {
  it("UTF-8 with a BOM, UTF-16 LE and BE with a BOM, Windows-1252: the findings of the UTF-8 file", async () => {
    const utf8 = await findingsIn("utf8");
    expect(utf8.length).toBeGreaterThanOrEqual(5);
    expect(JSON.stringify(utf8)).not.toContain("\uFFFD");
    for (const encoding of ["utf8-bom", "utf16le-bom", "utf16be-bom", "latin1"] as const) {
      expect({ encoding, findings: await findingsIn(encoding) }).toEqual({ encoding, findings: utf8 });
    }
  });

  it("a NUL byte in the first 8000 bytes: listed as binary", async () => {
    writeFileSync(join(root, "setup.sh"), Buffer.concat([Buffer.from("nlserver config -setimsjwtauth:a/b/c/d/e\n"), Buffer.from([0])]));
    const result = await scanDirectory(root, { pluginModule: REAL_PLUGIN_MODULE });
    expect({ findings: result.findings, skipped: result.skipped }).toEqual({
      findings: [],
      skipped: [{ path: "setup.sh", reason: "binary", detail: "NUL byte in the first 8000 bytes" }],
    });
  });
});
