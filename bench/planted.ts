/**
 * What the corpus plants: the files of fixtures/legacy-repo (every pattern family in every
 * language the plugin lints), each with the findings the recommended profile reports in it, and
 * the files of fixtures/migrated-repo as decoys (they contain keywords, so they are parsed, and
 * must stay quiet). Both are snapshots in bench/planted/ (copied from fixtures/), so that the
 * ground truth below does not move when the fixtures grow; refresh them together. A planted copy gets filler lines inserted at a place where they change no
 * finding, which shifts the expected lines, and JS-like copies get filler code appended.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

export type Comment = "slash" | "hash" | "xml" | "prose" | "none";

export interface ExpectedFinding {
  line: number;
  column: number;
  /** Rule name without the plugin prefix. */
  rule: string;
}

export interface PlantedTemplate {
  /** Path in fixtures/legacy-repo; the planted copy keeps the file name. */
  fixture: string;
  /** Filler lines go after this line (0: at the top), in this comment syntax. */
  insertAfter: number;
  comment: Comment;
  /** Filler code of this flavour is appended at the end. */
  append?: "ts" | "tsx" | "cjs" | "mjs";
  /** The recommended profile's findings in the fixture as it is (line, column, rule). */
  findings: ReadonlyArray<readonly [number, number, string]>;
}

export const PLANTED_TEMPLATES: readonly PlantedTemplate[] = [
  { fixture: ".env.example", insertAfter: 0, comment: "hash", findings: [[3, 14, "no-hardcoded-campaign-secret"], [4, 1, "no-session-token"], [4, 18, "no-hardcoded-campaign-secret"]] },
  { fixture: ".github/workflows/deploy.yml", insertAfter: 0, comment: "hash", findings: [[10, 47, "no-jwt-service-account"], [12, 26, "no-session-token"]] },
  { fixture: "Dockerfile", insertAfter: 0, comment: "hash", findings: [[5, 21, "no-jwt-service-account"]] },
  {
    fixture: "config/config-prod.xml",
    insertAfter: 1,
    comment: "xml",
    findings: [[4, 86, "no-hardcoded-campaign-secret"], [4, 171, "no-jwt-service-account"], [4, 192, "no-hardcoded-campaign-secret"], [6, 14, "no-jwt-service-account"], [6, 38, "no-jwt-service-account"], [6, 54, "no-hardcoded-campaign-secret"]],
  },
  { fixture: "config/serverConf.xml", insertAfter: 1, comment: "xml", findings: [[6, 54, "no-insecure-security-zone"], [6, 79, "no-insecure-security-zone"]] },
  {
    fixture: "docs/runbook.md",
    insertAfter: 2,
    comment: "prose",
    findings: [[9, 37, "no-jwt-service-account"], [9, 120, "no-hardcoded-campaign-secret"], [9, 157, "no-hardcoded-campaign-secret"], [16, 13, "no-password-logon"], [24, 38, "no-password-logon"]],
  },
  {
    fixture: "http/campaign.http",
    insertAfter: 0,
    comment: "hash",
    findings: [[2, 17, "no-hardcoded-campaign-secret"], [7, 13, "no-password-logon"], [24, 1, "no-session-token"], [25, 9, "no-session-token"], [30, 25, "no-session-token"], [37, 48, "no-password-logon"]],
  },
  { fixture: "integration/wso2-proxy.xml", insertAfter: 1, comment: "xml", findings: [[5, 36, "no-password-logon"]] },
  { fixture: "package.json", insertAfter: 0, comment: "none", findings: [[7, 40, "no-password-logon"], [11, 5, "no-jwt-service-account"]] },
  {
    fixture: "postman/campaign.postman_collection.json",
    insertAfter: 0,
    comment: "none",
    findings: [[12, 44, "no-password-logon"], [28, 21, "no-session-token"], [32, 174, "no-session-token"]],
  },
  { fixture: "scripts/refresh-token.ps1", insertAfter: 0, comment: "hash", findings: [[4, 29, "prefer-ims-bearer-token"]] },
  {
    fixture: "scripts/setup-ims.sh",
    insertAfter: 1,
    comment: "hash",
    findings: [[7, 3, "no-jwt-service-account"], [7, 87, "no-hardcoded-campaign-secret"], [11, 19, "no-password-logon"], [14, 79, "no-session-token"], [14, 94, "no-hardcoded-campaign-secret"]],
  },
  { fixture: "soap/logon.xml", insertAfter: 1, comment: "xml", findings: [[5, 6, "no-password-logon"]] },
  { fixture: "soap/push-event.xml", insertAfter: 1, comment: "xml", findings: [[4, 6, "no-session-token"], [8, 25, "no-hardcoded-campaign-secret"], [8, 25, "no-session-token"]] },
  {
    fixture: "src/campaign-client.ts",
    insertAfter: 0,
    comment: "slash",
    append: "ts",
    findings: [[5, 57, "no-password-logon"], [16, 40, "no-password-logon"], [16, 112, "no-hardcoded-campaign-secret"]],
  },
  {
    fixture: "src/ims/jwt-token.ts",
    insertAfter: 0,
    comment: "slash",
    append: "ts",
    findings: [[2, 18, "no-jwt-service-account"], [6, 34, "no-jwt-service-account"], [12, 19, "no-jwt-service-account"], [17, 34, "no-jwt-service-account"]],
  },
  {
    fixture: "src/legacy/session.js",
    insertAfter: 0,
    comment: "slash",
    append: "cjs",
    findings: [[6, 21, "no-session-token"], [6, 41, "no-hardcoded-campaign-secret"], [11, 43, "prefer-ims-bearer-token"]],
  },
  {
    fixture: "src/push-event.mjs",
    insertAfter: 0,
    comment: "slash",
    append: "mjs",
    findings: [[9, 25, "no-session-token"], [19, 7, "no-session-token"], [28, 6, "no-password-logon"], [36, 68, "no-password-logon"]],
  },
  {
    fixture: "src/web/CampaignWidget.tsx",
    insertAfter: 0,
    comment: "slash",
    append: "tsx",
    findings: [[4, 40, "no-session-token"], [4, 71, "no-hardcoded-campaign-secret"], [4, 114, "no-hardcoded-campaign-secret"]],
  },
  {
    fixture: "workflows/sync-operators.xml",
    insertAfter: 1,
    comment: "xml",
    findings: [[7, 29, "no-password-logon"], [8, 22, "no-password-logon"], [9, 5, "no-session-token"]],
  },
];

/** fixtures/migrated-repo: keywords everywhere, no finding. */
export const DECOY_FIXTURES: readonly string[] = [
  ".env.example",
  "config/config-prod.xml",
  "config/serverConf.xml",
  "docs/runbook.md",
  "http/campaign.http",
  "package.json",
  "scripts/setup-ims.sh",
  "soap/push-event.xml",
  "soap/session-service.wsdl.xml",
  "src/campaign-client.ts",
  "src/ims-token.ts",
  "src/lookalikes.ts",
  "src/push-event.mjs",
];

export const LEGACY_REPO = "bench/planted/legacy-repo";
/** Snapshot files carry this suffix, so that the type-checker and linters leave them alone. */
export const SNAPSHOT_SUFFIX = ".snapshot";
export const MIGRATED_REPO = "bench/planted/migrated-repo";

/** The fixtures' texts, read once per generation from the repository. */
export function readFixtures(repositoryRoot: string): { legacy: Map<string, string>; migrated: Map<string, string> } {
  const read = (folder: string, paths: readonly string[]): Map<string, string> =>
    new Map(paths.map((path) => [path, readFileSync(join(repositoryRoot, folder, `${path}${SNAPSHOT_SUFFIX}`), "utf8")]));
  return {
    legacy: read(LEGACY_REPO, PLANTED_TEMPLATES.map((template) => template.fixture)),
    migrated: read(MIGRATED_REPO, DECOY_FIXTURES),
  };
}

/** The fixture's text with `lines` inserted after line `after` (the text's own line ending). */
export function insertLines(text: string, after: number, lines: readonly string[]): string {
  if (lines.length === 0) return text;
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const all = text.split(eol);
  all.splice(after, 0, ...lines);
  return all.join(eol);
}

export function commentLine(comment: Comment, words: string): string {
  switch (comment) {
    case "slash":
      return `// ${words}`;
    case "hash":
      return `# ${words}`;
    case "xml":
      return `<!-- ${words} -->`;
    case "prose":
      return words;
    case "none":
      throw new Error("this template takes no inserted lines");
  }
}
