// Crash safety of the app process (issue 6): the real window streams map
// edits (batches of 50 new people, each all-or-nothing) while the app is
// killed with SIGKILL at a random moment. Each time, the database must pass
// `sandtable verify` (integrity check, foreign keys, schema version) and hold
// every batch in full or not at all.
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { test } from 'node:test'
import { setTimeout as sleep } from 'node:timers/promises'
import { application, cli, launch, workspaceDir } from './driver.mjs'

const ROUNDS = 3
const BATCH = 50

/** Process ids whose command line starts with `program`. */
function pidsOf(program) {
  const pids = []
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry))
      continue
    try {
      const argv0 = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0')[0]
      if (argv0 === program)
        pids.push(Number(entry))
    }
    catch {}
  }
  return pids
}

function batchesIn(db) {
  const people = JSON.parse(execFileSync(cli, ['--db', db, 'people', 'acc-bank', '--json'], { encoding: 'utf8', maxBuffer: 256 << 20 }))
  const counts = new Map()
  for (const p of people) {
    const m = /^K-(\d+)-\d+$/.exec(p.name)
    if (m)
      counts.set(m[1], (counts.get(m[1]) ?? 0) + 1)
  }
  return counts
}

test(`killing the app mid-edit ${ROUNDS} times leaves whole databases and whole edits`, async () => {
  for (let round = 0; round < ROUNDS; round++) {
    const workspace = workspaceDir()
    execFileSync(cli, ['--db', workspace.db, 'demo'])
    const app = await launch({ workspace })
    try {
      await (await app.browser.$('[data-testid="account-row"]')).waitForExist({ timeout: 30000 })
      await app.browser.execute((size) => {
        const invoke = window.__TAURI_INTERNALS__.invoke
        let n = 0
        const next = () => {
          const batch = n++
          const edits = Array.from({ length: size }, (_, i) => ({ op: 'add_person', account: 'acc-bank', name: `K-${batch}-${i}`, title: '压测' }))
          invoke('apply_edit', { edit: { op: 'batch', edits } }).then(next, next)
        }
        next()
        next()
      }, BATCH)
      // Wait until edits are landing, then kill at a random moment.
      for (let i = 0; i < 100 && batchesIn(workspace.db).size === 0; i++)
        await sleep(100)
      await sleep(Math.random() * 1500)
      const pids = pidsOf(application)
      assert.ok(pids.length > 0, `the app process ${application} is running`)
      for (const pid of pids)
        process.kill(pid, 'SIGKILL')
    }
    finally {
      await app.stop()
    }
    const verified = JSON.parse(execFileSync(cli, ['--db', workspace.db, 'verify', '--json'], { encoding: 'utf8' }))
    assert.equal(verified.integrity, 'ok', `round ${round}`)
    assert.equal(verified.foreign_key_violations, 0, `round ${round}`)
    const counts = batchesIn(workspace.db)
    assert.ok(counts.size > 0, `round ${round}: some batches were saved before the kill`)
    for (const [batch, count] of counts)
      assert.equal(count, BATCH, `round ${round}: batch ${batch} is whole`)
    console.log(`round ${round}: ${counts.size} whole batches survived the kill`)
  }
})
