/**
 * prefer-ims-bearer-token: OWNER FILLS IN (rule under construction).
 */
import { createRule } from "../src/create-rule.js";

export default createRule({
  name: "prefer-ims-bearer-token",
  meta: {
    type: "problem",
    docs: {
      description: "Prefer direct IMS bearer tokens (ofImsBearerToken) over ofBearerToken and xtk:session#BearerTokenLogon",
      recommended: true,
      kind: "session-token",
    },
    schema: [],
    messages: {},
  },
  defaultOptions: [],
  create: {},
});
