/**
 * `guardrail certs ca-bundle` prints the base64 caBundle for a webhook configuration;
 * `guardrail certs init` makes (or renews) the CA and serving certificate without serving.
 */
import type { Command } from 'commander';
import { ensureCertificates, readCaBundle } from '../../certs/index.js';

const collect = (value: string, previous: string[]): string[] => [...previous, value];

export function registerCertsCommand(program: Command): void {
  const certs = program.command('certs').description('webhook certificates (the files source: ca.pem, tls.crt, tls.key)');
  certs
    .command('ca-bundle')
    .description('print the base64 CA bundle for a ValidatingWebhookConfiguration caBundle')
    .option('--certs <dir>', 'certificate folder', './certs')
    .action(async (opts: { certs: string }) => {
      const bundle = await readCaBundle(opts.certs);
      if (!bundle) {
        process.stderr.write(`guardrail: no ca.pem in ${opts.certs}; run \`guardrail certs init\` or \`guardrail serve\` first\n`);
        process.exitCode = 2;
        return;
      }
      process.stdout.write(bundle + '\n');
    });
  certs
    .command('init')
    .description('create the CA and serving certificate if missing (renew the certificate when due)')
    .option('--certs <dir>', 'certificate folder', './certs')
    .option('--dns-name <name>', 'extra DNS name or IP for the serving certificate (repeatable)', collect, [])
    .action(async (opts: { certs: string; dnsName: string[] }) => {
      const result = await ensureCertificates(opts.certs, opts.dnsName, new Date());
      process.stderr.write(`${opts.certs}: ${result.actions.join(', ')}\n`);
    });
}
