// The preview page: the real app, mounted the way the window mounts it, on a fake doctor, so every screen can
// be looked at in a plain browser. `window.preview` lets the screenshot script reach the few states no click
// leads to (an empty dashboard).
import { mountApp } from '../../src-renderer/app/mount';
import { FakeDoctor } from '../components/fake-doctor';
import { scenarioFrom } from './scenarios';

const { options, language } = scenarioFrom(new URLSearchParams(location.search));
const fake = new FakeDoctor(options);
window.doctor = fake.api;
const root = document.getElementById('root');
if (root) {
  const { stores } = mountApp(window.doctor, root, language);
  (window as unknown as { preview: unknown }).preview = { stores, fake };
}
