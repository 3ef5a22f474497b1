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
    it(`${rule.name}: the shortcut agrees with the filters on every request`, () => {
      let matched = 0;
      for (const input of inputs()) {
        for (const ns of [undefined, 'team-a', 'team-b']) {
          const got = compileRuleMatch(rule, ns ? { policyNamespace: ns } : {})(buildMatchSubject(input)).applies;
          expect(got, `${input.kind.group}/${input.kind.kind} ${input.operation} ${input.subResource ?? ''} ns=${ns ?? ''}`).toBe(reference(rule, input, ns));
          if (got) matched++;
        }
      }
      // Each rule selects some requests and not others, so the comparison covers both answers.
      if (rule.name !== 'with-selector' && rule.name !== 'with-subjects' && rule.name !== 'with-exclude') expect(matched).toBeGreaterThan(0);
    });
  }
});
