// The preload (sandboxed, bundled as CommonJS): exposes `window.doctor` and nothing else. The renderer types
// `window.doctor` as the contract's DoctorApi, which is exactly what makeDoctorApi builds here.
import { contextBridge, ipcRenderer } from 'electron';
import { exposeDoctorApi } from './ipc/preload-bridge';

export type { DoctorApi } from '../contract';

exposeDoctorApi(contextBridge, ipcRenderer);
