import { CommanderError } from 'commander';
import { buildProgram } from './program.js';

// Exit codes are a contract with CI pipelines: 0 clean, 1 violations, 2 bad input.
try {
  await (await buildProgram(process.argv)).parseAsync(process.argv);
} catch (err: unknown) {
  if (err instanceof CommanderError) {
    process.exitCode = err.exitCode === 0 ? 0 : 2;
  } else {
    process.stderr.write(`guardrail: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  }
}
