/** The real kubectl against the suite's API server: every scenario goes through it, as a user would. */
import { run, type RunOptions, type RunResult } from './run.js';

export interface Kubectl {
  (args: readonly string[], opts?: RunOptions): Promise<RunResult>;
  /** Like the call, but throws with stderr when kubectl fails: for setup steps, not for assertions. */
  ok(args: readonly string[], opts?: RunOptions): Promise<string>;
  /** `kubectl apply -f -` of a YAML text. */
  applyYaml(yaml: string, extra?: readonly string[]): Promise<RunResult>;
}

export function createKubectl(bin: string, kubeconfig: string): Kubectl {
  const call = (args: readonly string[], opts?: RunOptions): Promise<RunResult> =>
    run(bin, ['--kubeconfig', kubeconfig, ...args], opts);
  const ok = async (args: readonly string[], opts?: RunOptions): Promise<string> => {
    const res = await call(args, opts);
    if (res.code !== 0) throw new Error(`kubectl ${args.join(' ')} exited ${res.code}:\n${res.stderr}${res.stdout}`);
    return res.stdout;
  };
  const applyYaml = (yaml: string, extra: readonly string[] = []): Promise<RunResult> =>
    call(['apply', '-f', '-', ...extra], { input: yaml });
  return Object.assign(call, { ok, applyYaml });
}
