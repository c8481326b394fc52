import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { LOCAL_PLOTLY_PATH, PAGE_CLOSED_PATH, offlinePage } from '../../lib/notebook/offline-page';

const nodeplotlibPage = fs.readFileSync(
  path.join(path.dirname(require.resolve('nodeplotlib/package.json')), 'src', 'lib', 'server', 'web', 'index.html'),
  'utf8',
);

describe('offlinePage', () => {
  it('starts from a nodeplotlib page that loads plotly 1.58.4 and fonts from the internet (the problem)', () => {
    assert.match(nodeplotlibPage, /src="https:\/\/cdn\.plot\.ly\/plotly-1\.58\.4\.min\.js"/);
    assert.match(nodeplotlibPage, /url\(https:\/\/fonts\.gstatic\.com\//);
  });

  it('loads plotly.js from the local path and nothing from another host', () => {
    const page = offlinePage(nodeplotlibPage);
    assert.ok(page.includes(`<script type="text/javascript" src="${LOCAL_PLOTLY_PATH}" defer></script>`));
    assert.doesNotMatch(page, /https?:\/\//);
    assert.doesNotMatch(page, /@font-face/);
    // the Angular app itself is untouched
    for (const script of ['runtime.js', 'polyfills.js', 'main.js'])
      assert.ok(page.includes(`<script src="${script}" type="module"></script>`));
  });

  it('tells the server when the page goes away, and gives the figure the full width', () => {
    const page = offlinePage(nodeplotlibPage);
    assert.ok(page.includes(`navigator.sendBeacon('${PAGE_CLOSED_PATH}')`));
    assert.ok(page.includes('npl-plots{grid-template-columns:1fr !important}'));
    assert.ok(page.includes('button[routerlink="tutorial"]{display:none !important}'));
  });

  it('the plotly.js package it points to is the version the page was built for', () => {
    const pkg = JSON.parse(fs.readFileSync(require.resolve('plotly.js-dist-min/package.json'), 'utf8'));
    assert.equal(pkg.version, '1.58.4');
    assert.match(
      fs.readFileSync(require.resolve('plotly.js-dist-min/plotly.min.js'), 'utf8').slice(0, 200),
      /plotly\.js v1\.58\.4/,
    );
  });

  it('fails loudly on a page it cannot make offline', () => {
    assert.throws(() => offlinePage(42 as any), { name: 'TypeError', message: 'offlinePage requires html to be a string' });
    assert.throws(() => offlinePage('<html><head></head><body></body></html>'), {
      message: 'offlinePage requires html to load plotly.js from cdn.plot.ly (has nodeplotlib changed its page?)',
    });
    const withAnalytics = nodeplotlibPage.replace('</body>', '<script src="https://example.com/a.js"></script></body>');
    assert.throws(() => offlinePage(withAnalytics), {
      message: 'offlinePage could not make the page offline: it still loads https://example.com/a.js',
    });
  });
});
