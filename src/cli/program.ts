import { Command } from 'commander';

type Register = (program: Command) => void;

/**
 * The command table. Each entry loads its module only when that command runs, so `guardrail test` does
 * not pay for the S3 SDK or fastify at start-up (CLI latency is what CI pipelines wait on).
 */
const COMMANDS: Record<string, () => Promise<Register>> = {
  apply: async () => (await import('./commands/apply.js')).registerApplyCommand,
  backup: async () => (await import('./commands/backup.js')).registerBackupCommand,
  certs: async () => (await import('./commands/certs.js')).registerCertsCommand,
  repo: async () => (await import('./commands/repo.js')).registerRepoCommand,
  serve: async () => (await import('./commands/serve.js')).registerServeCommand,
  test: async () => (await import('./commands/test.js')).registerTestCommand,
  validate: async () => (await import('./commands/validate.js')).registerValidateCommand,
};

/** Builds the `guardrail` command tree for argv; commands are thin and call the libraries under src/. */
export async function buildProgram(argv: readonly string[] = process.argv): Promise<Command> {
  const program = new Command('guardrail')
    .description('Kubernetes guardrail: Kyverno-compatible policies, admission webhook and data protection')
    .version('0.1.0')
    .exitOverride();
  const name = argv[2];
  const wanted = name !== undefined && name in COMMANDS ? [name] : Object.keys(COMMANDS);
  for (const n of wanted) (await COMMANDS[n]!())(program);
  return program;
}
