import { describe, expect, it } from "vitest";
import {
  classifyImsContext,
  findCampaignMetascopes,
  findImsAuthOptions,
  findJwtExchangeEndpoints,
  findJwtPackageNames,
  findJwtTokenParams,
  isAioLibImsSpecifier,
  jwtPackageOf,
  jwtPackageSpec,
  packageInstallArgumentsStart,
  setImsOAuthEdits,
  type TextEdit,
} from "../../src/campaign/jwt.js";

/** The matched substrings, checked against the offsets so a wrong offset fails the test. */
function matched(find: (text: string) => { start: number; end: number; text: string }[], text: string): string[] {
  return find(text).map((match) => {
    expect(text.slice(match.start, match.end)).toBe(match.text);
    return match.text;
  });
}

describe("findJwtExchangeEndpoints", () => {
  it.each([
    ["https://ims-na1.adobelogin.com/ims/exchange/jwt", "https://ims-na1.adobelogin.com/ims/exchange/jwt"],
    ["https://ims-na1.adobelogin.com/ims/exchange/jwt/", "https://ims-na1.adobelogin.com/ims/exchange/jwt/"],
    ["https://ims-na1.adobelogin.com/ims/exchange/v1/jwt", "https://ims-na1.adobelogin.com/ims/exchange/v1/jwt"],
    ["http://ims-na1-stg1.adobelogin.com:8443/ims/exchange/jwt", "http://ims-na1-stg1.adobelogin.com:8443/ims/exchange/jwt"],
    ["//ims-na1.adobelogin.com/ims/exchange/jwt", "//ims-na1.adobelogin.com/ims/exchange/jwt"],
    ["curl -X POST ims-na1.adobelogin.com/ims/exchange/jwt -d x", "ims-na1.adobelogin.com/ims/exchange/jwt"],
    ["/ims/exchange/jwt", "/ims/exchange/jwt"],
    ["/ims/exchange/jwt?client_id=x", "/ims/exchange/jwt"],
    ["POST /IMS/Exchange/JWT HTTP/1.1", "/IMS/Exchange/JWT"],
    ["https://proxy.example.com/adobe/ims/exchange/jwt", "/ims/exchange/jwt"],
    // The host is split by an interpolation: only the path is a reliable match.
    [".adobelogin.com/ims/exchange/jwt", "/ims/exchange/jwt"],
  ])("finds %j", (text, expected) => {
    expect(matched(findJwtExchangeEndpoints, text)).toEqual([expected]);
  });

  it("gives exact offsets for several endpoints in one text", () => {
    const text = 'a = "https://ims-na1.adobelogin.com/ims/exchange/jwt"; b = "/ims/exchange/v1/jwt/"';
    expect(findJwtExchangeEndpoints(text)).toEqual([
      { start: 5, end: 52, text: "https://ims-na1.adobelogin.com/ims/exchange/jwt" },
      { start: 60, end: 81, text: "/ims/exchange/v1/jwt/" },
    ]);
  });

  it.each([
    "https://ims-na1.adobelogin.com/ims/token/v3",
    "https://ims-na1.adobelogin.com/ims/token/v2",
    "/ims/exchange/jwtx",
    "/ims/exchange/jwt-bearer",
    "/ims/exchange/v2/jwt",
    "/ims/exchange/token",
    "exchange jwt",
  ])("ignores %j", (text) => {
    expect(findJwtExchangeEndpoints(text)).toEqual([]);
  });
});

describe("findCampaignMetascopes", () => {
  it.each([
    ["https://ims-na1.adobelogin.com/s/ent_campaign_sdk", "https://ims-na1.adobelogin.com/s/ent_campaign_sdk"],
    ['"https://ims-na1.adobelogin.com/s/ent_campaign_sdk": true', "https://ims-na1.adobelogin.com/s/ent_campaign_sdk"],
    ["/s/ent_campaign_sdk", "/s/ent_campaign_sdk"],
    ["ent_campaign_sdk", "ent_campaign_sdk"],
    ["ENT_CAMPAIGN_SDK", "ENT_CAMPAIGN_SDK"],
  ])("finds %j", (text, expected) => {
    expect(matched(findCampaignMetascopes, text)).toEqual([expected]);
  });

  it("finds each entry of a comma-separated list", () => {
    expect(matched(findCampaignMetascopes, "ent_analytics_bulk_ingest_sdk,ent_campaign_sdk")).toEqual(["ent_campaign_sdk"]);
    expect(findCampaignMetascopes("x,ent_campaign_sdk")).toEqual([{ start: 2, end: 18, text: "ent_campaign_sdk" }]);
  });

  it.each(["ent_campaign_sdk_v2", "rent_campaign_sdk", "campaign_sdk", "ent_dataservices_sdk", "ent_campaign"])(
    "ignores %j",
    (text) => {
      expect(findCampaignMetascopes(text)).toEqual([]);
    },
  );
});

describe("JWT packages", () => {
  it("recognises the packages and their deep imports", () => {
    expect(jwtPackageOf("@adobe/jwt-auth")).toBe("@adobe/jwt-auth");
    expect(jwtPackageOf("@adobe/jwt-auth/index.js")).toBe("@adobe/jwt-auth");
    expect(jwtPackageOf("@adobe/aio-lib-ims-jwt")).toBe("@adobe/aio-lib-ims-jwt");
    expect(jwtPackageOf("@adobe/jwt-auth-extra")).toBeUndefined();
    expect(jwtPackageOf("@adobe/aio-lib-ims")).toBeUndefined();
    expect(jwtPackageOf("jsonwebtoken")).toBeUndefined();
  });

  it("tells aio-lib-ims from its JWT plugin", () => {
    expect(isAioLibImsSpecifier("@adobe/aio-lib-ims")).toBe(true);
    expect(isAioLibImsSpecifier("@adobe/aio-lib-ims/src/ims.js")).toBe(true);
    expect(isAioLibImsSpecifier("@adobe/aio-lib-core-ims")).toBe(true);
    expect(isAioLibImsSpecifier("@adobe/aio-lib-ims-jwt")).toBe(false);
    expect(isAioLibImsSpecifier("@adobe/aio-lib-ims-oauth")).toBe(false);
  });

  it("finds package names in text with offsets", () => {
    const text = '{ "@adobe/jwt-auth": "^2.0.0", "@adobe/aio-lib-ims-jwt": "^4", "@adobe/jwt-auth-x": "1" }';
    expect(findJwtPackageNames(text)).toEqual([
      { start: 3, end: 18, text: "@adobe/jwt-auth" },
      { start: 32, end: 54, text: "@adobe/aio-lib-ims-jwt" },
    ]);
  });
});

describe("classifyImsContext", () => {
  it("classifies the aio-lib-ims JWT context by its metascopes", () => {
    expect(
      classifyImsContext(["client_id", "client_secret", "technical_account_id", "ims_org_id", "private_key", "meta_scopes"]),
    ).toEqual({ kind: "jwt", key: "meta_scopes" });
  });

  it("classifies the @adobe/jwt-auth config by its metaScopes", () => {
    expect(
      classifyImsContext(["clientId", "technicalAccountId", "orgId", "clientSecret", "privateKey", "metaScopes"]),
    ).toEqual({ kind: "jwt", key: "metaScopes" });
  });

  it("classifies OAuth Server-to-Server contexts as OAuth", () => {
    expect(
      classifyImsContext([
        "client_id",
        "client_secrets",
        "technical_account_id",
        "technical_account_email",
        "ims_org_id",
        "scopes",
      ]),
    ).toEqual({ kind: "oauth", key: "client_secrets" });
    expect(classifyImsContext(["clientId", "clientSecret", "orgId", "scopes"])).toEqual({ kind: "oauth", key: "scopes" });
  });

  it("does not call a private key alone JWT", () => {
    expect(classifyImsContext(["type", "project_id", "private_key", "client_email", "client_id"])).toBeUndefined();
    expect(classifyImsContext([])).toBeUndefined();
  });

  it("lets metascopes win over OAuth keys in a mixed object", () => {
    expect(classifyImsContext(["scopes", "meta_scopes"])).toEqual({ kind: "jwt", key: "meta_scopes" });
  });
});

/** The option found in `text`, as the texts of its parts. */
function option(text: string) {
  const [found, ...rest] = findImsAuthOptions(text);
  expect(rest).toEqual([]);
  if (found === undefined) throw new Error(`no option in ${text}`);
  return {
    option: found.option,
    name: text.slice(found.start, found.nameEnd),
    argument: text.slice(found.nameEnd, found.end),
    segments: found.segments.map((segment) => text.slice(segment.start, segment.end)),
    quoted: found.quoted,
  };
}

function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  return result;
}

describe("findImsAuthOptions", () => {
  it("splits the five parts of the first documented form", () => {
    expect(option("-setimsjwtauth:Org@AdobeOrg/client/tech@techacct.adobe.com/p8e-secret/LS0tLS1C")).toEqual({
      option: "setimsjwtauth",
      name: "-setimsjwtauth:",
      argument: "Org@AdobeOrg/client/tech@techacct.adobe.com/p8e-secret/LS0tLS1C",
      segments: ["Org@AdobeOrg", "client", "tech@techacct.adobe.com", "p8e-secret", "LS0tLS1C"],
      quoted: false,
    });
  });

  it("keeps a substitution with slashes and spaces in one part (the second form)", () => {
    expect(option("-setimsjwtauth::O/C/T/S/$(base64 -w0 /path/to/private.key)").segments).toEqual([
      "O",
      "C",
      "T",
      "S",
      "$(base64 -w0 /path/to/private.key)",
    ]);
    expect(option("-setimsjwtauth:${ORG}/$(cat client/id)/`cat t/a`/${{ secrets.S }}/$(KEY)").segments).toEqual([
      "${ORG}",
      "$(cat client/id)",
      "`cat t/a`",
      "${{ secrets.S }}",
      "$(KEY)",
    ]);
  });

  it("gives the rest to the fifth part: a base64 key holds slashes", () => {
    expect(option("-setimsjwtauth:O/C/T/S/ab+c/d/e==").segments).toEqual(["O", "C", "T", "S", "ab+c/d/e=="]);
  });

  it("reads the third form's optional parts", () => {
    expect(option("-setimsjwtauth:O/C/T").segments).toEqual(["O", "C", "T"]);
    expect(option("-setimsjwtauth:O/C/T/S").segments).toEqual(["O", "C", "T", "S"]);
    expect(option("-setimsjwtauth").segments).toEqual([]);
  });

  it("ends the argument at whitespace inside a command string", () => {
    const text = "nlserver config -setimsjwtauth:O/C/T/S/K -instance:prod";
    const [found] = findImsAuthOptions(text);
    expect(text.slice(found!.start, found!.end)).toBe("-setimsjwtauth:O/C/T/S/K");
    expect(option(`bash -c 'nlserver config -setimsjwtauth:"O/C/T" -instance:x'`)).toMatchObject({ argument: '"O/C/T"', quoted: true });
  });

  it("finds -setimsauth, in any case, and nothing longer", () => {
    expect(option("-setimsauth:O/C").option).toBe("setimsauth");
    expect(option("-SetImsJwtAuth:O/C/T").name).toBe("-SetImsJwtAuth:");
    expect(findImsAuthOptions("-setimsjwtauthx:O/C/T x-setimsjwtauth:O -setimsoauth:O/C/T/S --setimsjwtauth_v2")).toEqual([]);
  });
});

describe("setImsOAuthEdits", () => {
  const rewrite = (text: string, secret?: string) => {
    const [found] = findImsAuthOptions(text);
    const result = setImsOAuthEdits(found!, secret);
    return result === undefined ? undefined : { text: applyEdits(text, result.edits), needsSecret: result.needsSecret };
  };

  it("rewrites the documented forms to -setimsoauth:A/B/C/D", () => {
    expect(rewrite("-setimsjwtauth:O/C/T/S/K")).toEqual({ text: "-setimsoauth:O/C/T/S", needsSecret: false });
    expect(rewrite("-setimsjwtauth::O/C/T/S/$(base64 -w0 /p/k)")).toEqual({ text: "-setimsoauth:O/C/T/S", needsSecret: false });
    expect(rewrite("-setimsjwtauth:O/C/T/S")).toEqual({ text: "-setimsoauth:O/C/T/S", needsSecret: false });
    expect(rewrite("x -setimsjwtauth:O/C/T/S/K -instance:prod")).toEqual({ text: "x -setimsoauth:O/C/T/S -instance:prod", needsSecret: false });
  });

  it("adds the given secret to three parts, and has no rewrite without one", () => {
    expect(rewrite("-setimsjwtauth:O/C/T", "${IMS_CLIENT_SECRET}")).toEqual({ text: "-setimsoauth:O/C/T/${IMS_CLIENT_SECRET}", needsSecret: true });
    expect(rewrite("-setimsjwtauth:O/C/T")).toBeUndefined();
  });

  it("has no rewrite where it would not be mechanical", () => {
    expect(rewrite("-setimsauth:O/C/T/S")).toBeUndefined();
    expect(rewrite("-setimsjwtauth")).toBeUndefined();
    expect(rewrite("-setimsjwtauth:$CREDENTIALS")).toBeUndefined();
    expect(rewrite("-setimsjwtauth:O/C")).toBeUndefined();
    expect(rewrite("-setimsjwtauth:O//T/S")).toBeUndefined();
    expect(rewrite("-setimsjwtauth:'O/C/T/S/K'")).toBeUndefined();
  });
});

describe("findJwtTokenParams", () => {
  it("finds jwt_token beside client_id, on one line or several", () => {
    expect(matched(findJwtTokenParams, "client_id=a&client_secret=b&jwt_token=c")).toEqual(["jwt_token"]);
    expect(findJwtTokenParams("jwt_token=c\n&client_id=a")).toEqual([{ start: 0, end: 9, text: "jwt_token" }]);
    expect(matched(findJwtTokenParams, "https://x/y?client_id=a&jwt_token=c")).toEqual(["jwt_token"]);
  });

  it("ignores jwt_token alone, and names that only end in it", () => {
    expect(findJwtTokenParams("jwt_token=c&aud=x")).toEqual([]);
    expect(findJwtTokenParams("client_id=a&my_jwt_token=c&xclient_id=b")).toEqual([]);
  });
});

describe("package specs and installs", () => {
  it("finds the JWT package of a spec", () => {
    expect(jwtPackageSpec("@adobe/jwt-auth")).toEqual({ start: 0, end: 15, text: "@adobe/jwt-auth", package: "@adobe/jwt-auth" });
    expect(jwtPackageSpec("@adobe/aio-lib-ims-jwt@^4.0.0")).toMatchObject({ start: 0, end: 22, package: "@adobe/aio-lib-ims-jwt" });
    expect(jwtPackageSpec("npm:@adobe/jwt-auth@2")).toMatchObject({ start: 4, end: 19 });
    expect(jwtPackageSpec("jwt@npm:@adobe/jwt-auth")).toMatchObject({ start: 8, end: 23 });
    for (const spec of ["@adobe/jwt-auth-extra", "@adobe/aio-lib-ims", "jwt-auth", "^2.0.0", "x@adobe/jwt-auth"]) expect(jwtPackageSpec(spec)).toBeUndefined();
  });

  it("finds where the packages of an install command start", () => {
    expect(packageInstallArgumentsStart(["npm", "install", "--save", "x"])).toBe(2);
    expect(packageInstallArgumentsStart(["sudo", "npm", "i", "x"])).toBe(3);
    expect(packageInstallArgumentsStart(["npm", "--prefix", "./app", "install", "x"])).toBe(4);
    expect(packageInstallArgumentsStart(["yarn", "global", "add", "x"])).toBe(3);
    expect(packageInstallArgumentsStart(["pnpm", "add", "-D", "x"])).toBe(2);
    expect(packageInstallArgumentsStart(["/usr/local/bin/npm", "add", "x"])).toBe(2);
    expect(packageInstallArgumentsStart(["C:\\nodejs\\npm.cmd", "install", "x"])).toBe(2);
    expect(packageInstallArgumentsStart(["bun", "a", "x"])).toBe(2);
  });

  it("finds no install in other commands", () => {
    for (const words of [["npm", "uninstall", "x"], ["npm", "run", "add", "x"], ["yarn", "remove", "x"], ["npm"], ["constructor", "install", "x"]]) {
      expect(packageInstallArgumentsStart(words)).toBe(-1);
    }
  });

  it("takes the package manager wherever it is in the command (after sudo, env, echo)", () => {
    expect(packageInstallArgumentsStart(["env", "CI=1", "npm", "install", "x"])).toBe(4);
    expect(packageInstallArgumentsStart(["echo", "npm", "install", "x"])).toBe(3);
  });
});
