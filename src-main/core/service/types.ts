// What the desktop shell and the browser harness plug into: the service that answers every contract call,
// and the few things only the host can do (a folder picker, opening a browser, the clipboard, login items).
import type { CallInput, CallName, CallResult, EventName, Events } from '../../contract';

/** One async method per contract call (calls without input may be called without an argument). */
export type DoctorService = {
  [N in CallName]: undefined extends CallInput<N>
    ? (input?: CallInput<N>) => Promise<CallResult<N>>
    : (input: CallInput<N>) => Promise<CallResult<N>>;
};

/** Host capabilities: Electron APIs in the app, fakes in the browser harness and tests. */
export interface Platform {
  /** The OS folder picker; null when cancelled. */
  pickFolder(): Promise<string | null>;
  /** Opens an https URL in the default browser; callers pass only allowlisted Meta URLs. */
  openExternal(url: string): Promise<void>;
  readClipboardText(): Promise<string>;
  /** Clears the clipboard if it still holds `text` (a token should not linger there after use). */
  clearClipboardIf(text: string): Promise<void>;
  setLaunchAtLogin(enabled: boolean): Promise<void>;
  /** The OS's preferred languages, most preferred first (`app.getPreferredSystemLanguages()`). */
  preferredLanguages(): readonly string[];
  appVersion: string;
}

/** Pushes an event to every window (or HTTP client) of the host. */
export type Emit = <E extends EventName>(event: E, payload: Events[E]) => void;
