// Runs a `shifan` command line inside the test's process, as a user would type it: the same program, options and
// commands as bin/shifan.mjs (pipeline/cli/run.ts), with stdout, stderr and the exit code captured through the
// command's io rather than the process's streams. A spawn per case costs about a second of start-up; the few tests
// about the process itself (the executable, a second process holding the database) still spawn it.
import { runCli as run } from '../../pipeline/cli/run.ts';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `shifan ARGS` with ENV set for its duration (undefined removes a variable). One at a time: the environment
 *  is process-wide. `input` is what the command reads on standard input. */
export async function runCli(
  args: string[],
  env: Record<string, string | undefined> = {},
  input = '',
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  const setEnv = (values: Record<string, string | undefined>) => {
    for (const [k, v] of Object.entries(values)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
  setEnv(env);
  try {
    const code = await run(args, {
      stdout: (text) => {
        stdout += text;
      },
      stderr: (text) => {
        stderr += text;
      },
      stderrIsTTY: false,
      cwd: process.cwd(),
      readStdin: async () => input,
      exitCode: 0,
    });
    return { code, stdout, stderr };
  } finally {
    setEnv(saved);
  }
}
