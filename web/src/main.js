// The console: one page whose screens follow the path (app.js).
import { h, render } from 'preact';
import { App } from './app.js';

render(h(App), document.getElementById('app'));
