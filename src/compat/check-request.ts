import type { InteractionContext } from "./context.js";
import type { CompatFinding } from "./finding.js";
import { requestMatcherFindings } from "./matchers.js";
import { acceptFindings, contentTypeFindings } from "./request-media.js";
import { requestInputOf } from "./request-input.js";
import { schemaFindings, securityFindings } from "./request-schema.js";
import { undocumentedFindings } from "./request-undocumented.js";

/**
 * The interaction's request against its operation. Media types always; parameters, credentials
 * and body only when the interaction expects a success: an interaction answered 4xx or 5xx is about
 * a request the provider refuses, and sends what the contract forbids on purpose (as
 * swagger-mock-validator reads it too).
 */
export async function checkRequest(ctx: InteractionContext): Promise<CompatFinding[]> {
  const input = requestInputOf(ctx.interaction.request, ctx.pathParams);
  const findings = [...contentTypeFindings(ctx, input), ...acceptFindings(ctx), ...undocumentedFindings(ctx)];
  if (ctx.interaction.response.status >= 400) return findings;
  return [
    ...findings,
    ...securityFindings(ctx, input),
    ...(await schemaFindings(ctx, input)),
    ...requestMatcherFindings(ctx, input),
  ];
}
