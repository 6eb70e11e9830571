/** The rule table: every rule of the plugin, by name. */
import type { CampaignRule } from "../src/create-rule.js";
import noPasswordLogon from "./no-password-logon.js";
import noSessionToken from "./no-session-token.js";
import preferImsBearerToken from "./prefer-ims-bearer-token.js";
import noJwtServiceAccount from "./no-jwt-service-account.js";
import noHardcodedCampaignSecret from "./no-hardcoded-campaign-secret.js";
import noInsecureSecurityZone from "./no-insecure-security-zone.js";
import requireNativeAuthLock from "./require-native-auth-lock.js";

export const rules: Record<string, CampaignRule<string, any>> = {
  "no-password-logon": noPasswordLogon,
  "no-session-token": noSessionToken,
  "prefer-ims-bearer-token": preferImsBearerToken,
  "no-jwt-service-account": noJwtServiceAccount,
  "no-hardcoded-campaign-secret": noHardcodedCampaignSecret,
  "no-insecure-security-zone": noInsecureSecurityZone,
  "require-native-auth-lock": requireNativeAuthLock,
};
