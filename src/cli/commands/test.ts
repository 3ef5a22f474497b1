/** `guardrail test <dirs...> [-o table|json|junit]`: runs Kyverno test files (cli.kyverno.io/v1alpha1). */
import { type Command, Option } from 'commander';
import { colorEnabled, createPaint } from '../../report/text.js';
import { testFormatters, type TestFormat } from '../../report/test-formats.js';
import { runTests } from '../../testrun/index.js';
import { defaultPolicySetOptions } from '../../policies-engine.js';

export function registerTestCommand(program: Command): void {
  program
    .command('test')
    .description('run Kyverno test files (kyverno-test.yaml, found recursively) and compare expected results')
    .argument('<dirs...>', 'folders (or test files) to search')
    .addOption(new Option('-o, --output <format>', 'output format').choices(Object.keys(testFormatters)).default('table'))
    .option('--no-color', 'disable colours')
    .action(async (dirs: string[], opts: { output: TestFormat; color: boolean }) => {
      const report = await runTests(dirs, { policySetOptions: defaultPolicySetOptions() });
      const paint = createPaint(colorEnabled(!opts.color, process.stdout));
      process.stdout.write(testFormatters[opts.output](report, paint));
      const s = report.summary;
      for (const p of report.problems) process.stderr.write(`guardrail: ${p.test}: ${p.message}\n`);
      process.stderr.write(
        `${s.tests} test files, ${s.results} results: ${s.passed} passed, ${s.failed} failed, ${s.unsupported} unsupported\n`,
      );
      process.exitCode = report.problems.length > 0 ? 2 : s.failed + s.unsupported > 0 ? 1 : 0;
    });
}
