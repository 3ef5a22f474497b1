/** Backup scheduling: pure slot computation (DST-safe, Intl only), per-app decisions, a clock-driven scheduler. */
export { parseCron, dayMatches } from './cron.js';
export type { CronSpec, CronResult } from './cron.js';
export { buildSchedule, isNamedFrequency } from './schedule.js';
export type { Schedule } from './schedule.js';
export { slotsAfter, nextSlot, slotsBetween, expectedInterval } from './slots.js';
export { wallAt, offsetAt, instantsOf, resolveWall } from './local-time.js';
export type { Wall } from './local-time.js';
export { staggerOffset, appKey, fnv1a32 } from './stagger.js';
export type { AppRef } from './stagger.js';
export { planRun, startRun, finishRun, MAX_MISSED_RECORDED } from './planner.js';
export type { AppRunState, RunDecision } from './planner.js';
export { createScheduler, DEFAULT_STAGGER_WINDOW_MS } from './scheduler.js';
export type { Scheduler, SchedulerOptions, TickResult } from './scheduler.js';
