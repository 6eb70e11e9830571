import { describe, expect, it } from "vitest";
import {
  classifyImsContext,
  findCampaignMetascopes,
  findJwtExchangeEndpoints,
  findJwtPackageNames,
  isAioLibImsSpecifier,
  jwtPackageOf,
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
