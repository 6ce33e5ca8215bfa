// Module hooks for the scenario worker (import-scenario-worker.mjs): a .ts file outside
// node_modules is an ES module, even in a package without "type": "module" (where Node and tsx
// would read it as CommonJS, so top-level await, import errors and its exports would differ).
// Registered after tsx, so these run first and tsx compiles the file as ESM.

/** @type {import('node:module').ResolveHook} */
export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context);
  if (
    resolved.url.startsWith('file:') &&
    !resolved.url.includes('/node_modules/') &&
    /\.ts(?:\?|$)/.test(resolved.url)
  ) {
    return { ...resolved, format: 'module-typescript' };
  }
  return resolved;
}
