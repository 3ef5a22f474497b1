export { discoverTests } from './discover.js';
export { runTestFile, type RunTestOptions } from './run-test.js';
export { runTests } from './run-tests.js';
export type { TestRow, TestRunReport, TestSummary, ActualResult, TestSpec, TestResultSpec } from './types.js';
export { createTestValues, type TestValues } from './values.js';
export { buildResourceInput } from './resource-input.js';
