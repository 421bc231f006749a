// The native file dialog must not cost saved edits (issue 15, item 1). The
// real window opens GTK's save dialog (导出工作区), which is steered to the
// folder that holds the workspace: GTK opens and closes the files it lists,
// which used to drop SQLite's POSIX locks, so a CLI command run meanwhile took
// the database for unused and deleted its write-ahead log under the window;
// edits made after that were gone once the window closed.
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { test } from 'node:test'
import { setTimeout as sleep } from 'node:timers/promises'
import { cli, launch, workspaceDir } from './driver.mjs'

/** How many locks the kernel lists on the file (/proc/locks, by inode). */
function locksOn(path) {
  const ino = String(statSync(path).ino)
  return readFileSync('/proc/locks', 'utf8').split('\n').filter(l => (l.split(/\s+/)[5] ?? '').split(':').pop() === ino).length
}

const xdotool = (...args) => execFileSync('xdotool', args, { encoding: 'utf8' }).trim()

/** The visible window titled `name` (GTK's own title of its save dialog), waiting for it. */
async function windowNamed(name) {
  for (let i = 0; i < 100; i++) {
    try {
      const found = xdotool('search', '--onlyvisible', '--name', `^${name}$`)
      if (found)
        return found.split('\n')[0]
    }
    catch {}
    await sleep(100)
  }
  throw new Error(`no window named ${name}`)
}

function titleOf(db, person) {
  const people = JSON.parse(execFileSync(cli, ['--db', db, 'people', 'acc-bank', '--json'], { encoding: 'utf8' }))
  return people.find(p => p.id === person).title
}

test('an edit made after the native dialog listed the workspace folder and a CLI run is kept', async () => {
  const workspace = workspaceDir()
  execFileSync(cli, ['--db', workspace.db, 'init'])
  execFileSync(cli, ['--db', workspace.db, 'demo'])
  const app = await launch({ workspace, lang: 'en_US.UTF-8' })
  let closed = false
  try {
    const exportButton = await app.browser.$('[data-testid="workspace-export"]')
    await exportButton.waitForClickable({ timeout: 30000 })
    const held = locksOn(workspace.db)
    assert.ok(held > 0, 'the open workspace holds no lock')
    await exportButton.click()
    const dialog = await windowNamed('Save File')
    // Steer the dialog to the workspace's folder, as a user would.
    xdotool('windowfocus', '--sync', dialog)
    xdotool('key', '--clearmodifiers', 'ctrl+a')
    xdotool('type', '--delay', '10', `${workspace.dir}/`)
    xdotool('key', 'Return')
    await sleep(1500)
    assert.equal(locksOn(workspace.db), held, 'the dialog listing the folder dropped the workspace\'s locks')
    execFileSync(cli, ['--db', workspace.db, 'accounts'])
    assert.ok(existsSync(`${workspace.db}-wal`), 'the CLI deleted the window\'s write-ahead log')
    for (let i = 0; i < 2; i++) {
      xdotool('windowfocus', '--sync', dialog)
      xdotool('key', 'Escape')
      await sleep(300)
    }

    // An edit through the real window's IPC, after all that.
    await app.browser.execute(() => window.__TAURI_INTERNALS__.invoke('apply_edit', {
      edit: { op: 'update_person', id: 'p-bank-003', patch: { title: '行长（对话框之后）' } },
    }))
    assert.equal(titleOf(workspace.db, 'p-bank-003'), '行长（对话框之后）', 'the CLI does not see the window\'s edit')
    await app.stop()
    closed = true
    assert.equal(titleOf(workspace.db, 'p-bank-003'), '行长（对话框之后）', 'the edit was lost when the window closed')
  }
  finally {
    if (!closed)
      await app.stop()
  }
})
