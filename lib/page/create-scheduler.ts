/**
 * Runs queued work in time-boxed slices so no single task blocks the page.
 *
 * Work is a generator: each `yield` is a point where the slice may stop. A slice runs until its
 * budget (default 8 ms) is spent, then asks for another idle period (`requestIdleCallback` with a
 * timeout, so busy pages still progress) or, where that is missing, a macrotask.
 */
export interface Scheduler {
  /** Queues a job; jobs run in order. */
  enqueue(job: Iterator<unknown>): void;
  /** Resolves when the queue is empty. */
  whenIdle(): Promise<void>;
  /** Runs everything now (tests and the command line). */
  flush(): void;
  /** Drops all queued work; later enqueues are ignored. */
  dispose(): void;
}

export interface SchedulerHost {
  now(): number;
  requestIdle(cb: () => void): void;
}

/** The browser's idle callbacks, or timeouts where there are none. */
export function browserSchedulerHost(win: Window & typeof globalThis): SchedulerHost {
  const ric = (win as unknown as { requestIdleCallback?: (cb: () => void, o: { timeout: number }) => number }).requestIdleCallback;
  return {
    now: () => win.performance.now(),
    requestIdle: ric ? (cb) => ric.call(win, cb, { timeout: 50 }) : (cb) => void win.setTimeout(cb, 0),
  };
}

export function createScheduler(host: SchedulerHost, budgetMs = 8): Scheduler {
  const queue: Iterator<unknown>[] = [];
  let pending = false;
  let disposed = false;
  let waiters: (() => void)[] = [];

  const settle = () => {
    if (queue.length > 0) return;
    const ready = waiters;
    waiters = [];
    for (const resolve of ready) resolve();
  };

  const runSlice = (deadline: number) => {
    while (queue.length > 0 && !disposed) {
      const job = queue[0]!;
      if (job.next().done) queue.shift();
      if (host.now() >= deadline) break;
    }
  };

  const tick = () => {
    pending = false;
    if (disposed) return;
    runSlice(host.now() + budgetMs);
    if (queue.length > 0) request();
    else settle();
  };

  const request = () => {
    if (pending || disposed) return;
    pending = true;
    host.requestIdle(tick);
  };

  return {
    enqueue(job) {
      if (disposed) return;
      queue.push(job);
      request();
    },
    whenIdle() {
      if (queue.length === 0) return Promise.resolve();
      return new Promise((resolve) => waiters.push(resolve));
    },
    flush() {
      runSlice(Number.POSITIVE_INFINITY);
      settle();
    },
    dispose() {
      disposed = true;
      queue.length = 0;
      settle();
    },
  };
}
