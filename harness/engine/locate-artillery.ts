/**
 * Finding Artillery: the npm package pinned in package.json, installed by `npm run setup` into
 * this checkout's node_modules (never a global install). Its CLI is a JavaScript file, spawned
 * with Node 24 (`process.execPath` once saleready runs, see bin/saleready.js).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EnvironmentError } from '../errors.ts';

/** The saleready checkout this code runs from. */
const checkoutRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface ArtilleryInstall {
  /** e.g. `2.0.34` */
  readonly version: string;
  /** The package folder, `<repo>/node_modules/artillery`. */
  readonly path: string;
  /** The CLI's JavaScript entry (`bin/run`), to spawn with `process.execPath`. */
  readonly binPath: string;
}

/** Artillery in `<root>/node_modules`, or null when it is not installed there. */
export async function findArtillery(root: string = checkoutRoot): Promise<ArtilleryInstall | null> {
  const path = join(root, 'node_modules', 'artillery');
  const binPath = join(path, 'bin', 'run');
  try {
    const manifest = JSON.parse(await readFile(join(path, 'package.json'), 'utf8')) as { version?: unknown };
    if (typeof manifest.version !== 'string' || !existsSync(binPath)) return null;
    return { version: manifest.version, path, binPath };
  } catch {
    return null;
  }
}

/** Like findArtillery, but a missing Artillery is an EnvironmentError (exit 3) saying how to get it. */
export async function requireArtillery(root: string = checkoutRoot): Promise<ArtilleryInstall> {
  const artillery = await findArtillery(root);
  if (!artillery) {
    throw new EnvironmentError(
      'engine.artillery-missing',
      `Artillery was not found in ${join(root, 'node_modules', 'artillery')}.`,
      ['Run `npm run setup` (it installs the npm packages, Artillery among them).'],
    );
  }
  return artillery;
}

/**
 * The environment every Artillery process gets: telemetry off (Artillery reports usage to its
 * makers unless `ARTILLERY_DISABLE_TELEMETRY` is set), and this checkout's `node_modules/.bin`
 * first on PATH, so `#!/usr/bin/env node` inside Artillery finds Node 24.
 */
export function artilleryEnv(base: NodeJS.ProcessEnv, root: string = checkoutRoot): NodeJS.ProcessEnv {
  const binDir = join(root, 'node_modules', '.bin');
  const rest = (base.PATH ?? '').split(delimiter).filter((dir) => dir !== '' && dir !== binDir);
  return { ...base, ARTILLERY_DISABLE_TELEMETRY: '1', PATH: [binDir, ...rest].join(delimiter) };
}
