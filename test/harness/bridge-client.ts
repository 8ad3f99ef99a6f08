// `window.doctor` for the browser harness: the contract's makeDoctorApi over HTTP (calls) and Server-Sent
// Events (events), in place of Electron's preload. Bundled and served by the harness; never shipped.
import { makeDoctorApi, type Envelope, type EventName, type Transport } from '../../src-main/contract';
import { CALL_HEADER, CALL_HEADER_VALUE } from './request-guard';

const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
let source: EventSource | null = null;

function ensureEventStream(): void {
  if (source) return;
  source = new EventSource('/api/events');
  source.onmessage = (message) => {
    const { event, payload } = JSON.parse(message.data) as { event: EventName; payload: unknown };
    for (const listener of listeners.get(event) ?? []) listener(payload);
  };
}

const transport: Transport = {
  async invoke(name, input) {
    const response = await fetch(`/api/call/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [CALL_HEADER]: CALL_HEADER_VALUE },
      body: JSON.stringify({ input }),
    });
    return (await response.json()) as Envelope<unknown>;
  },
  subscribe(event, listener) {
    ensureEventStream();
    const set = listeners.get(event) ?? new Set();
    set.add(listener);
    listeners.set(event, set);
    return () => set.delete(listener);
  },
};

(window as unknown as { doctor: unknown }).doctor = makeDoctorApi(transport);
