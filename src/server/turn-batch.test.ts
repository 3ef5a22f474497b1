import { describe, expect, it } from 'vitest';
import { createTurnBatch, type TurnBatch } from './turn-batch.js';

/** One admission as the route runs it: wait for the group, evaluate, wait for the group's answers, answer. */
async function admission(batch: TurnBatch, name: string, log: string[], evaluate: () => Promise<void> | void = () => undefined): Promise<void> {
  await batch.evaluation();
  log.push(`evaluate ${name}`);
  await evaluate();
  await batch.answer();
  log.push(`answer ${name}`);
}

describe('createTurnBatch', () => {
  it('evaluates the admissions that arrived in one turn together, then answers them together', async () => {
    const log: string[] = [];
    const batch = createTurnBatch();
    const all = Promise.all(['a', 'b', 'c'].map((n) => admission(batch, n, log)));
    log.push('turn goes on');
    await all;
    expect(log).toEqual(['turn goes on', 'evaluate a', 'evaluate b', 'evaluate c', 'answer a', 'answer b', 'answer c']);
  });

  it('starts a new group per turn', async () => {
    const log: string[] = [];
    const batch = createTurnBatch();
    await admission(batch, 'a', log);
    await admission(batch, 'b', log);
    expect(log).toEqual(['evaluate a', 'answer a', 'evaluate b', 'answer b']);
  });

  it('never holds a group for an evaluation that awaits I/O', async () => {
    const log: string[] = [];
    const batch = createTurnBatch();
    const slow = () => new Promise<void>((resolve) => setTimeout(resolve, 20));
    await Promise.all([admission(batch, 'slow', log, slow), admission(batch, 'quick', log)]);
    expect(log).toEqual(['evaluate slow', 'evaluate quick', 'answer quick', 'answer slow']);
  });

  it('answers a group even when an evaluation throws', async () => {
    const log: string[] = [];
    const batch = createTurnBatch();
    const failing = admission(batch, 'bad', log, () => {
      throw new Error('boom');
    });
    const fine = admission(batch, 'fine', log);
    await expect(failing).rejects.toThrow('boom');
    await fine;
    expect(log).toEqual(['evaluate bad', 'evaluate fine', 'answer fine']);
  });

  it('goes straight through when grouping is off', async () => {
    for (const enabled of [true, false]) {
      const log: string[] = [];
      const batch = createTurnBatch(enabled);
      const checkPhase = new Promise<void>((resolve) => setImmediate(() => resolve(void log.push('check phase'))));
      await admission(batch, 'a', log);
      await checkPhase;
      expect(log).toEqual(enabled ? ['check phase', 'evaluate a', 'answer a'] : ['evaluate a', 'answer a', 'check phase']);
    }
  });
});
