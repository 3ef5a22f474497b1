/**
 * Preloaded into a child (`node --import <this file> ...`): when the process exits, writes its own
 * resource usage (peak RSS in KiB, CPU times) to the file named by GUARDRAIL_BENCH_USAGE_FILE. This is
 * /usr/bin/time's "maximum resident set size" without depending on GNU time being installed.
 */
import { writeFileSync } from 'node:fs';

const target = process.env.GUARDRAIL_BENCH_USAGE_FILE;
if (target) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    writeFileSync(target, JSON.stringify({ maxRSS: u.maxRSS, userCPUTime: u.userCPUTime, systemCPUTime: u.systemCPUTime }));
  });
}
