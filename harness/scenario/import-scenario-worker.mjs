// Imports one scenario module, in a worker thread of its own (harness/scenario/import-scenario-module.ts):
// tsx compiles TypeScript, and the hooks beside this file make every .ts outside node_modules an
// ES module, whatever its package.json says. Posts back the scenario export as plain data (a
// structured clone), or what went wrong. Plain JavaScript: a worker starts without tsx.
import { register } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';
import { register as registerTsx } from 'tsx/esm/api';

process.setSourceMapsEnabled(true);
registerTsx();
register('./force-esm-hooks.mjs', import.meta.url);

/** An error as data the main thread can read. */
function failure(error) {
  if (error instanceof Error) {
    return {
      kind: 'failed',
      name: error.name,
      message: error.message,
      stack: error.stack ?? '',
      code: typeof error.code === 'string' ? error.code : null,
    };
  }
  return {
    kind: 'failed',
    name: 'Error',
    message: `a value that is not an Error was thrown: ${String(error)}`,
    stack: '',
    code: null,
  };
}

let module;
try {
  module = await import(workerData.url);
} catch (error) {
  parentPort.postMessage(failure(error));
}
if (module) {
  const value = module.default !== undefined ? module.default : module.scenario;
  if (value === undefined) {
    parentPort.postMessage({ kind: 'no-export', exports: Object.keys(module) });
  } else {
    try {
      parentPort.postMessage({ kind: 'value', value });
    } catch (error) {
      parentPort.postMessage({
        kind: 'not-data',
        message: error instanceof Error ? error.message.split('\n')[0] : String(error),
      });
    }
  }
}
