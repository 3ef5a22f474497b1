/**
 * Output formats of `guardrail apply`, one registry: table (people), json/yaml (tools), junit (CI test
 * tabs), sarif (SARIF 2.1.0 for code scanning: ruleId `policy/rule`, the resource's file and line) and
 * github (workflow commands that annotate the pull request).
 */
import { dump } from 'js-yaml';
import type { ApplyReport } from '../apply/index.js';
import type { RuleResult } from '../engine/index.js';
import { escapeXml, renderTable, type Paint } from './text.js';

export type ApplyFormat = 'table' | 'json' | 'yaml' | 'junit' | 'sarif' | 'github';
type ApplyFormatter = (report: ApplyReport, paint: Paint) => string;

interface Flat {
  resource: ApplyReport['entries'][number]['resource'];
  policy: string;
  result: RuleResult;
}

function flatten(report: ApplyReport): Flat[] {
  const out: Flat[] = [];
  for (const e of report.entries) for (const r of e.responses) for (const result of r.results) out.push({ resource: e.resource, policy: r.policy, result });
  return out;
}

const resourceId = (r: Flat['resource']) => `${r.kind}/${r.namespace ? `${r.namespace}/` : ''}${r.name}`;

function plain(report: ApplyReport) {
  const mutated = report.entries.filter((e) => e.mutated).map((e) => ({ resource: { ...e.resource }, patches: e.patches, object: e.mutated }));
  return {
    summary: summarize(report),
    ...(mutated.length > 0 ? { mutated } : {}),
    results: flatten(report).map((f) => ({
      resource: { ...f.resource },
      policy: f.policy,
      rule: f.result.rule,
      status: f.result.status,
      message: f.result.message,
      ...(f.result.path !== undefined ? { path: f.result.path } : {}),
      ...(f.result.action ? { action: f.result.action } : {}),
      ...(f.result.reason ? { reason: f.result.reason } : {}),
      ...(f.result.fix ? { fix: f.result.fix } : {}),
    })),
  };
}

export function summarize(report: ApplyReport): Record<string, number> {
  const s: Record<string, number> = { resources: report.entries.length, policies: report.policyCount, pass: 0, fail: 0, warn: 0, error: 0, skip: 0 };
  for (const f of flatten(report)) s[f.result.status] = (s[f.result.status] ?? 0) + 1;
  return s;
}

function table(report: ApplyReport, paint: Paint): string {
  const color = { pass: paint.green, fail: paint.red, error: paint.red, warn: paint.yellow, skip: paint.dim };
  const rows = flatten(report)
    .filter((f) => f.result.status !== 'skip')
    .map((f) => {
      const msg = f.result.status === 'pass' ? '' : f.result.message + (f.result.fix ? `\n  fix: ${f.result.fix}` : '');
      return [resourceId(f.resource), f.policy, f.result.rule, color[f.result.status](f.result.status.toUpperCase()), msg.replace(/\n/g, ' ')];
    });
  return renderTable(['RESOURCE', 'POLICY', 'RULE', 'RESULT', 'MESSAGE'], rows);
}

function junit(report: ApplyReport): string {
  const cases = flatten(report).map((f) => {
    const name = escapeXml(`${f.policy}/${f.result.rule} ${resourceId(f.resource)}`);
    const s = f.result.status;
    const body = s === 'fail' || s === 'error'
      ? `<failure type="${s}" message="${escapeXml(f.result.message)}"/>`
      : s === 'skip' ? '<skipped/>' : '';
    return `    <testcase classname="${escapeXml(f.policy)}" name="${name}" file="${escapeXml(f.resource.file)}">${body}</testcase>`;
  });
  const s = summarize(report);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="guardrail apply">\n  <testsuite name="guardrail apply" tests="${cases.length}" failures="${(s.fail ?? 0) + (s.error ?? 0)}" skipped="${s.skip ?? 0}">\n${cases.join('\n')}\n  </testsuite>\n</testsuites>\n`;
}

const SARIF_LEVEL: Record<string, string> = { fail: 'error', error: 'error', warn: 'warning' };

/** Code-scanning and annotation locations use forward slashes, and 1-based lines (0 = unknown -> 1). */
const uriPath = (file: string) => file.split('\\').join('/');
const startLine = (line: number) => Math.max(1, line);

function sarif(report: ApplyReport): string {
  const flat = flatten(report).filter((f) => SARIF_LEVEL[f.result.status]);
  const ruleIds = [...new Set(flat.map((f) => `${f.policy}/${f.result.rule}`))].sort();
  const doc = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'guardrail', informationUri: 'https://github.com/guardrail-dev/guardrail', rules: ruleIds.map((id) => ({ id, shortDescription: { text: id } })) } },
        results: flat.map((f) => ({
          ruleId: `${f.policy}/${f.result.rule}`,
          level: SARIF_LEVEL[f.result.status],
          message: { text: `${resourceId(f.resource)}: ${f.result.message}${f.result.fix ? ` (fix: ${f.result.fix})` : ''}` },
          locations: [{ physicalLocation: { artifactLocation: { uri: uriPath(f.resource.file) }, region: { startLine: startLine(f.resource.line) } } }],
        })),
      },
    ],
  };
  return JSON.stringify(doc, null, 2) + '\n';
}

/** GitHub Actions workflow commands; `%`, CR and LF are escaped as the runner requires. */
function github(report: ApplyReport): string {
  const esc = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const escProp = (s: string) => esc(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  return flatten(report)
    .filter((f) => SARIF_LEVEL[f.result.status])
    .map((f) => {
      const level = f.result.status === 'warn' ? 'warning' : 'error';
      return `::${level} file=${escProp(uriPath(f.resource.file))},line=${startLine(f.resource.line)},title=${escProp(`${f.policy}/${f.result.rule}`)}::${esc(`${resourceId(f.resource)}: ${f.result.message}`)}\n`;
    })
    .join('');
}

export const applyFormatters = {
  table,
  json: (r) => JSON.stringify(plain(r), null, 2) + '\n',
  yaml: (r) => dump(plain(r), { noRefs: true, lineWidth: -1 }),
  junit,
  sarif,
  github,
} satisfies Record<ApplyFormat, ApplyFormatter>;
