import { Command } from 'commander';
import { registerApplyCommand } from './commands/apply.js';
import { registerRepoCommand } from './commands/repo.js';
import { registerTestCommand } from './commands/test.js';
import { registerValidateCommand } from './commands/validate.js';

/** Builds the `guardrail` command tree; commands are thin and call the libraries under src/. */
export function buildProgram(): Command {
  const program = new Command('guardrail')
    .description('Kubernetes guardrail: Kyverno-compatible policies, admission webhook and data protection')
    .version('0.1.0')
    .exitOverride();
  registerApplyCommand(program);
  registerRepoCommand(program);
  registerTestCommand(program);
  registerValidateCommand(program);
  return program;
}
