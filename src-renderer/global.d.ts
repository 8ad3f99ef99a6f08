// `window.doctor` is the whole API the renderer has: the preload builds it in Electron, the browser harness in tests.
import type { DoctorApi } from '../src-main/contract';

declare global {
  interface Window {
    doctor: DoctorApi;
  }
}

export {};
