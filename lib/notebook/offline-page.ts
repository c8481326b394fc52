/** Where the 3-D view's server serves plotly.js from the npm package `plotly.js-dist-min`. */
export const LOCAL_PLOTLY_PATH = '/likelihood-lab/plotly.min.js';

/** Where the page reports that it is being closed (a `navigator.sendBeacon` POST). */
export const PAGE_CLOSED_PATH = '/likelihood-lab/page-closed';

// One figure per page here: give it the full width (nodeplotlib's grid has 500 px columns), and
// drop the tutorial button, whose Material icon font came from Google Fonts (its ligature name
// would show as text).
const PAGE_STYLE =
  '<style>npl-plots{grid-template-columns:1fr !important}button[routerlink="tutorial"]{display:none !important}</style>';

const CDN_PLOTLY_SCRIPT = /<script\b[^>]*\bsrc="https:\/\/cdn\.plot\.ly\/[^"]*"[^>]*><\/script>/;
const REMOTE_FONT_FACE = /@font-face\{[^}]*url\(https?:[^}]*\}/g;
const PRECONNECT = /<link\b[^>]*rel="preconnect"[^>]*>/g;
const REMOTE_REFERENCE = /(?:src|href)="(https?:[^"]*)"|url\((https?:[^)]*)\)|@import\s+["'](https?:[^"']*)/;

/**
 * nodeplotlib's page made to work with no internet, and never to reach out: the plotly.js
 * `<script>` from cdn.plot.ly points at {@link LOCAL_PLOTLY_PATH} instead (served from the npm
 * package `plotly.js-dist-min`, the same 1.58.4 the page was built for), the Google-Fonts
 * `@font-face` rules and the `preconnect` hint go (the page falls back to Helvetica/sans-serif),
 * a style gives the one figure the full width and hides the tutorial button (its icon font was
 * remote), and a small script tells the server when the page is closed (`pagehide` beacon to
 * {@link PAGE_CLOSED_PATH}), so the server can stop with the window.
 *
 * Checks its own result: a page that would still load anything from another host throws, so a
 * future nodeplotlib page that adds a CDN link fails loudly here instead of leaking requests.
 *
 * @param html - nodeplotlib's `src/lib/server/web/index.html`
 * @returns the rewritten page
 * @throws {TypeError} when html is not a string
 * @throws {Error} when the page has no cdn.plot.ly script, or still references another host
 * @example
 * const page = offlinePage(fs.readFileSync(nodeplotlibIndexHtml, 'utf8'));
 * page.includes('cdn.plot.ly'); // => false
 */
export function offlinePage(html: string): string {
  if (typeof html !== 'string') throw new TypeError('offlinePage requires html to be a string');
  if (!CDN_PLOTLY_SCRIPT.test(html)) {
    throw new Error('offlinePage requires html to load plotly.js from cdn.plot.ly (has nodeplotlib changed its page?)');
  }
  if (!html.includes('</head>') || !html.includes('</body>')) {
    throw new Error('offlinePage requires html to have a </head> and a </body>');
  }
  const closedBeacon = `<script>addEventListener('pagehide', function () { navigator.sendBeacon('${PAGE_CLOSED_PATH}'); });</script>`;
  const page = html
    .replace(CDN_PLOTLY_SCRIPT, `<script type="text/javascript" src="${LOCAL_PLOTLY_PATH}" defer></script>`)
    .replace(REMOTE_FONT_FACE, '')
    .replace(PRECONNECT, '')
    .replace('</head>', `${PAGE_STYLE}</head>`)
    .replace('</body>', `${closedBeacon}\n</body>`);
  const remote = REMOTE_REFERENCE.exec(page);
  if (remote) {
    throw new Error(`offlinePage could not make the page offline: it still loads ${remote[1] ?? remote[2] ?? remote[3]}`);
  }
  return page;
}
