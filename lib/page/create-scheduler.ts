/**
 * Runs queued work in time-boxed slices so no single task blocks the page.
 *
 * Work is a generator: each `yield` is a point where the slice may stop. A slice runs until its
 * budget (default 8 ms) is spent, then asks the host for the next slice (see
 * {@link browserSchedulerHost}).
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
  /** Runs `cb` in a later task of its own. */
  requestSlice(cb: () => void): void;
}

/** What {@link browserSchedulerHost} reads of a window; all optional, as browsers differ. */
export interface SchedulerWindow {
  performance: { now(): number };
  scheduler?: { postTask?: (cb: () => void, options: { priority: 'user-visible' }) => Promise<unknown> };
  requestIdleCallback?: (cb: () => void, options: { timeout: number }) => number;
  setTimeout(cb: () => void, ms: number): unknown;
}

/**
 * The browser's way to run the next slice: a task at the page's own priority
 * (`scheduler.postTask`, "user-visible"), else an idle callback with a timeout, else a timeout.
 *
 * Why not idle callbacks first: a page that has just loaded is rarely idle. Measured on the cold
 * bench's 60,092-word article in Chromium (`npm run bench -- --cold`, median of 3): with idle
 * callbacks the first slice ran 37–62 ms after the scan was queued and each later one waited
 * about as long again (the 50 ms timeout), so the viewport's highlights came 151 ms after `load`;
 * as tasks, 51 ms. Slices keep their budget, so the page's input and rendering still come between
 * them; "background" priority starved behind the page's own tasks (the 3 MB page not read to its
 * end after 2.2 s).
 */
export function browserSchedulerHost(win: SchedulerWindow): SchedulerHost {
  const now = () => win.performance.now();
  const tasks = win.scheduler;
  if (typeof tasks?.postTask === 'function') {
    const post = tasks.postTask;
    return { now, requestSlice: (cb) => void post.call(tasks, cb, { priority: 'user-visible' }) };
  }
  const ric = win.requestIdleCallback;
  if (typeof ric === 'function') return { now, requestSlice: (cb) => void ric.call(win, cb, { timeout: 50 }) };
  return { now, requestSlice: (cb) => void win.setTimeout(cb, 0) };
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
    host.requestSlice(tick);
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
