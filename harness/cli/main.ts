/**
 * The saleready command line: builds the commander program, runs it, and turns every
 * outcome into an exit code (DESIGN.md, "Contracts"). Only this folder prints or exits.
 */
import { Command, CommanderError } from 'commander';
import { ExitCode, InterruptedError, SalereadyError } from '../errors.ts';
import { adoptEarlySignals, releaseEarlySignals, type EarlySignals } from './interrupt.ts';
import { isDiskFull } from './disk-full.ts';
import { registerCapacityCommand } from './commands/capacity.ts';
import { registerCompareCommand } from './commands/compare.ts';
import { registerGateCommand } from './commands/gate.ts';
import { registerDoctorCommand } from './commands/doctor.ts';
import { registerSetupCommand } from './commands/setup.ts';
import { registerPlanCommand } from './commands/plan.ts';
import { registerAnalyzeCommand } from './commands/analyze.ts';
import { registerHistoryCommand } from './commands/history.ts';
import { registerProbeCommand } from './commands/probe.ts';
import { registerRunCommands } from './commands/run.ts';
import { registerShopCommand } from './commands/shop.ts';
import { registerUsersCommand } from './commands/users.ts';
import { createConsoleOutput, type Output } from './output.ts';
import { readToolVersion } from './tool-version.ts';

export function createProgram(output: Output): Command {
  const program = new Command('saleready')
    .description('Load tests and capacity plans for first-come online sale days.')
    .version(readToolVersion(), '-V, --version', 'print the saleready version')
    .showHelpAfterError('(run `saleready --help` for usage)')
    .exitOverride()
    // Options after a subcommand belong to it (`capacity fit x.csv --json` is fit's --json).
    .enablePositionalOptions()
    .configureOutput({
      writeOut: (text) => output.out(text.replace(/\n$/, '')),
      writeErr: (text) => output.err(text.replace(/\n$/, '')),
    });
  registerSetupCommand(program, output);
  registerDoctorCommand(program, output);
  registerShopCommand(program, output);
  registerCapacityCommand(program, output);
  registerRunCommands(program, output);
  registerUsersCommand(program, output);
  registerProbeCommand(program, output);
  registerPlanCommand(program, output);
  registerCompareCommand(program, output);
  registerGateCommand(program, output);
  registerAnalyzeCommand(program, output);
  registerHistoryCommand(program, output);
  return program;
}

/** Commands that stop Artillery on Ctrl-C and keep what was measured (withInterrupt). */
const LISTENS_FOR_CTRL_C = new Set(['run', 'demo', 'gate', 'capacity']);

/**
 * Runs the CLI and returns its exit code; never throws. `early` holds the Ctrl-Cs that came
 * while saleready was loading (bin/saleready.js): a run takes them over; any other command
 * stops listening, and ends as interrupted (exit 4) if one came.
 */
export async function main(
  argv: readonly string[],
  output: Output = createConsoleOutput(),
  early?: EarlySignals,
): Promise<number> {
  const program = createProgram(output);
  adoptEarlySignals(early);
  program.hook('preAction', (_program, command) => {
    if (LISTENS_FOR_CTRL_C.has(command.name())) return;
    if (releaseEarlySignals() > 0)
      throw new InterruptedError(
        'cli.interrupted',
        `interrupted (Ctrl-C) before ${command.name()} started; nothing was done`,
      );
  });
  try {
    await program.parseAsync([...argv]);
    return output.exitCode ?? ExitCode.ok;
  } catch (error) {
    return reportError(error, output);
  }
}

function reportError(error: unknown, output: Output): number {
  if (error instanceof CommanderError) {
    // Help and version end with exit 0; every other commander error is a usage error.
    const helpOrVersion = ['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(error.code);
    return helpOrVersion ? ExitCode.ok : ExitCode.usage;
  }
  if (error instanceof SalereadyError) {
    output.err(`saleready: ${error.message}`);
    for (const hint of error.hints) output.err(`  ${hint}`);
    return error.exitCode;
  }
  if (isDiskFull(error)) {
    // Not a bug: the environment (exit 3). Node names the file it was writing, when it knows it.
    const { code, path } = error as NodeJS.ErrnoException;
    output.err(
      `saleready: the disk is full (${code})${path ? ` while writing ${path}` : ''}: free some space or write elsewhere (--out)`,
    );
    return ExitCode.environment;
  }
  const message = error instanceof Error ? error.message : String(error);
  output.err(`saleready: unexpected failure: ${message}`);
  if (process.env.SALEREADY_DEBUG && error instanceof Error && error.stack) output.err(error.stack);
  else output.err('  (set SALEREADY_DEBUG=1 for details, and please report it)');
  return ExitCode.internal;
}
