// The keychain library, run on a worker thread. Opening an entry is a synchronous D-Bus conversation on Linux
// (`new AsyncEntry()`); on a broken session bus it blocked the whole process for 45 s. On its own thread it can
// only keep that thread waiting: the caller gets a timeout, the stuck thread is abandoned, and the next call
// starts a fresh one.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

export type KeychainAction = 'get' | 'set' | 'delete';

export interface KeychainRequest {
  action: KeychainAction;
  service: string;
  account: string;
  secret?: string;
  options: object;
}

/** A failure inside the library, with the stage it happened in (opening the entry, or using it). */
export class KeychainThreadError extends Error {
  constructor(
    message: string,
    readonly stage: 'open' | 'use',
  ) {
    super(message);
    this.name = 'KeychainThreadError';
  }
}

export interface KeychainThreadTimeouts {
  /** Opening an entry needs no person: only a stuck bus takes this long. */
  openMs: number;
  /** Using it may show an unlock prompt that waits for the owner to type a password. */
  useMs: number;
}

export const DEFAULT_KEYCHAIN_TIMEOUTS: KeychainThreadTimeouts = { openMs: 10_000, useMs: 180_000 };

// CommonJS, evaluated in the worker: it only opens entries and reports; what failures mean is decided in main.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { AsyncEntry } = require(workerData.keyringModule);
parentPort.on('message', async (request) => {
  let entry;
  try {
    entry = new AsyncEntry(request.service, request.account, request.options);
  } catch (error) {
    parentPort.postMessage({ id: request.id, ok: false, stage: 'open', message: String(error && error.message || error) });
    return;
  }
  parentPort.postMessage({ id: request.id, opened: true });
  try {
    let value = null;
    if (request.action === 'get') value = await entry.getPassword();
    else if (request.action === 'set') await entry.setPassword(request.secret);
    else value = await entry.deleteCredential();
    parentPort.postMessage({ id: request.id, ok: true, value: value === undefined ? null : value });
  } catch (error) {
    parentPort.postMessage({ id: request.id, ok: false, stage: 'use', message: String(error && error.message || error) });
  }
});
`;

interface Reply {
  id: number;
  opened?: boolean;
  ok?: boolean;
  value?: unknown;
  stage?: 'open' | 'use';
  message?: string;
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

export class KeychainThread {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(
    private readonly timeouts: KeychainThreadTimeouts = DEFAULT_KEYCHAIN_TIMEOUTS,
    private readonly keyringModule: string = createRequire(import.meta.url).resolve('@napi-rs/keyring'),
  ) {}

  run(request: KeychainRequest): Promise<unknown> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = this.startTimer(id, 'open');
      this.pending.set(id, { resolve, reject, timer });
      // While a call waits, the thread keeps the process alive for its answer.
      worker.ref();
      worker.postMessage({ id, ...request });
    });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { keyringModule: this.keyringModule } });
    worker.on('message', (reply: Reply) => this.settle(reply));
    worker.on('error', (error) => this.abandon(worker, new KeychainThreadError(error.message, 'open')));
    worker.on('exit', () => this.abandon(worker, new KeychainThreadError('The keychain thread stopped.', 'open')));
    // An idle thread must never keep the CLI from exiting (unref after the listeners: adding one re-refs).
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private startTimer(id: number, stage: 'open' | 'use'): NodeJS.Timeout {
    const ms = stage === 'open' ? this.timeouts.openMs : this.timeouts.useMs;
    const timer = setTimeout(() => {
      const message = `The keychain did not answer within ${String(Math.round(ms / 1000))} s (${stage === 'open' ? 'opening' : 'using'} the entry).`;
      // The thread is stuck inside the library and cannot be interrupted: leave it, and start afresh next time.
      if (this.worker) this.abandon(this.worker, new KeychainThreadError(message, stage));
    }, ms);
    timer.unref();
    return timer;
  }

  private settle(reply: Reply): void {
    const call = this.pending.get(reply.id);
    if (!call) return;
    clearTimeout(call.timer);
    if (reply.opened) {
      call.timer = this.startTimer(reply.id, 'use');
      return;
    }
    this.pending.delete(reply.id);
    if (this.pending.size === 0) this.worker?.unref();
    if (reply.ok) call.resolve(reply.value ?? null);
    else call.reject(new KeychainThreadError(reply.message ?? 'unknown keychain failure', reply.stage ?? 'use'));
  }

  /** Gives up on `worker`: every call still waiting on it fails with `error`. */
  private abandon(worker: Worker, error: KeychainThreadError): void {
    if (this.worker !== worker) return;
    this.worker = null;
    void worker.terminate().catch(() => undefined);
    for (const call of this.pending.values()) {
      clearTimeout(call.timer);
      call.reject(error);
    }
    this.pending.clear();
  }
}
