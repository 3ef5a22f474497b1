/** Per-app backup compliance (pure): state, reasons with stable codes, expected interval, admission warning. */
export { evaluateCompliance, expectedIntervalOf } from './evaluate.js';
export type { ComplianceInput, ComplianceResult } from './evaluate.js';
export { COMPLIANCE_REASONS } from './reasons.js';
export type { ComplianceReason, ComplianceReasonCode, ComplianceState } from './reasons.js';
export { complianceWarning, formatAge, formatSpan } from './format.js';
