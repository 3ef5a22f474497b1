/** `guardrail validate <paths...>`: checks policy files the way the policy-validating webhook does. */
import { type Command, Option } from 'commander';
import { formatIssue } from '../../engine/result.js';
import { validatePolicyFiles } from '../../policy/index.js';
import type { FilesValidation } from '../../policy/index.js';

const FORMATS = ['table', 'json'] as const;
type Format = (typeof FORMATS)[number];

function render(result: FilesValidation, format: Format): string {
  if (format === 'json') return `${JSON.stringify(result, null, 2)}\n`;
  const issues = [...result.inputIssues, ...result.policies.flatMap((p) => p.issues)];
  return issues.map((i) => `${formatIssue(i)}\n`).join('');
}

function summaryLine({ summary: s }: FilesValidation): string {
  const extras = [
    s.skipped ? `${s.skipped} skipped (not policies)` : '',
    s.inputProblems ? `${s.inputProblems} input problem${s.inputProblems === 1 ? '' : 's'}` : '',
  ].filter(Boolean);
  return [`${s.policies} ${s.policies === 1 ? 'policy' : 'policies'}, ${s.invalid} invalid`, ...extras].join(', ');
}

export function registerValidateCommand(program: Command): void {
  program
    .command('validate')
    .description('validate Kyverno and admission policies (schema and semantics); exit 2 on any problem')
    .argument('<paths...>', 'policy files or folders (- for stdin)')
    .addOption(new Option('-o, --output <format>', 'output format').choices(FORMATS).default('table'))
    .action(async (paths: string[], flags: { output: Format }) => {
      const result = await validatePolicyFiles(paths);
      process.stdout.write(render(result, flags.output));
      process.stderr.write(`${summaryLine(result)}\n`);
      const bad = result.summary.invalid > 0 || result.summary.inputProblems > 0;
      process.exitCode = bad ? 2 : 0;
    });
}
