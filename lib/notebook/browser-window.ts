import { spawn } from 'child_process';

/** What decides whether a window can be opened: environment variables and the platform. */
export interface WindowEnvironment {
  /** Environment variables. @default process.env */
  env: Record<string, string | undefined>;
  /** Operating system, as `process.platform`. @default process.platform */
  platform: string;
}

/** Whether a browser window can be opened here, and if not, why. */
export interface WindowSupport {
  /** True when a window can be opened: a display, and someone watching. */
  canOpen: boolean;
  /**
   * True when no one is watching: a notebook run by nbconvert/nbclient, or CI. Then there is no
   * point in serving a page either.
   */
  unattended: boolean;
  /** Why no window can be opened, one clause without a full stop; '' when one can. */
  reason: string;
}

function currentEnvironment(): WindowEnvironment {
  return { env: process.env, platform: process.platform };
}

const isSet = (value: string | undefined) => value !== undefined && value !== '';

/**
 * Decides whether a browser window can be opened, from the environment only (nothing is tried).
 * In this order:
 *
 * 1. a notebook executed by nbconvert/nbclient (Restart & Run All by a script, the report, the
 *    tests): a Jupyter kernel (`JPY_PARENT_PID` set by jupyter_client) that no Jupyter server
 *    session started (JupyterLab sets `JPY_SESSION_NAME`): unattended;
 * 2. CI (`CI` set and not 'false'): unattended;
 * 3. Linux without a display (neither `DISPLAY` nor `WAYLAND_DISPLAY`): no window, but someone
 *    may be watching (JupyterLab on a remote server, a terminal over SSH);
 * 4. otherwise (macOS, Windows, Linux with a display): a window can be opened.
 *
 * The batch case comes first so that an executed notebook says the same thing on every machine.
 *
 * @param environment - environment variables and platform; tests pass their own
 * @returns `{ canOpen, unattended, reason }`
 * @example
 * windowSupport({ env: { JPY_PARENT_PID: '42' }, platform: 'linux' });
 * // => { canOpen: false, unattended: true, reason: 'this notebook is being run by nbconvert/nbclient' }
 */
export function windowSupport(environment: WindowEnvironment = currentEnvironment()): WindowSupport {
  const { env, platform } = environment;
  if (isSet(env.JPY_PARENT_PID) && !isSet(env.JPY_SESSION_NAME)) {
    return { canOpen: false, unattended: true, reason: 'this notebook is being run by nbconvert/nbclient' };
  }
  if (isSet(env.CI) && env.CI !== 'false') {
    return { canOpen: false, unattended: true, reason: 'this is a CI run' };
  }
  if (platform === 'linux' && !isSet(env.DISPLAY) && !isSet(env.WAYLAND_DISPLAY)) {
    return { canOpen: false, unattended: false, reason: 'there is no display (neither DISPLAY nor WAYLAND_DISPLAY is set)' };
  }
  return { canOpen: true, unattended: false, reason: '' };
}

/**
 * The command that opens a URL in the default browser: `open` on macOS, `cmd /c start` on
 * Windows, `xdg-open` elsewhere. Exported for tests.
 *
 * @param url - the address to open
 * @param platform - as `process.platform`
 * @returns the program and its arguments (no shell is involved)
 * @example
 * openCommand('http://127.0.0.1:8080/', 'darwin'); // => ['open', ['http://127.0.0.1:8080/']]
 */
export function openCommand(url: string, platform: string): [string, string[]] {
  if (platform === 'darwin') return ['open', [url]];
  if (platform === 'win32') return ['cmd', ['/c', 'start', '""', url]];
  return ['xdg-open', [url]];
}

/**
 * Opens a URL in the default browser, detached (the browser outlives this process). Resolves once
 * the opener started, rejects when it cannot be started (e.g. `xdg-open` missing); whether the
 * browser then shows the page is up to the desktop.
 *
 * @param url - an http(s) URL
 * @param platform - as `process.platform` @default process.platform
 * @returns a promise that settles when the opener has started or failed
 * @throws {TypeError} when url is not an http(s) URL
 * @example
 * await openBrowserWindow('http://127.0.0.1:8080/');
 */
export function openBrowserWindow(url: string, platform: string = process.platform): Promise<void> {
  if (typeof url !== 'string' || !/^https?:\/\/\S+$/.test(url)) {
    throw new TypeError(`openBrowserWindow requires url to be an http(s) URL, got ${String(url)}`);
  }
  const [program, args] = openCommand(url, platform);
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { detached: true, stdio: 'ignore', windowsHide: true });
    child.once('error', (error) => reject(new Error(`openBrowserWindow could not run ${program}: ${error.message}`)));
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
}
