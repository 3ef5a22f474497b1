/**
 * The pure decision for one app at one instant. State is the last slot handled (run or recorded as
 * missed) and the run in progress, if any. Slots that passed while the app was busy or the engine was
 * down collapse into one run for the newest slot, the older ones reported as missed: after five hours
 * down an hourly policy runs once, not five times.
 */
import { nextSlot, slotsBetween } from './slots.js';
import type { Schedule } from './schedule.js';

export interface AppRunState {
  /** The newest slot already handled; nothing at or before it is due again. */
  readonly lastSlot: number;
  readonly running?: { readonly slot: number; readonly startedAt: number };
}

export type RunDecision =
  | { readonly kind: 'wait'; readonly next?: number }
  | { readonly kind: 'run'; readonly slot: number; readonly missed: readonly number[]; readonly catchUp: boolean }
  /** A slot is due but the previous run is still going: refused now, queued until it finishes. */
  | { readonly kind: 'busy'; readonly due: number; readonly runningSince: number }
  | { readonly kind: 'paused'; readonly next?: number };

/** Missed slots recorded per catch-up; more than this were not worth listing one by one. */
export const MAX_MISSED_RECORDED = 1000;

export function planRun(schedule: Schedule, state: AppRunState, now: number, opts: { offsetMs?: number; paused?: boolean } = {}): RunDecision {
  const offset = opts.offsetMs ?? 0;
  const due = slotsBetween(schedule, state.lastSlot, now, offset, MAX_MISSED_RECORDED);
  const next = (): number | undefined => nextSlot(schedule, now, offset);
  if (opts.paused) {
    const n = next();
    return n === undefined ? { kind: 'paused' } : { kind: 'paused', next: n };
  }
  const slot = due.at(-1);
  if (slot === undefined) {
    const n = next();
    return n === undefined ? { kind: 'wait' } : { kind: 'wait', next: n };
  }
  if (state.running) return { kind: 'busy', due: slot, runningSince: state.running.startedAt };
  const missed = due.slice(0, -1);
  return { kind: 'run', slot, missed, catchUp: missed.length > 0 };
}

export function startRun(state: AppRunState, slot: number, now: number): AppRunState {
  if (state.running) throw new Error('startRun: a run is already in progress (planRun returns busy)');
  return { lastSlot: Math.max(state.lastSlot, slot), running: { slot, startedAt: now } };
}

export function finishRun(state: AppRunState): AppRunState {
  return { lastSlot: state.lastSlot };
}
