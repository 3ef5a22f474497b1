/**
 * Admissions gathered per event-loop turn. Node reads every connection that is ready in one poll phase
 * (TLS, HTTP and the body's JSON for each request); the admissions that arrived together are then
 * evaluated one after another in the check phase that follows (`evaluation()`, a setImmediate), and
 * their answers are written one after another once the whole group is evaluated (`answer()`, a
 * process.nextTick after the group's microtasks).
 *
 * Why: on a busy server, evaluating each admission between the network work of the others ran the engine
 * from cold CPU caches (the first evaluation after other requests' TLS/HTTP/JSON work cost 1.6-2.1x an
 * immediate repeat), and writing each answer as soon as it was ready woke the client once per answer.
 * Grouped, the engine runs warm after its first admission of the turn and the client is woken once per
 * group. Measured with bench:webhook's servers in alternating rounds on the 2-CPU bench machine: CPU per
 * admission 254 -> 181 µs and throughput 0.59 -> 0.79 of the bare server in one run (0.68-0.87 over
 * eight); grouping only the evaluations gave 0.67, only the writes 0.62 (docs/performance.md).
 *
 * Cost: an admission waits for the turn's other evaluations (~7 at saturation on the bench machine, each
 * tens of µs); alone in its turn (light load) it waits for one setImmediate. Nothing is held across I/O:
 * an evaluation that awaits a lookup (cluster mode's apiCall) answers through whichever group is forming
 * when it resumes, so one slow lookup never holds the others' answers.
 */

export interface TurnBatch {
  /** Resolves in the check phase of the current turn, together with every admission that arrived in it. */
  evaluation(): Promise<void>;
  /** Resolves once the evaluations running now (this microtask round) have all reached their answer. */
  answer(): Promise<void>;
}

/** Grouping off: each admission goes straight through (tests compare both; AppOptions.batchAdmissions). */
const STRAIGHT: TurnBatch = Object.freeze({
  evaluation: () => Promise.resolve(),
  answer: () => Promise.resolve(),
});

/**
 * A wait shared by everyone who asks before `schedule` fires: one promise per group (not one per
 * admission), and the next ask after it fired starts the next group.
 */
function sharedWait(schedule: (fire: () => void) => void): () => Promise<void> {
  let pending: Promise<void> | undefined;
  return () =>
    (pending ??= new Promise((resolve) =>
      schedule(() => {
        pending = undefined;
        resolve();
      }),
    ));
}

export function createTurnBatch(enabled = true): TurnBatch {
  if (!enabled) return STRAIGHT;
  return {
    evaluation: sharedWait(setImmediate),
    // process.nextTick runs after the microtask round in which it was scheduled: after every admission
    // resumed by this turn's evaluation() has run to its answer (or to an await on I/O).
    answer: sharedWait(process.nextTick),
  };
}
