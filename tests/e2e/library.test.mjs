// The workspace libraries in the real window: a competitor added to the
// library is saved through the core (checked with the CLI), a competitor
// still named by deals cannot be removed (the core's reason is shown), and
// the settings screen shows the tactics library and takes a backup.
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import { setTimeout as sleep } from 'node:timers/promises'
import { cli, launch } from './driver.mjs'

let app
before(async () => { app = await launch() })
after(async () => { await app?.stop() })

const $ = (id) => app.browser.$(`[data-testid="${id}"]`)
const text = (sel) => app.browser.execute((s) => document.querySelector(s)?.textContent ?? '', sel)

async function shot(name) {
  const dir = process.env.SCREENSHOT_DIR
  if (!dir) return
  mkdirSync(dir, { recursive: true })
  await sleep(400)
  await app.browser.saveScreenshot(join(dir, name))
}

test('a competitor added in the library is saved; one in use cannot be removed', async () => {
  await $('account-row').waitForExist({ timeout: 30000 })
  await (await $('open-competitors')).click()
  await $('competitor-row').waitForExist({ timeout: 10000 })
  await (await $('competitor-new')).click()
  await (await $('competitor-name')).setValue('<i>新锐科技</i>')
  await (await $('competitor-save')).click()
  await app.browser.waitUntil(async () => (await text('[data-testid="competitor-library"] .list')).includes('<i>新锐科技</i>'), { timeout: 10000 })
  const library = JSON.parse(execFileSync(cli, ['--db', app.db, 'export'], { encoding: 'utf8', maxBuffer: 64 << 20 })).competitors
  assert.ok(library.some((c) => c.name === '<i>新锐科技</i>'), 'the CLI sees the new competitor')
  assert.equal(await app.browser.execute(() => document.querySelectorAll('[data-testid="competitor-library"] i').length), 0, 'the name is text')
  // The first practice competitor is on deals: removing it is refused with the reason.
  await (await app.browser.$$('[data-testid="competitor-row"]'))[0].click()
  await app.browser.execute(() => { window.confirm = () => true })
  const remove = await app.browser.$('[data-testid="competitor-form"] .actions button[type="button"]')
  await remove.click()
  await app.browser.waitUntil(async () => (await text('[data-testid="competitor-library"]')).includes('d-'), { timeout: 10000 })
  await shot('competitor-library-zh-CN.png')
  const after = JSON.parse(execFileSync(cli, ['--db', app.db, 'export'], { encoding: 'utf8', maxBuffer: 64 << 20 })).competitors
  assert.equal(after.length, library.length, 'nothing was removed')
})

test('settings show the tactics library and take a backup now', async () => {
  await (await $('open-settings')).click()
  await $('tactics-library').waitForExist({ timeout: 10000 })
  assert.ok((await text('[data-testid="tactics-library"]')).includes('正面进攻'))
  await (await $('backup-now')).click()
  await $('settings-done').waitForExist({ timeout: 10000 })
  const done = await text('[data-testid="settings-done"]')
  const path = done.slice(done.indexOf('/'))
  assert.ok(existsSync(path), `the backup exists: ${done}`)
  execFileSync(cli, ['--db', path, 'verify'])
  await shot('settings-zh-CN.png')
})
