/** `guardrail apply <policies...> -r <resources...>`: offline verdicts for CI, same engine as the webhook. */
import { type Command, Option } from 'commander';
import { applyPolicies, mutatedYaml, writeMutated } from '../../apply/index.js';
import { formatIssue } from '../../engine/index.js';
import { defaultPolicySetOptions } from '../../policies-engine.js';
import { applyFormatters, summarize, type ApplyFormat } from '../../report/apply-formats.js';
import { colorEnabled, createPaint } from '../../report/text.js';
import { readStdin } from '../stdin.js';

interface ApplyFlags {
  resource: string[];
  values?: string;
  userinfo?: string;
  exception: string[];
  paramResources: string[];
  auditWarn: boolean;
  warnExitCode?: string;
  output: ApplyFormat;
  color: boolean;
  outputDir?: string;
}

const collect = (v: string, prev: string[]) => [...prev, v];

export function registerApplyCommand(program: Command): void {
  program
    .command('apply')
    .description('apply policies to resources offline and report the verdicts')
    .argument('<policies...>', 'policy files or folders (- for stdin)')
    .requiredOption('-r, --resource <path>', 'resource file or folder (repeatable, - for stdin)', collect, [])
    .option('-f, --values <file>', 'Kyverno CLI values file')
    .option('-u, --userinfo <file>', 'admission user info file')
    .option('-e, --exception <path>', 'PolicyException file or folder (repeatable)', collect, [])
    .option('--param-resources <path>', 'objects selected by CEL policies\' paramRef (repeatable)', collect, [])
    .option('--audit-warn', 'report failures of Audit rules as warnings', false)
    .option('--warn-exit-code <code>', 'exit code when there are warnings and no failures')
    .addOption(new Option('-o, --output <format>', 'output format').choices(Object.keys(applyFormatters)).default('table'))
    .option('--output-dir <dir>', 'write every mutated resource to DIR as <kind>-<namespace>-<name>.yaml')
    .option('--no-color', 'disable colours')
    .action(async (policies: string[], flags: ApplyFlags) => {
      const report = await applyPolicies({
        policies,
        resources: flags.resource,
        exceptions: flags.exception,
        paramResources: flags.paramResources,
        ...(flags.values ? { valuesFile: flags.values } : {}),
        ...(flags.userinfo ? { userInfoFile: flags.userinfo } : {}),
        auditWarn: flags.auditWarn,
        policySetOptions: defaultPolicySetOptions(),
        readStdin,
      });
      if (report.issues.length > 0) {
        for (const i of report.issues) process.stderr.write(`${formatIssue(i)}\n`);
        process.stderr.write(`guardrail: ${report.issues.length} input problem(s); nothing evaluated\n`);
        process.exitCode = 2;
        return;
      }
      const paint = createPaint(colorEnabled(!flags.color, process.stdout));
      process.stdout.write(applyFormatters[flags.output](report, paint));
      // json/yaml carry the mutated resources in their results; the table is followed by them as YAML.
      if (flags.output === 'table') process.stdout.write(mutatedYaml(report));
      if (flags.outputDir) {
        const files = await writeMutated(report, flags.outputDir);
        process.stderr.write(`${files.length} mutated resource(s) written to ${flags.outputDir}\n`);
      }
      const s = summarize(report);
      process.stderr.write(
        `${s.resources} resources, ${s.policies} policies: ${s.pass} pass, ${s.fail} fail, ${s.warn} warn, ${s.error} error, ${s.skip} skip\n`,
      );
      const warnCode = flags.warnExitCode !== undefined ? Number(flags.warnExitCode) : 0;
      process.exitCode = (s.fail ?? 0) + (s.error ?? 0) > 0 ? 1 : (s.warn ?? 0) > 0 ? warnCode : 0;
    });
}
