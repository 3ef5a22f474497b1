/** Background scans of existing resources through the admission engine, results to reports. */
export { createBackgroundScanner, backgroundSet, DEFAULT_SCAN_INTERVAL_MS, type BackgroundScanner, type ScanOptions, type ScanStats } from './background-scan.js';
