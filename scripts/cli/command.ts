import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { wranglerD1, type D1, type D1Target } from '#scripts/import/d1';

/**
 * What a command reads and writes besides its arguments. The program passes the process's own
 * (`processIo`: wrangler, the environment, the terminal); the tests pass a SQLite database and
 * capture the output, and so run the very command in-process (test/cli/helpers.ts).
 */
export interface CommandIo {
  /** The database of a target (`--remote`, `--persist-to`): wrangler's for users. */
  d1(target: D1Target): D1;
  env: Record<string, string | undefined>;
  /** Standard input as text when it is piped; undefined on a terminal. */
  stdin(): Promise<string | undefined>;
  /** A line for standard output. */
  out(line: string): void;
  /** A line for standard error. */
  err(line: string): void;
}

/** A command: its arguments in, its exit code out. */
export type Command = (args: string[], io: CommandIo) => Promise<number>;

/** A refusal: the command prints the message on standard error and exits with `code` (2: nothing was done). */
export class CommandError extends Error {
  constructor(
    message: string,
    readonly code = 2,
  ) {
    super(message);
  }
}

/** Runs a command; a CommandError becomes its message on standard error and its exit code. Anything else is thrown. */
export async function runCommand(command: Command, args: string[], io: CommandIo): Promise<number> {
  try {
    return await command(args, io);
  } catch (error) {
    if (!(error instanceof CommandError)) throw error;
    io.err(error.message);
    return error.code;
  }
}

async function readPiped(): Promise<string | undefined> {
  if (process.stdin.isTTY) return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export const processIo: CommandIo = {
  d1: wranglerD1,
  env: process.env,
  stdin: readPiped,
  out: (line) => console.log(line),
  err: (line) => console.error(line),
};

/**
 * Runs `command` with the process's arguments and exits with its code, when `moduleUrl` (the
 * caller's `import.meta.url`) is the program (`tsx scripts/cli/purge.ts …`); does nothing when
 * the module is imported (the tests).
 */
export async function main(moduleUrl: string, command: Command): Promise<void> {
  if (!isProgram(moduleUrl)) return;
  process.exit(await runCommand(command, process.argv.slice(2), processIo));
}

/** Whether the module is the file node was started with; real paths, as the module loader resolves symbolic links. */
function isProgram(moduleUrl: string): boolean {
  const started = process.argv[1];
  if (!started) return false;
  try {
    return realpathSync(started) === realpathSync(fileURLToPath(moduleUrl));
  } catch {
    return false;
  }
}
