import { consoleOperations } from "../../console/operations.js";
import type { LoadedMock } from "../load.js";
import type { LiveState } from "../live-state.js";

/** `GET /contracts`: each loaded contract and the routes it serves. */
export function contractsView(mock: LoadedMock): unknown {
  const routes = mock.core.engine.router.routes();
  return mock.contracts.map((contract) => ({
    id: contract.id,
    file: contract.file,
    title: contract.title,
    version: contract.version,
    dialect: contract.dialect,
    basePaths: contract.basePaths,
    routes: routes
      .filter((r) => r.target.contract === contract)
      .map((r) => ({ method: r.method, path: r.path, operationId: r.target.operation.operationId })),
    operations: consoleOperations(contract, routes), // the console's richer list: summary, examples, a sample request
  }));
}

/** `GET /state`: the stateful resources and their items, and every scenario's state. */
export async function stateView(mock: LoadedMock, live: LiveState): Promise<unknown> {
  const buckets = await live.store.snapshot();
  const resources = mock.sources.resources.resources.map((r) => ({
    contract: r.contract.id,
    collection: r.collectionPath,
    item: r.itemPath,
    idProperty: r.idProperty,
    operations: Object.fromEntries(Object.entries(r.operations).map(([role, op]) => [role, op.operationId])),
    collections: buckets
      .filter((b) => b.contract === r.contract.id && pathFits(r.collectionPath, b.path))
      .map((b) => ({ path: b.path, count: b.items.size, items: [...b.items.values()] })),
  }));
  return { stateful: mock.sources.resources.resources.length > 0, resources, scenarios: await live.scenarios.list() };
}

/** `/users/{userId}/orders` fits `/users/7/orders`. */
function pathFits(template: string, path: string): boolean {
  const pattern = template
    .split(/\{[^}]+\}/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("[^/]+");
  return new RegExp(`^${pattern}$`).test(path);
}
