/**
 * Output formats of `guardrail test`: json (a stable contract: {summary, results}), table, junit.
 * Each is an entry of one registry, so adding a format is one function and one line.
 */
import type { TestRow, TestRunReport } from '../testrun/index.js';
import { escapeXml, renderTable, type Paint } from './text.js';

export type TestFormat = 'table' | 'json' | 'junit';

type TestFormatter = (report: TestRunReport, paint: Paint) => string;

function jsonFormat(report: TestRunReport): string {
  const results = report.results.map((r) => ({
    test: r.test, policy: r.policy, rule: r.rule, kind: r.kind, resource: r.resource,
    expected: r.expected, actual: r.actual, ok: r.ok, reason: r.reason, feature: r.feature,
    ...(r.message !== undefined ? { message: r.message } : {}),
  }));
  return JSON.stringify({ summary: report.summary, results, problems: report.problems }, null, 2) + '\n';
}

function tableFormat(report: TestRunReport, paint: Paint): string {
  const rows = report.results.map((r, i) => [
    String(i + 1), r.policy, r.rule, `${r.kind}/${r.resource}`,
    r.ok ? paint.green('Pass') : r.actual === 'unsupported' ? paint.yellow('Unsupported') : paint.red('Fail'),
    r.reason, r.test,
  ]);
  return renderTable(['ID', 'POLICY', 'RULE', 'RESOURCE', 'RESULT', 'REASON', 'TEST'], rows);
}

function junitFormat(report: TestRunReport): string {
  const byTest = new Map<string, TestRow[]>();
  for (const r of report.results) byTest.set(r.test, [...(byTest.get(r.test) ?? []), r]);
  const suites = [...byTest.entries()].map(([test, rows]) => {
    const failures = rows.filter((r) => !r.ok && r.actual !== 'unsupported').length;
    const skipped = rows.filter((r) => r.actual === 'unsupported').length;
    const cases = rows.map((r) => {
      const name = escapeXml(`${r.policy}/${r.rule} ${r.kind}/${r.resource} expects ${r.expected}`);
      const body = r.ok
        ? ''
        : r.actual === 'unsupported'
          ? `<skipped message="${escapeXml(r.reason)}"/>`
          : `<failure message="${escapeXml(r.reason)}">${escapeXml(r.message ?? '')}</failure>`;
      return `    <testcase classname="${escapeXml(test)}" name="${name}">${body}</testcase>`;
    });
    return `  <testsuite name="${escapeXml(test)}" tests="${rows.length}" failures="${failures}" skipped="${skipped}">\n${cases.join('\n')}\n  </testsuite>`;
  });
  const s = report.summary;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="guardrail test" tests="${s.results}" failures="${s.failed}" skipped="${s.unsupported}">\n${suites.join('\n')}\n</testsuites>\n`;
}

export const testFormatters = {
  table: tableFormat,
  json: jsonFormat,
  junit: junitFormat,
} satisfies Record<TestFormat, TestFormatter>;

export function isTestFormat(s: string): s is TestFormat {
  return Object.prototype.hasOwnProperty.call(testFormatters, s);
}
