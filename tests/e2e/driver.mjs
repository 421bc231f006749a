// Starts tauri-driver and a WebDriver session on the real Sandtable binary,
// with a fresh workspace database in a temporary folder.
import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { remote } from 'webdriverio'

const root = resolve(import.meta.dirname, '../..')
export const application = process.env.SANDTABLE_APP ?? join(root, 'target/debug/sandtable-desktop')
export const cli = process.env.SANDTABLE_CLI ?? join(root, 'target/debug/sandtable')
const port = Number(process.env.TAURI_DRIVER_PORT ?? 4444)
// WebKitWebDriver's port; by default the one after tauri-driver's, so two
// suites on one machine only need different TAURI_DRIVER_PORTs.
const nativePort = Number(process.env.TAURI_NATIVE_PORT ?? port + 1)

/** Launches the app on a new database; returns the browser, the db path and a stop function. */
/** Creates a private folder with the database path the app will use. */
export function workspaceDir() {
  const dir = mkdtempSync(join(tmpdir(), 'sandtable-e2e-'))
  return { dir, db: join(dir, 'workspace.db') }
}

export async function launch({ lang = 'zh_CN.UTF-8', workspace = workspaceDir() } = {}) {
  const { dir, db } = workspace
  const driver = spawn(process.env.TAURI_DRIVER ?? 'tauri-driver', ['--port', String(port), '--native-port', String(nativePort)], {
    stdio: ['ignore', 'inherit', 'inherit'],
    // Its own process group, so stop() ends WebKitWebDriver, the app and the
    // app's WebKit processes with it: nothing may outlive the test run.
    detached: true,
    // A private data home: the webview's storage (saved language) starts empty.
    env: { ...process.env, SANDTABLE_DB: db, XDG_DATA_HOME: join(dir, 'data'), LANG: lang, LC_ALL: lang, LANGUAGE: '' },
  })
  await waitForPort()
  const browser = await remote({
    hostname: '127.0.0.1',
    port,
    logLevel: 'error',
    connectionRetryCount: 3,
    capabilities: {
      'tauri:options': { application },
      'wdio:enforceWebDriverClassic': true,
    },
  })
  return {
    browser,
    db,
    async stop() {
      await browser.deleteSession().catch(() => {})
      await endGroup(driver)
    },
  }
}

/** Ends a detached child and its whole process group: TERM, then KILL after 5 s. */
async function endGroup(child) {
  const exited = child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise(done => child.once('exit', done))
  const signal = (name) => {
    try { process.kill(-child.pid, name) }
    catch {}
  }
  signal('SIGTERM')
  const timer = setTimeout(() => signal('SIGKILL'), 5000)
  await exited
  clearTimeout(timer)
  // The group may outlive its leader (the app's WebKit processes).
  signal('SIGKILL')
}

async function waitForPort() {
  for (let i = 0; i < 100; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/status`)
      if (res.ok) return
    }
    catch {}
    await sleep(100)
  }
  throw new Error(`tauri-driver did not listen on port ${port}`)
}
