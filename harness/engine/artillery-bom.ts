/**
 * The bill of materials Artillery would upload for a distributed run, from Artillery's own
 * code: `createBOM` of node_modules/artillery/lib/platform/aws-ecs/legacy/bom.ts (its dist
 * build), which both `run-fargate` (legacy/create-test.ts) and `run-lambda`
 * (aws-lambda/dependencies.ts) call before uploading the test to S3. (lib/create-bom/
 * create-bom.ts is an older copy that neither runner calls.) It runs in a small Node child
 * (artillery-bom-child.mjs) in the test's folder with the flags the runner would pass, so
 * relative paths resolve as Artillery resolves them. Reads files only; no network.
 * Also Fargate's regions, from the same source (legacy/util.ts).
 */
import { execFile } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { EnvironmentError } from '../errors.ts';
import type { CloudRunner } from './cloud-command.ts';
import { artilleryEnv, type ArtilleryInstall } from './locate-artillery.ts';

const execFileAsync = promisify(execFile);
const CHILD = new URL('./artillery-bom-child.mjs', import.meta.url);

export interface ArtilleryBomFile {
  /** The file on this machine. */
  readonly orig: string;
  /** Its path on the workers (and in S3), relative to the common folder. */
  readonly noPrefixPosix: string;
}

export interface ArtilleryBom {
  readonly files: readonly ArtilleryBomFile[];
  /** npm packages each worker installs (`npm install <name>`), then `npm install` for package.json. */
  readonly modules: readonly string[];
  /** Packages package.json declares. */
  readonly pkgDeps: readonly string[];
  /** Imports Artillery could not resolve, or modules not in package.json. */
  readonly externals: readonly { readonly name: string; readonly reason: string }[];
  /** The test's config as Artillery resolved it. */
  readonly fullyResolvedConfig: Record<string, unknown>;
}

/** The flags a runner hands createBOM (it reads `platform` and `dotenv`: Lambda uploads the dotenv file, Fargate passes its variables). */
export function bomFlags(runner: CloudRunner, dotenv: string | undefined): Record<string, unknown> {
  return { platform: runner === 'aws-fargate' ? 'aws:ecs' : 'aws:lambda', ...(dotenv ? { dotenv } : {}) };
}

/** Artillery's bill of materials for the test at `testPath`, as `runner` would build it. */
export async function createArtilleryBom(
  artillery: ArtilleryInstall,
  testPath: string,
  runner: CloudRunner,
  dotenv?: string,
): Promise<ArtilleryBom> {
  const absolute = resolve(testPath);
  try {
    const { stdout } = await execFileAsync(
      process.execPath,
      [CHILD.pathname, artillery.path, absolute, JSON.stringify(bomFlags(runner, dotenv))],
      {
        cwd: dirname(absolute),
        env: artilleryEnv(process.env),
        maxBuffer: 64 * 1024 * 1024,
        timeout: 120_000,
      },
    );
    const bom = JSON.parse(stdout) as ArtilleryBom;
    return {
      files: bom.files.map((file) => ({ orig: file.orig, noPrefixPosix: file.noPrefixPosix })),
      modules: bom.modules,
      pkgDeps: bom.pkgDeps,
      externals: bom.externals ?? [],
      fullyResolvedConfig: bom.fullyResolvedConfig,
    };
  } catch (error) {
    const failed = error as { stderr?: string; message: string };
    throw new EnvironmentError(
      'engine.cloud-bom-failed',
      `Artillery's bill of materials could not be made for ${absolute}: ${(failed.stderr || failed.message).trim().split('\n').slice(-3).join(' ')}`,
      ['Run `npx saleready doctor` to check Artillery.'],
    );
  }
}

/** The regions `artillery run-fargate --region` accepts (Artillery's own list). */
export async function fargateRegions(artillery: ArtilleryInstall): Promise<readonly string[]> {
  // constants only: importing the module makes no AWS call
  const util = (await import(
    pathToFileURL(join(artillery.path, 'dist', 'lib', 'platform', 'aws-ecs', 'legacy', 'util.js')).href
  )) as { supportedRegions: string[] };
  return util.supportedRegions;
}
