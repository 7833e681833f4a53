import type { Operation, ResponseSpec } from "../contract/model.js";
import { getAtPointer } from "../contract/pointer.js";
import { shapeOf } from "../contract/shape.js";
import type { SchemaRegistry } from "../schema/registry.js";
import type { Violation } from "../schema/violation.js";
import { isJsonMediaType, matchRequestMediaType } from "./media-type.js";
import { coerceString } from "./params.js";
import type { RouteTarget, Router } from "./router.js";
import { firstValue, splitUrl } from "./url.js";
import { chooseResponse } from "./choose.js";
import { utf8Text } from "./bytes.js";

/** A response as checked: its status, headers (names lower-cased) and bytes. */
export interface ResponseSeen {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Uint8Array | undefined;
}

/** One real request/response pair seen by a proxy. Header names lower-cased. */
export interface Exchange {
  method: string;
  /** Path and query as sent to the provider. */
  url: string;
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer | undefined;
}

export interface ExchangeCheck {
  /** The operation the request matched, when one did. */
  operationId?: string;
  contractId?: string;
  violations: Violation[];
}

export interface ResponseChecker {
  check(exchange: Exchange): ExchangeCheck;
}

/**
 * Checks real responses against the contract with the same router and schema registry the mock
 * uses (one validator, not two): the status is documented, the media type is declared, required
 * headers are there and match their schemas, and the body matches its schema.
 */
export function createResponseChecker(
  router: Router,
  registryOf: (target: RouteTarget) => SchemaRegistry,
): ResponseChecker {
  return {
    check(exchange) {
      const { pathname } = splitUrl(exchange.url);
      const match = router.find(exchange.method.toUpperCase(), pathname);
      if (match.kind !== "found") {
        const message = `no operation of the contract matches ${exchange.method.toUpperCase()} ${pathname}`;
        return { violations: [{ in: "response.status", where: "", keyword: "operation", message }] };
      }
      const { operation, contract } = match.target;
      return {
        operationId: operation.operationId,
        contractId: contract.id,
        violations: checkResponse(registryOf(match.target), operation, exchange),
      };
    },
  };
}

/**
 * One response against one operation's documented responses: the status is documented, required
 * headers are there and match, the media type is declared and the body matches its schema. The
 * proxy's check and the mock's outgoing callbacks (whose operations no router serves) both use it.
 */
export function checkResponse(registry: SchemaRegistry, operation: Operation, exchange: ResponseSeen): Violation[] {
  const spec = chooseResponse(operation, exchange.status)?.spec;
  if (!spec) {
    const documented = operation.responses.map((r) => r.status.toLowerCase()).join(", ");
    return [
      {
        in: "response.status",
        where: "",
        keyword: "status",
        message: `status ${exchange.status} is not documented for ${operation.operationId} (documented: ${documented})`,
      },
    ];
  }
  return [...checkHeaders(registry, spec, exchange), ...checkBody(registry, spec, exchange)];
}

function checkHeaders(
  registry: SchemaRegistry,
  spec: ResponseSpec,
  exchange: Pick<ResponseSeen, "headers">,
): Violation[] {
  const violations: Violation[] = [];
  for (const header of spec.headers) {
    const raw = exchange.headers[header.name.toLowerCase()];
    const text = Array.isArray(raw) ? raw.join(", ") : raw;
    if (text === undefined) {
      if (header.required)
        violations.push({
          in: "response.header",
          where: header.name,
          keyword: "required",
          message: `response header ${header.name} is required`,
        });
      continue;
    }
    if (!header.schema) continue;
    const node =
      "pointer" in header.schema
        ? getAtPointer(registry.contract.document, header.schema.pointer)
        : header.schema.inline;
    const value = coerceString(text, shapeOf(registry.contract.document, node));
    violations.push(
      ...registry.validate(header.schema, value, { direction: "response", in: "response.header", name: header.name }),
    );
  }
  return violations;
}

function checkBody(registry: SchemaRegistry, spec: ResponseSpec, exchange: ResponseSeen): Violation[] {
  const declared = Object.keys(spec.content);
  const empty = !exchange.body || exchange.body.length === 0;
  if (declared.length === 0 || empty) return [];
  const contentType = firstValue(exchange.headers["content-type"]);
  const mediaKey = matchRequestMediaType(contentType, declared);
  if (mediaKey === undefined) {
    return [
      {
        in: "response.header",
        where: "content-type",
        keyword: "mediaType",
        message: `response media type ${contentType ?? "(none)"} is not one of ${declared.join(", ")}`,
      },
    ];
  }
  const media = spec.content[mediaKey]!;
  if (!media.schema || !isJsonMediaType(contentType)) return [];
  let value: unknown;
  try {
    value = JSON.parse(utf8Text(exchange.body!));
  } catch (error) {
    return [
      {
        in: "response.body",
        where: "",
        keyword: "parse",
        message: `response body is not valid JSON: ${(error as Error).message}`,
      },
    ];
  }
  return registry.validate(media.schema, value, { direction: "response", in: "response.body" });
}
