/**
 * The example consumer: the few calls a shop front-end makes to the Shop API. The consumer test
 * (test/pact/consumer.test.ts) runs it against Pact's mock server to write fixtures/pacts/.
 */
export interface ShopClient {
  listProducts(): Promise<{ items: unknown[]; total: number }>;
  getProduct(id: string): Promise<{ status: number; body: unknown }>;
  createProduct(product: { name: string; price: number }): Promise<{ status: number; body: unknown }>;
  login(username: string, password: string): Promise<{ token: string; expiresAt: string }>;
  placeOrder(order: unknown): Promise<{ status: number; body: unknown }>;
  getOrder(id: number): Promise<{ status: number; body: unknown }>;
  listOrders(): Promise<unknown[]>;
}

export function shopClient(baseUrl: string, credentials: { token?: string; apiKey?: string } = {}): ShopClient {
  const auth = (): Record<string, string> =>
    credentials.token ? { Authorization: `Bearer ${credentials.token}` } : {};
  const send = async (path: string, init: RequestInit = {}) => {
    const response = await fetch(`${baseUrl}/shop${path}`, init);
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
  };
  const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  return {
    listProducts: async () => (await send("/products")).body as { items: unknown[]; total: number },
    getProduct: (id) => send(`/products/${id}`),
    createProduct: (product) => send("/products", json(product, { "X-API-Key": credentials.apiKey ?? "" })),
    login: async (username, password) =>
      (await send("/login", json({ username, password }))).body as { token: string; expiresAt: string },
    placeOrder: (order) => send("/orders", json(order, auth())),
    getOrder: (id) => send(`/orders/${id}`, { headers: auth() }),
    listOrders: async () => (await send("/orders", { headers: auth() })).body as unknown[],
  };
}
