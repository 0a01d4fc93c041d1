import { describe, expect, it } from 'vitest';
import { browserSchedulerHost, createScheduler, type SchedulerWindow } from '../../lib/page/create-scheduler.ts';
import { createManualHost } from '../helpers/dom-fakes.ts';

/** A window with only what the test gives it, recording how each slice was asked for. */
function fakeWindow(parts: Partial<SchedulerWindow>): { win: SchedulerWindow; asked: string[]; run(): void } {
  const asked: string[] = [];
  const queued: (() => void)[] = [];
  const win: SchedulerWindow = {
    performance: { now: () => 0 },
    setTimeout: (cb, ms) => {
      asked.push(`timeout ${ms}`);
      queued.push(cb);
      return 0;
    },
    ...parts,
  };
  return { win, asked, run: () => queued.splice(0).forEach((cb) => cb()) };
}

describe('browserSchedulerHost: how the next slice is asked for', () => {
  it('posts a task at the page’s own priority where the browser has scheduler.postTask', () => {
    const calls: { priority: string; self: unknown }[] = [];
    const cbs: (() => void)[] = [];
    const scheduler = {
      postTask(this: unknown, cb: () => void, options: { priority: 'user-visible' }) {
        calls.push({ priority: options.priority, self: this });
        cbs.push(cb);
        return Promise.resolve();
      },
    };
    const { win, asked } = fakeWindow({ scheduler, requestIdleCallback: () => (asked.push('idle'), 0) });
    let ran = 0;
    browserSchedulerHost(win).requestSlice(() => void ran++);
    // Called on the scheduler object itself (a detached postTask throws "Illegal invocation" in Chromium), not idle.
    expect(calls).toEqual([{ priority: 'user-visible', self: scheduler }]);
    expect(asked).toEqual([]);
    cbs[0]!();
    expect(ran).toBe(1);
  });

  it('falls back to an idle callback with a 50 ms timeout where there is no postTask (a scheduler object without it included)', () => {
    const options: { timeout: number }[] = [];
    const cbs: (() => void)[] = [];
    const { win } = fakeWindow({
      scheduler: {},
      requestIdleCallback: (cb, o) => {
        options.push(o);
        cbs.push(cb);
        return 1;
      },
    });
    let ran = 0;
    browserSchedulerHost(win).requestSlice(() => void ran++);
    expect(options).toEqual([{ timeout: 50 }]);
    cbs[0]!();
    expect(ran).toBe(1);
  });

  it('falls back to a timeout where there is neither', () => {
    const { win, asked, run } = fakeWindow({});
    let ran = 0;
    browserSchedulerHost(win).requestSlice(() => void ran++);
    expect(asked).toEqual(['timeout 0']);
    run();
    expect(ran).toBe(1);
  });

  it('reads the time from the window’s clock', () => {
    const { win } = fakeWindow({ performance: { now: () => 1234.5 } });
    expect(browserSchedulerHost(win).now()).toBe(1234.5);
  });
});

describe('createScheduler', () => {
  /** A job of `steps` steps that logs each one under `name`. */
  function* job(name: string, steps: number, log: string[]): Generator<void, void, undefined> {
    for (let i = 0; i < steps; i++) {
      log.push(`${name}${i}`);
      yield;
    }
  }

  it('runs jobs in order, a slice at a time, until each slice’s budget is spent', () => {
    // The manual clock moves 1 ms per reading; a budget of 3 ms lets three steps through per slice.
    const host = createManualHost(1);
    const scheduler = createScheduler(host, 3);
    const log: string[] = [];
    scheduler.enqueue(job('a', 4, log));
    scheduler.enqueue(job('b', 2, log));
    expect(log).toEqual([]); // nothing runs before the host's slice
    host.pending.shift()!();
    expect(log).toEqual(['a0', 'a1', 'a2']);
    expect(host.pending).toHaveLength(1); // the next slice is asked for
    host.drain();
    expect(log).toEqual(['a0', 'a1', 'a2', 'a3', 'b0', 'b1']);
  });

  it('resolves whenIdle once the queue is empty, and at once when nothing is queued', async () => {
    const host = createManualHost(1);
    const scheduler = createScheduler(host, 2);
    await scheduler.whenIdle();
    const log: string[] = [];
    scheduler.enqueue(job('a', 5, log));
    let idle = false;
    const done = scheduler.whenIdle().then(() => (idle = true));
    await Promise.resolve();
    expect(idle).toBe(false);
    host.drain();
    await done;
    expect(log).toHaveLength(5);
  });

  it('drops queued work on dispose and ignores later jobs', () => {
    const host = createManualHost(1);
    const scheduler = createScheduler(host, 2);
    const log: string[] = [];
    scheduler.enqueue(job('a', 6, log));
    host.pending.shift()!();
    const before = log.length;
    scheduler.dispose();
    scheduler.enqueue(job('b', 2, log));
    host.drain();
    expect(log).toHaveLength(before);
    expect(log.some((l) => l.startsWith('b'))).toBe(false);
  });
});
