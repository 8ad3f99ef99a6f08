// The renderer's entry in the app window: the preload has put the API on `window.doctor`.
import { mountApp } from './app/mount';

const root = document.getElementById('root');
if (root) mountApp(window.doctor, root);
