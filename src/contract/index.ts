/** The contract model and how contracts are loaded: one entry point for every command. */
export * from "./model.js";
export { getAtPointer, resolveLocal, joinPointer, isObject } from "./pointer.js";
export { loadContract, loadSourceDocument, type LoadOptions } from "./load.js";
export { loadContracts, contractIdsOf, findContractFiles } from "./load-set.js";
