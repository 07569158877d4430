// Entry point of the `shifan` command line. Each command lives in commands/<name>.ts and registers itself
// (program.ts puts them together).
import { reportFatal } from './context.ts';
import { buildProgram } from './program.ts';

try {
  await buildProgram().parseAsync(process.argv);
} catch (err) {
  reportFatal(err);
}
