import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openBrowserWindow, openCommand, windowSupport } from '../../lib/notebook/browser-window';

const linux = (env: Record<string, string>) => windowSupport({ env, platform: 'linux' });

describe('windowSupport', () => {
  it('opens a window in JupyterLab on a desktop: a display and a Jupyter server session', () => {
    assert.deepEqual(linux({ DISPLAY: ':0', JPY_PARENT_PID: '7', JPY_SESSION_NAME: '/nb/02.ipynb' }), {
      canOpen: true,
      unattended: false,
      reason: '',
    });
    assert.deepEqual(linux({ WAYLAND_DISPLAY: 'wayland-0' }), { canOpen: true, unattended: false, reason: '' });
    assert.equal(windowSupport({ env: {}, platform: 'darwin' }).canOpen, true);
    assert.equal(windowSupport({ env: {}, platform: 'win32' }).canOpen, true);
  });

  it('calls a kernel that no Jupyter server session started a batch run (nbconvert/nbclient), even with a display', () => {
    const batch = { canOpen: false, unattended: true, reason: 'this notebook is being run by nbconvert/nbclient' };
    assert.deepEqual(linux({ DISPLAY: ':0', JPY_PARENT_PID: '7' }), batch);
    assert.deepEqual(windowSupport({ env: { JPY_PARENT_PID: '7' }, platform: 'darwin' }), batch);
    // the batch reason wins over CI and no display, so an executed notebook prints the same line everywhere
    assert.deepEqual(linux({ JPY_PARENT_PID: '7', CI: 'true' }), batch);
  });

  it('calls CI unattended, unless CI is "false"', () => {
    assert.deepEqual(linux({ DISPLAY: ':0', CI: 'true' }), { canOpen: false, unattended: true, reason: 'this is a CI run' });
    assert.equal(linux({ DISPLAY: ':0', CI: 'false' }).canOpen, true);
    assert.equal(linux({ DISPLAY: ':0', CI: '' }).canOpen, true);
  });

  it('on Linux without a display, says so but counts someone as watching (JupyterLab on a remote server, SSH)', () => {
    const remote = {
      canOpen: false,
      unattended: false,
      reason: 'there is no display (neither DISPLAY nor WAYLAND_DISPLAY is set)',
    };
    assert.deepEqual(linux({ JPY_PARENT_PID: '7', JPY_SESSION_NAME: '/nb/02.ipynb' }), remote);
    assert.deepEqual(linux({ DISPLAY: '' }), remote);
  });
});

describe('openCommand and openBrowserWindow', () => {
  it('uses the platform opener, with the URL as one argument and no shell', () => {
    const url = 'http://127.0.0.1:4000/';
    assert.deepEqual(openCommand(url, 'linux'), ['xdg-open', [url]]);
    assert.deepEqual(openCommand(url, 'darwin'), ['open', [url]]);
    assert.deepEqual(openCommand(url, 'win32'), ['cmd', ['/c', 'start', '""', url]]);
  });

  it('rejects what is not an http(s) URL', () => {
    assert.throws(() => openBrowserWindow('file:///etc/passwd'), {
      name: 'TypeError',
      message: 'openBrowserWindow requires url to be an http(s) URL, got file:///etc/passwd',
    });
    assert.throws(() => openBrowserWindow('http://a b/'), {
      name: 'TypeError',
      message: 'openBrowserWindow requires url to be an http(s) URL, got http://a b/',
    });
  });

  it('rejects, naming the program, when the opener cannot be started', async () => {
    const savedPath = process.env.PATH;
    process.env.PATH = '/nonexistent-likelihood-lab';
    try {
      await assert.rejects(openBrowserWindow('http://127.0.0.1:4000/', 'linux'), {
        message: /^openBrowserWindow could not run xdg-open: .*ENOENT/,
      });
    } finally {
      process.env.PATH = savedPath;
    }
  });
});
