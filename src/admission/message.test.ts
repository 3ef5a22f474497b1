import { describe, expect, it } from 'vitest';
import { buildDenyMessage } from './message.js';

describe('buildDenyMessage', () => {
  it("follows Kyverno's block format and quotes messages the way sigs.k8s.io/yaml does", () => {
    const msg = buildDenyMessage({ kind: 'Deployment', namespace: 'nginx', name: 'nginx-deployment' }, [
      {
        policy: 'require-data-protection-labels',
        rules: [
          {
            rule: 'require-backup-policy-label',
            message: 'validation error: label required. rule require-backup-policy-label failed at path /metadata/labels/dataprotection/',
          },
        ],
      },
    ]);
    expect(msg).toBe(
      'resource Deployment/nginx/nginx-deployment was blocked due to the following policies\n\n' +
        'require-data-protection-labels:\n' +
        "  require-backup-policy-label: 'validation error: label required. rule require-backup-policy-label failed at path /metadata/labels/dataprotection/'",
    );
  });

  it('adds a fix line under a rule that has one, and folds multi-line text', () => {
    const msg = buildDenyMessage({ kind: 'Namespace', name: 'team-a' }, [
      { policy: 'p', rules: [{ rule: 'r1', message: "it's\nwrong", fix: 'add the\n  label' }, { rule: 'r2', message: 'plain text' }] },
    ]);
    expect(msg.split('\n')).toEqual([
      'resource Namespace/team-a was blocked due to the following policies',
      '',
      'p:',
      "  r1: it's wrong",
      '    fix: add the label',
      '  r2: plain text',
    ]);
  });

  it("doubles single quotes inside a quoted message", () => {
    const msg = buildDenyMessage({ kind: 'Pod', name: 'x' }, [{ policy: 'p', rules: [{ rule: 'r', message: "value: 'a'" }] }]);
    expect(msg.endsWith("  r: 'value: ''a'''")).toBe(true);
  });
});
