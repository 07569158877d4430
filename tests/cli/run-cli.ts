// Runs a `shifan` command line inside the test's process, as a user would type it: the same program, options and
// commands as bin/shifan.mjs, with stdout, stderr and the exit code captured. A spawn per case costs about a
// second of start-up (tsx, DuckDB); the few tests about the process itself (the executable, a second process
// holding the database) still spawn it.
import { CommanderError } from 'commander';
import { buildProgram } from '../../pipeline/cli/program.ts';
import { fatalReport } from '../../pipeline/cli/context.ts';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `shifan ARGS` with ENV set for its duration (undefined removes a variable). One at a time: it swaps
 *  process-wide state (stdout, stderr, environment, exit code). */
export async function runCli(args: string[], env: Record<string, string | undefined> = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  const setEnv = (values: Record<string, string | undefined>) => {
    for (const [k, v] of Object.entries(values)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
  const writeOut = process.stdout.write;
  const writeErr = process.stderr.write;
  setEnv(env);
  process.exitCode = undefined;
  process.stdout.write = ((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  }) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  }) as typeof process.stderr.write;
  let code = 0;
  try {
    const program = buildProgram({ embedded: { writeOut: (s) => { stdout += s; }, writeErr: (s) => { stderr += s; } } });
    await program.parseAsync(['node', 'shifan', ...args]);
    code = Number(process.exitCode ?? 0);
  } catch (err) {
    if (err instanceof CommanderError) code = err.exitCode;
    else {
      const fatal = fatalReport(err);
      code = fatal.code;
      stderr += fatal.message;
    }
  } finally {
    process.stdout.write = writeOut;
    process.stderr.write = writeErr;
    process.exitCode = undefined;
    setEnv(saved);
  }
  return { code, stdout, stderr };
}
