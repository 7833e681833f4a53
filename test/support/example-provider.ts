import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import express, { type Request, type Response } from "express";

/**
 * The example provider of contracts/shop.yaml: a small express app under /shop, with an in-memory
 * catalogue and orders, a provider-states endpoint (`POST /_pact/states`, the `--states-url` of the
 * README walk-through), and switches that make it break either the pacts or its own contract.
 */
export type Misbehaviour =
  /** getProduct answers `price` as a string: the consumers' `like()` catches it (a Pact mismatch). */
  | "wrong-type"
  /** the 422 of createProduct carries a field ValidationErrors forbids (additionalProperties: false). */
  | "extra-property"
  /** getOrder answers a status outside OrderStatus's enum. */
  | "enum-outside"
  /** createOrder answers 200, which the contract does not document (it documents 201). */
  | "undocumented-status";

export interface ExampleProviderOptions {
  misbehave?: Misbehaviour;
  /** The bearer token the orders endpoints accept; by default the one the example pacts send. */
  token?: string;
  apiKey?: string;
}

export interface RunningProvider {
  url: string;
  /** Every state change the provider's own states endpoint received, in order. */
  stateCalls: unknown[];
  /** Requests and state changes in the order they arrived: `GET /shop/orders/1001`, `state setup order 1001 exists`. */
  events: string[];
  close(): Promise<void>;
}

/** The token of the consumers' pacts in fixtures/pacts/ (`Authorization: Bearer consumer-token`). */
export const EXAMPLE_TOKEN = "consumer-token";

/** Where `npm run example:provider` listens: the provider URL of the README and docs/verify.md. */
export const EXAMPLE_PROVIDER_PORT = 8080;

const PRODUCTS = [
  {
    id: "p-100",
    name: "Steel widget",
    price: 9.99,
    currency: "EUR",
    category: "tools",
    tags: ["metal", "bestseller"],
    inStock: true,
    createdAt: "2024-03-01T09:30:00Z",
  },
  {
    id: "p-101",
    name: "Pocket gadget",
    price: 24.5,
    currency: "EUR",
    category: "electronics",
    tags: [],
    inStock: false,
    createdAt: "2024-03-02T14:00:00Z",
  },
];

interface Order {
  id: number;
  status: string;
  items: Array<{ productId: string; quantity: number }>;
  total: number;
  createdAt: string;
  shippingAddress?: unknown;
  note?: string;
}

export function exampleProviderApp(
  options: ExampleProviderOptions = {},
  stateCalls: unknown[] = [],
  events: string[] = [],
): express.Express {
  const token = options.token ?? EXAMPLE_TOKEN;
  const orders = new Map<number, Order>();
  const app = express();
  app.use(express.json());
  app.use((req, _res, next) => {
    if (req.path !== "/_pact/states") events.push(`${req.method} ${req.path}`);
    next();
  });
  const authorised = (req: Request, res: Response) => {
    if (req.get("authorization") === `Bearer ${token}`) return true;
    problem(res.set("WWW-Authenticate", "Bearer"), 401, "Unauthorized");
    return false;
  };
  const problem = (res: Response, status: number, title: string) =>
    res.status(status).set("content-type", "application/problem+json").end(JSON.stringify({ title, status }));
  const notFound = (res: Response) => problem(res, 404, "Not found");

  app.post("/_pact/states", (req, res) => {
    stateCalls.push(req.body);
    const { state, params, action } = req.body as { state: string; params?: Record<string, unknown>; action: string };
    events.push(`state ${action} ${state}`);
    const id = Number(params?.id ?? 1001);
    if (state === "order 1001 exists" && action === "setup")
      orders.set(id, anOrder(id, String(params?.status ?? "pending")));
    if (state === "order 1001 exists" && action === "teardown") orders.delete(id);
    res.json({});
  });
  app.get("/shop/products", (_req, res) => {
    res.json({ items: PRODUCTS, total: PRODUCTS.length });
  });
  app.get("/shop/products/:id", (req, res) => {
    const product = PRODUCTS.find((p) => p.id === req.params.id);
    if (!product) return notFound(res);
    res.json(options.misbehave === "wrong-type" ? { ...product, price: String(product.price) } : product);
  });
  app.post("/shop/products", (req, res) => {
    if (req.get("x-api-key") !== (options.apiKey ?? "back-office-key")) return problem(res, 401, "Unauthorized");
    const input = req.body as { name: string; price: number };
    if (input.price > 10000) {
      const body: Record<string, unknown> = {
        code: "PRODUCT_INVALID",
        errors: [{ field: "price", message: "must be at most 10000" }],
      };
      if (options.misbehave === "extra-property") body.requestId = "req-42";
      return res.status(422).json(body);
    }
    res
      .status(201)
      .location("/shop/products/p-102")
      .json({ ...PRODUCTS[0], ...input, id: "p-102" });
  });
  app.post("/shop/login", (req, res) => {
    const { username, password } = req.body as { username?: string; password?: string };
    if (username !== "ada" || password !== "correct-horse") return problem(res, 401, "Invalid credentials");
    res.json({ token, expiresAt: "2024-04-01T11:00:00Z" });
  });
  app.get("/shop/orders", (req, res) => {
    if (authorised(req, res)) res.json([...orders.values()]);
  });
  app.post("/shop/orders", (req, res) => {
    if (!authorised(req, res)) return;
    const input = req.body as Pick<Order, "items" | "shippingAddress" | "note">;
    const order = { ...anOrder(1003, "pending"), items: input.items, shippingAddress: input.shippingAddress };
    res.status(options.misbehave === "undocumented-status" ? 200 : 201).json(order);
  });
  app.get("/shop/orders/:id", (req, res) => {
    if (!authorised(req, res)) return;
    const order = orders.get(Number(req.params.id));
    if (!order) return notFound(res);
    res.json(options.misbehave === "enum-outside" ? { ...order, status: "on-hold" } : order);
  });
  return app;
}

function anOrder(id: number, status: string): Order {
  return { id, status, items: [{ productId: "p-100", quantity: 2 }], total: 19.98, createdAt: "2024-04-01T10:00:00Z" };
}

/** Starts the example provider on 127.0.0.1 (port 0 by default: a free one); resolves once it listens. */
export async function startExampleProvider(options: ExampleProviderOptions = {}, port = 0): Promise<RunningProvider> {
  const stateCalls: unknown[] = [];
  const events: string[] = [];
  const server: Server = exampleProviderApp(options, stateCalls, events).listen(port, "127.0.0.1");
  await new Promise<void>((resolve, reject) => server.once("listening", resolve).once("error", reject));
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    stateCalls,
    events,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

// `npm run example:provider`: the provider of the docs' walk-throughs, on port $PORT or 8080, until stopped.
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const misbehave = process.env.MISBEHAVE as Misbehaviour | undefined;
  const running = await startExampleProvider({ misbehave }, Number(process.env.PORT ?? EXAMPLE_PROVIDER_PORT));
  process.stdout.write(`example provider listening on ${running.url}\n`);
}
