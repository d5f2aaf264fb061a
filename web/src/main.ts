// Entry point: mounts the viewer and exposes the test/bench hook `window.cablegraph`.
import { App, type CablegraphHook } from './app';
import './styles.css';

declare global {
  interface Window {
    cablegraph: CablegraphHook;
  }
}

const app = new App();
window.cablegraph = app.hook;
const mount = document.getElementById('app');
if (mount) void app.start(mount);
