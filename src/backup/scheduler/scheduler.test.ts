import { describe, expect, it } from 'vitest';
import { createScheduler } from './scheduler.js';
import { planRun, startRun } from './planner.js';
import { staggerOffset } from './stagger.js';
import { at, fakeClock, iso, policy, schedule } from './test-helpers.js';

const app = { namespace: 'shop', name: 'db' };
const M = 60_000;

describe('catch-up after downtime', () => {
  it('runs exactly once after 5 h down, the missed slots recorded', () => {
    const clock = fakeClock('2026-05-04T15:20Z');
    const s = createScheduler({ clock: clock.now, staggerWindowMs: 0, state: { 'shop/db': { lastSlot: at('2026-05-04T10:00Z') } } });
    s.register(app, policy('gold'));
    const [first] = s.tick();
    expect(first?.decision.kind).toBe('run');
    if (first?.decision.kind !== 'run') return;
    expect(iso(first.decision.slot)).toBe('2026-05-04T15:00');
    expect(first.decision.missed.map(iso)).toEqual(['2026-05-04T11:00', '2026-05-04T12:00', '2026-05-04T13:00', '2026-05-04T14:00']);
    expect(first.decision.catchUp).toBe(true);
    s.finish(app);
    expect(s.tick()[0]?.decision).toEqual({ kind: 'wait', next: at('2026-05-04T16:00Z') });
  });

  it('a new app waits for its next slot instead of back-filling history', () => {
    const clock = fakeClock('2026-05-04T15:20Z');
    const s = createScheduler({ clock: clock.now, staggerWindowMs: 0 });
    s.register(app, policy('gold'));
    expect(s.tick()[0]?.decision.kind).toBe('wait');
    clock.set('2026-05-04T16:00Z');
    expect(s.tick()[0]?.decision).toMatchObject({ kind: 'run', slot: at('2026-05-04T16:00Z'), missed: [], catchUp: false });
    expect(s.snapshot()).toEqual({ 'shop/db': { lastSlot: at('2026-05-04T16:00Z') } });
  });
});

describe('one run at a time per app', () => {
  it('refuses an overlapping run and runs the queued slot when the previous one finishes', () => {
    const clock = fakeClock('2026-05-04T10:00Z');
    const s = createScheduler({ clock: clock.now, staggerWindowMs: 0, state: { 'shop/db': { lastSlot: at('2026-05-04T09:00Z') } } });
    s.register(app, policy('gold'));
    expect(s.tick()[0]?.decision.kind).toBe('run');
    clock.set('2026-05-04T11:00Z');
    expect(s.tick()[0]?.decision).toEqual({ kind: 'busy', due: at('2026-05-04T11:00Z'), runningSince: at('2026-05-04T10:00Z') });
    clock.set('2026-05-04T11:30Z');
    s.finish(app);
    expect(s.tick()[0]?.decision).toMatchObject({ kind: 'run', slot: at('2026-05-04T11:00Z'), missed: [] });
  });

  it('startRun refuses a second run (a programmer error)', () => {
    const st = startRun({ lastSlot: 0 }, 1, 1);
    expect(() => startRun(st, 2, 2)).toThrow(/already in progress/);
  });
});

describe('paused policies', () => {
  it('do not run and do not pile up a catch-up for when they resume', () => {
    const clock = fakeClock('2026-05-04T10:30Z');
    const p = policy('gold', { paused: true });
    const s = createScheduler({ clock: clock.now, staggerWindowMs: 0, state: { 'shop/db': { lastSlot: at('2026-05-04T08:00Z') } } });
    s.register(app, p);
    expect(s.tick()[0]?.decision).toEqual({ kind: 'paused', next: at('2026-05-04T11:00Z') });
    s.register(app, { ...p, spec: { ...p.spec, paused: false } });
    clock.set('2026-05-04T11:00Z');
    expect(s.tick()[0]?.decision).toMatchObject({ kind: 'run', missed: [] });
  });
});

describe('staggering', () => {
  it('is deterministic per namespace/name and stays inside the window', () => {
    const apps = Array.from({ length: 200 }, (_, i) => ({ namespace: `ns${i % 7}`, name: `app-${i}` }));
    const offsets = apps.map((a) => staggerOffset(a, 10 * M));
    expect(offsets.every((o) => o >= 0 && o < 10 * M && o % 1000 === 0)).toBe(true);
    expect(new Set(offsets).size).toBeGreaterThan(150);
    expect(apps.map((a) => staggerOffset(a, 10 * M))).toEqual(offsets);
    expect(staggerOffset(app, 0)).toBe(0);
  });

  it('shifts each app’s slots by its offset, bounded by half the gap between slots', () => {
    const clock = fakeClock('2026-05-04T09:59Z');
    const s = createScheduler({ clock: clock.now, staggerWindowMs: 60 * M });
    s.register(app, policy('gold', { subFrequency: { minutes: [0, 20, 40] } }));
    const offset = s.offsetOf(app) ?? -1;
    expect(offset).toBe(staggerOffset(app, 10 * M));
    clock.set('2026-05-04T10:00Z');
    expect(s.tick()[0]?.decision.kind).toBe('wait');
    clock.advance(offset);
    expect(s.tick()[0]?.decision).toMatchObject({ kind: 'run', slot: at('2026-05-04T10:00Z') + offset });
  });

  it('planRun with an offset reports the staggered slot', () => {
    const sched = schedule({ frequency: '@hourly' });
    const d = planRun(sched, { lastSlot: at('2026-05-04T09:30Z') }, at('2026-05-04T10:05Z'), { offsetMs: 3 * M });
    expect(d).toEqual({ kind: 'run', slot: at('2026-05-04T10:03Z'), missed: [], catchUp: false });
  });
});
