/**
 * no-password-logon: OWNER FILLS IN (rule under construction).
 */
import { createRule } from "../src/create-rule.js";

export default createRule({
  name: "no-password-logon",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow native Campaign login/password logons (SDK ofUserAndPassword and friends, SOAP xtk:session#Logon)",
      recommended: true,
      kind: "native-login",
    },
    schema: [],
    messages: {},
  },
  defaultOptions: [],
  create: {},
});
