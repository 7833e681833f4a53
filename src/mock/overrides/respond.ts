import type { Faker } from "@faker-js/faker";
import type { ResponseSpec } from "../../contract/model.js";
import { seedFrom } from "../../fake/seed.js";
import { seededFaker } from "../../fake/realism-faker.js";
import type { BuildContext } from "../build.js";
import { chooseResponse } from "../../http/choose.js";
import { sampleDelay } from "../faults.js";
import { negotiateMediaType } from "../../http/media-type.js";
import type { Random } from "../random.js";
import type { RequestView } from "../request-view.js";
import { documentedHeaders, respond, serialise, WARNING_HEADER } from "../respond.js";
import type { HttpResponse } from "../../http/types.js";
import { contractWarning } from "./check.js";
import { headerText } from "./compile-respond.js";
import type { TemplateContext } from "./template.js";
import type { Override } from "./types.js";

export interface OverrideEnv {
  ctx: BuildContext;
  view: RequestView;
  random: Random;
}

/** The answer of a matched override: its body (fixed, rendered, example, fake or generated), headers, delay and fault. */
export function overrideResponse(override: Override, env: OverrideEnv): HttpResponse {
  try {
    return buildResponse(override, env);
  } catch (error) {
    // A helper refused what the request gave it (a count over the bounds, a date that is none): the
    // test author reads why in the 500 problem, and the server answers the next request as usual.
    throw new Error(`Failed to render the template of override ${override.id}: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

function buildResponse(override: Override, env: OverrideEnv): HttpResponse {
  const templating = templateContext(override, env);
  const response =
    override.body.kind === "fixed" ? fixedResponse(override, env, templating) : documentedResponse(override, env);
  for (const [name, value] of Object.entries(override.headers)) {
    const template = override.headerTemplates?.[name];
    response.headers[name] = template ? headerText(String(template(templating) ?? "")) : value;
  }
  if (override.warning && !response.headers[WARNING_HEADER]) response.headers[WARNING_HEADER] = override.warning;
  if (override.delay) response.delayMs = sampleDelay(override.delay, env.random);
  if (override.fault) response.fault = override.fault;
  return response;
}

/** `example`, `fake` or only a status: the mock's own answer for that status, as `Prefer` would give it. */
function documentedResponse(override: Override, env: OverrideEnv): HttpResponse {
  const chosen = chooseResponse(env.ctx.operation, override.status)!;
  const fake = override.body.kind === "fake";
  return respond(env.ctx, {
    status: override.status,
    spec: chosen.spec,
    accept: env.view.header("accept"),
    preferences: override.body.kind === "example" ? { example: override.body.name } : {},
    dynamic: fake,
    requestKey: fake ? `${override.id} ${env.view.key}` : "",
    headOnly: env.view.method === "HEAD",
  });
}

function fixedResponse(override: Override, env: OverrideEnv, templating: TemplateContext): HttpResponse {
  const body = override.body as Extract<Override["body"], { kind: "fixed" }>;
  const spec = chooseResponse(env.ctx.operation, override.status)?.spec;
  const headers = spec ? documentedHeaders(env.ctx, spec) : {};
  if (noBody(override.status)) return { status: override.status, headers };
  const mediaKey = mediaKeyOf(spec, env.view.header("accept"));
  const value = body.template ? body.template(templating) : body.value;
  if (body.template) {
    const warning = contractWarning(env.ctx, override, spec?.content[mediaKey], value);
    if (warning) headers[WARNING_HEADER] = warning;
  }
  const { contentType, body: text } = serialise(mediaKey, value);
  headers["content-type"] = contentType;
  return { status: override.status, headers, body: env.view.method === "HEAD" ? undefined : text };
}

/** The negotiated documented media type, else the first documented one, else JSON: a fixed body is sent whatever Accept says. */
export function mediaKeyOf(spec: ResponseSpec | undefined, accept: string | undefined): string {
  const available = spec ? Object.keys(spec.content) : [];
  const negotiated = negotiateMediaType(accept, available);
  return typeof negotiated === "string" ? negotiated : (available[0] ?? "application/json");
}

/** Faker seeded by --seed, the entry and the request: the same request gives the same names. */
function templateContext(override: Override, env: OverrideEnv): TemplateContext {
  // Seeded once per response: rendering is synchronous, so nothing reseeds the shared instance meanwhile.
  let faker: Faker | undefined;
  return { view: env.view, faker: () => (faker ??= seededFaker(seedFrom(env.ctx.seed, override.id, env.view.key))) };
}

function noBody(status: number): boolean {
  return status === 204 || status === 304 || status < 200;
}
