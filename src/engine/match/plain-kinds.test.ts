/**
 * Rules that select by plain kind names answer a matching kind from a set, without running their filters.
 * The answer must equal the filters' own: the same rule written with `all` (one filter: same meaning, no
 * shortcut) is the reference, over requests that vary every input the filters read.
 */
import { describe, expect, it } from 'vitest';
import type { Rule } from '../policy-types.js';
import type { AdmissionInput, GroupVersionKind } from '../request.js';
import { buildMatchSubject, compileRuleMatch } from './index.js';

const gvks: GroupVersionKind[] = [
  { group: '', version: 'v1', kind: 'Pod' },
  { group: 'apps', version: 'v1', kind: 'Deployment' },
  { group: 'batch', version: 'v1', kind: 'CronJob' },
  { group: 'example.com', version: 'v1alpha1', kind: 'Deployment' },
  { group: '', version: 'v1', kind: 'ConfigMap' },
];

function inputs(): AdmissionInput[] {
  const out: AdmissionInput[] = [];
  for (const kind of gvks) {
    for (const operation of ['CREATE', 'UPDATE', 'DELETE'] as const) {
      for (const subResource of [undefined, 'status', 'ephemeralcontainers']) {
        for (const hasObject of [true, false]) {
          const obj = { apiVersion: 'v1', kind: kind.kind, metadata: { name: 'x', namespace: 'team-a', labels: { app: 'x' } } };
          const input: AdmissionInput = {
            operation,
            kind,
            object: hasObject && operation !== 'DELETE' ? obj : null,
            oldObject: hasObject && operation !== 'CREATE' ? obj : null,
            namespace: 'team-a',
            userInfo: { username: 'alice', groups: ['dev'] },
          };
          if (subResource) input.subResource = subResource;
          out.push(input);
        }
      }
    }
  }
  return out;
}

const rules: Rule[] = [
  { name: 'any-one', match: { any: [{ resources: { kinds: ['Pod'] } }] } },
  { name: 'any-many', match: { any: [{ resources: { kinds: ['Deployment', 'StatefulSet'] } }, { resources: { kinds: ['CronJob'] } }] } },
  { name: 'legacy', match: { resources: { kinds: ['Pod', 'Deployment'] } } },
  { name: 'with-exclude', match: { any: [{ resources: { kinds: ['Pod'] } }] }, exclude: { any: [{ resources: { namespaces: ['team-a'] } }] } },
  { name: 'with-selector', match: { any: [{ resources: { kinds: ['Pod'], selector: { matchLabels: { app: 'y' } } } }] } },
  { name: 'with-group', match: { any: [{ resources: { kinds: ['apps/v1/Deployment'] } }] } },
  { name: 'with-subjects', match: { any: [{ resources: { kinds: ['Pod'] }, subjects: [{ kind: 'User', name: 'bob' }] }] } },
];

/** The same rule with each `any` filter list under `all`, one filter at a time: no shortcut applies. */
function reference(rule: Rule, input: AdmissionInput, namespace?: string): boolean {
  const filters = rule.match?.any ?? [{ resources: rule.match?.resources }];
  return filters.some((f) => {
    const one: Rule = { ...rule, match: { all: [f] } };
    return compileRuleMatch(one, namespace ? { policyNamespace: namespace } : {})(buildMatchSubject(input)).applies;
  });
}

describe('plain-kind rules', () => {
  for (const rule of rules) {
    it(`${rule.name}: the shortcut and the reason-free test agree with the filters on every request`, () => {
      let matched = 0;
      for (const input of inputs()) {
        for (const ns of [undefined, 'team-a', 'team-b']) {
          const fn = compileRuleMatch(rule, ns ? { policyNamespace: ns } : {});
          const subject = buildMatchSubject(input);
          const got = fn(subject).applies;
          const where = `${input.kind.group}/${input.kind.kind} ${input.operation} ${input.subResource ?? ''} ns=${ns ?? ''}`;
          expect(got, where).toBe(reference(rule, input, ns));
          // The quick lane's reason-free test gives the same answer.
          expect(fn.test(subject), where).toBe(got);
          if (got) matched++;
        }
      }
      // Each rule selects some requests and not others, so the comparison covers both answers.
      if (rule.name !== 'with-selector' && rule.name !== 'with-subjects' && rule.name !== 'with-exclude') expect(matched).toBeGreaterThan(0);
    });
  }
});

describe('the reason-free test (CompiledRuleMatch.test, what the quick lane asks)', () => {
  const more: Rule[] = [
    ...rules,
    { name: 'match-all', match: { all: [{ resources: { kinds: ['Pod', 'Deployment'] } }, { resources: { namespaces: ['team-*'] } }] } },
    { name: 'exclude-all', match: { any: [{ resources: { kinds: ['Pod', 'Deployment'] } }] }, exclude: { all: [{ resources: { namespaces: ['team-a'] } }, { resources: { kinds: ['Pod'] } }] } },
    { name: 'selector-hit', match: { any: [{ resources: { kinds: ['CronJob'] } }, { resources: { selector: { matchLabels: { app: 'x' } } } }] } },
    { name: 'ops', match: { any: [{ resources: { kinds: ['*'], operations: ['UPDATE'] } }] } },
    { name: 'mutate-defaults', match: { any: [{ resources: { kinds: ['Pod'] } }] }, mutate: { patchStrategicMerge: {} } },
    { name: 'empty', match: {} },
  ];
  it('equals the outcome’s `applies` for every rule, request, namespace and option', () => {
    let applied = 0;
    let skipped = 0;
    for (const rule of more) {
      for (const opts of [{}, { policyNamespace: 'team-a' }, { policyNamespace: 'team-b' }, { applyWebhookDefaults: true }]) {
        const fn = compileRuleMatch(rule, opts);
        for (const input of inputs()) {
          const subject = buildMatchSubject(input);
          const outcome = fn(subject);
          expect(fn.test(subject), `${rule.name} ${JSON.stringify(opts)} ${input.kind.kind} ${input.operation} ${input.subResource ?? ''}`).toBe(outcome.applies);
          if (outcome.applies) applied++;
          else skipped++;
        }
      }
    }
    expect(applied).toBeGreaterThan(50);
    expect(skipped).toBeGreaterThan(50);
  });
});
