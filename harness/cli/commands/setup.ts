/**
 * `saleready setup`: makes sure Node 24, Artillery, Chromium and a Hangul font are usable,
 * installing what is missing (Chromium and Debian's fonts-noto-cjk with apt-get). npm packages,
 * Node 24 and Artillery among them, are installed before this runs, by scripts/setup.mjs.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import type { Command } from 'commander';
import { EnvironmentError } from '../../errors.ts';
import { requireArtillery } from '../../engine/index.ts';
import { findChromium, installChromium } from '../../browser/index.ts';
import type { Output } from '../output.ts';

const execFileAsync = promisify(execFile);

/** The Node major version saleready runs on (Artillery 2.0.34 needs ≥ 22.18, undici 8 ≥ 22.19). */
export const NEEDED_NODE_MAJOR = 24;

export interface CjkFont {
  readonly path: string;
  /** The Debian package version, or the font family fontconfig reports. */
  readonly version: string;
  readonly source: 'Debian package' | 'fontconfig';
}

/** Files of Debian's fonts-noto-cjk (Noto Sans/Serif CJK, Hangul included). */
const NOTO_CJK_FILES = [
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc',
];

async function firstLine(command: string, args: readonly string[]): Promise<string | null> {
  try {
    const { stdout } = await execFileAsync(command, args, { timeout: 10_000 });
    return (
      stdout
        .split('\n')
        .find((line) => line.trim() !== '')
        ?.trim() ?? null
    );
  } catch {
    return null;
  }
}

/** A font that renders Hangul in Chromium's screenshots and PDFs: fonts-noto-cjk, or any fontconfig knows for Korean. */
export async function findCjkFont(): Promise<CjkFont | null> {
  const notoFile = NOTO_CJK_FILES.find((file) => existsSync(file));
  if (notoFile) {
    const version = await firstLine('dpkg-query', ['-W', '-f=${Version}\n', 'fonts-noto-cjk']);
    return { path: notoFile, version: version ?? 'fonts-noto-cjk', source: 'Debian package' };
  }
  const korean = await firstLine('fc-list', [':lang=ko', 'file', 'family']);
  const match = korean ? /^(.+?):\s*(.+)$/.exec(korean) : null;
  return match ? { path: match[1]!, version: match[2]!.split(',')[0]!, source: 'fontconfig' } : null;
}

function aptGet(args: readonly string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn('apt-get', args, {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (error) => resolve({ code: 127, output: String(error) }));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

/** Installs Debian's fonts-noto-cjk with apt-get (needs root); `aptUpdated` skips `apt-get update`. */
export async function installCjkFont(
  options: { log?: (line: string) => void; aptUpdated?: boolean } = {},
): Promise<CjkFont> {
  const log = options.log ?? (() => {});
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) {
    throw new EnvironmentError(
      'cli.cjk-font-install-impossible',
      'No font for Korean (Hangul) was found, and fonts-noto-cjk cannot be installed here (needs root and apt-get).',
      [
        'Install it with `sudo apt-get install -y fonts-noto-cjk` (or another font fontconfig lists for `fc-list :lang=ko`).',
      ],
    );
  }
  const steps = [...(options.aptUpdated ? [] : [['update']]), ['install', '-y', 'fonts-noto-cjk']];
  for (const args of steps) {
    log(`apt-get ${args.join(' ')}…`);
    const result = await aptGet(args);
    if (result.code !== 0) {
      throw new EnvironmentError(
        'cli.cjk-font-install-failed',
        `apt-get ${args.join(' ')} failed (exit ${result.code}).`,
        [
          result.output.trim().split('\n').slice(-3).join(' | '),
          'Check that the Debian mirror is reachable, then run `npm run setup` again.',
        ],
      );
    }
  }
  const font = await findCjkFont();
  if (!font)
    throw new EnvironmentError(
      'cli.cjk-font-missing',
      'fonts-noto-cjk was installed but its font files were not found.',
      ['Run `apt-get install --reinstall fonts-noto-cjk`.'],
    );
  return font;
}

export function registerSetupCommand(program: Command, output: Output): void {
  program
    .command('setup')
    .description('find or install what saleready needs: Artillery (npm), Chromium and fonts-noto-cjk (Debian packages)')
    .option('--no-chromium', 'skip Chromium and its Korean font')
    .action(async (options: { chromium: boolean }) => {
      const log = (line: string): void => output.out(`  ${line}`);
      const nodeMajor = Number(process.versions.node.split('.')[0]);
      if (nodeMajor < NEEDED_NODE_MAJOR) {
        throw new EnvironmentError(
          'cli.node-too-old',
          `saleready runs on Node ${NEEDED_NODE_MAJOR}; this is Node ${process.versions.node}.`,
          ['Run `npm run setup`, which installs Node 24 into node_modules/.bin and runs saleready with it.'],
        );
      }
      output.out(`node      v${process.versions.node}  ${process.execPath}`);
      const artillery = await requireArtillery();
      output.out(`artillery ${artillery.version}  ${artillery.path}`);
      if (!options.chromium) return;
      const chromium = await findChromium();
      if (chromium) output.out(`chromium  ${chromium.version}  ${chromium.path}  (found via ${chromium.source})`);
      else {
        output.out("chromium  not found: installing Debian's chromium");
        const installed = await installChromium({ log });
        output.out(`chromium  ${installed.version}  ${installed.path}  (installed)`);
      }
      let font = await findCjkFont();
      if (font) output.out(`cjk font  ${font.version}  ${font.path}  (found via ${font.source})`);
      else {
        output.out("cjk font  not found: installing Debian's fonts-noto-cjk");
        font = await installCjkFont({ log, aptUpdated: chromium === null });
        output.out(`cjk font  ${font.version}  ${font.path}  (installed)`);
      }
    });
}
