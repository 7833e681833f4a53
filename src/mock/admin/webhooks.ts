import express from "express";
import { problem } from "../../http/problem.js";
import { sendProblem } from "./mocks-routes.js";
import type { AdminSource } from "./app.js";

/**
 * The contracts' webhooks (OpenAPI 3.1+), which no request of a client triggers: a test lists them
 * and fires one at the receiver it names. `POST <prefix>/webhooks/NAME` with `{ "url": "...",
 * "contract"?: "shop.yaml", "body"?: {...} }` calls the URL with the webhook's request (the given
 * body, else its example or a seeded fake), under the same host rules as callbacks, and answers once
 * the call is done with what the journal recorded of it.
 */
export function webhookRoutes(source: AdminSource): express.Router {
  const router = express.Router();
  router.get("/webhooks", (_req, res) => {
    const listed = source.mock().contracts.flatMap((c) =>
      (c.webhooks ?? []).map((w) => ({
        contract: c.id,
        name: w.name,
        method: w.operation.method.toUpperCase(),
        operationId: w.operation.operationId,
      })),
    );
    res.json(listed);
  });
  router.post("/webhooks/:name", async (req, res) => {
    const outgoing = source.live.outgoing;
    if (!outgoing)
      return sendProblem(
        res,
        problem("admin-bad-request", "Webhooks are off: this server was started with --no-callbacks"),
      );
    const given = (req.body ?? {}) as { url?: unknown; contract?: unknown; body?: unknown };
    if (typeof given.url !== "string" || given.url === "")
      return sendProblem(
        res,
        problem(
          "admin-bad-request",
          'Send a JSON body such as { "url": "http://127.0.0.1:9000/hooks" }: the URL the webhook calls',
        ),
      );
    const name = req.params.name!;
    const contracts = source.mock().contracts.filter((c) => given.contract === undefined || c.id === given.contract);
    const found = contracts.flatMap((contract) =>
      (contract.webhooks ?? []).filter((w) => w.name === name).map((webhook) => ({ contract, webhook })),
    );
    if (found.length === 0)
      return sendProblem(
        res,
        problem(
          "admin-not-found",
          `No loaded contract${given.contract === undefined ? "" : ` named ${String(given.contract)}`} has a webhook "${name}" (GET ${req.baseUrl}/webhooks lists them)`,
        ),
      );
    if (new Set(found.map((f) => f.contract)).size > 1)
      return sendProblem(
        res,
        problem(
          "admin-bad-request",
          `Several contracts have a webhook "${name}": name one with "contract" (${found.map((f) => f.contract.id).join(", ")})`,
        ),
      );
    const registry = source.mock().core.engine.registryOf(found[0]!.contract);
    const body = "body" in given ? { body: given.body } : undefined;
    const calls = await Promise.all(
      found.map(({ contract, webhook }) =>
        outgoing.fireWebhook(contract, webhook, registry, given.url as string, body),
      ),
    );
    res.json({ calls });
  });
  return router;
}
