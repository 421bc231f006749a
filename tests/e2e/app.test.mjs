// The real window: the practice workspace shows up on first start, and the
// language switch changes the labels. Checked against the CLI on the same database.
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import { setTimeout as sleep } from 'node:timers/promises'
import { cli, launch } from './driver.mjs'

let app
before(async () => { app = await launch() })
after(async () => { await app?.stop() })

const $ = (id) => app.browser.$(`[data-testid="${id}"]`)
// WebKitWebDriver's getText skips some text nodes; read the DOM directly.
const text = (id) => app.browser.execute((sel) => document.querySelector(sel)?.textContent ?? '', `[data-testid="${id}"]`)
const count = (id) => app.browser.execute((sel) => document.querySelectorAll(sel).length, `[data-testid="${id}"]`)
const ids = (id) => app.browser.execute((sel) => [...document.querySelectorAll(sel)].map((e) => e.getAttribute('data-id')), `[data-testid="${id}"]`)

async function shot(name) {
  const dir = process.env.SCREENSHOT_DIR
  if (!dir) return
  mkdirSync(dir, { recursive: true })
  await sleep(400) // the WebDriver screenshot can be one frame old
  await app.browser.saveScreenshot(join(dir, name))
}

test('the account list shows the practice accounts', async () => {
  await $('account-row').waitForExist({ timeout: 20000 })
  // First start on a Chinese system: Chinese labels without any click.
  assert.equal(await app.browser.execute(() => document.documentElement.lang), 'zh-CN')
  const shown = await ids('account-row')
  const fromCli = JSON.parse(execFileSync(cli, ['--db', app.db, 'accounts', '--json'], { encoding: 'utf8' }))
  assert.ok(fromCli.length >= 2, 'the practice workspace has accounts')
  assert.deepEqual(shown, fromCli.map((a) => a.id))
  const listed = await text('account-list')
  for (const account of fromCli) assert.ok(listed.includes(account.name), `${account.name} is listed`)
  const dealsFromCli = JSON.parse(execFileSync(cli, ['--db', app.db, 'deals', '--json'], { encoding: 'utf8' }))
  assert.equal(await count('deal-row'), dealsFromCli.length)
  const dealText = await text('deal-list')
  for (const deal of dealsFromCli) assert.ok(dealText.includes(deal.stage_name), `${deal.stage_name} shown`)
})

test('switching language changes the labels', async () => {
  await (await $('lang-zh')).click()
  await sleep(200)
  await app.browser.waitUntil(async () => (await text('deal-list')).includes('商机阶段'), { timeout: 5000 })
  assert.match(await text('account-list'), /客户/)
  assert.equal(await app.browser.execute(() => document.documentElement.lang), 'zh-CN')
  await shot('app-zh-CN.png')

  await (await $('lang-en')).click()
  await app.browser.waitUntil(async () => (await text('deal-list')).includes('Stage'), { timeout: 5000 })
  const en = await text('deal-list')
  assert.doesNotMatch(en, /阶段|进行中/)
  assert.match(en, /Open/)
  assert.equal(await app.browser.execute(() => document.documentElement.lang), 'en')
  await shot('app-en.png')

  await (await $('lang-zh')).click()
  await app.browser.waitUntil(async () => (await text('deal-list')).includes('商机阶段'), { timeout: 5000 })
})

test('clicking an account filters the deals to it', async () => {
  const [id] = await ids('account-row')
  await (await app.browser.$(`[data-testid="account-row"][data-id="${id}"]`)).click()
  const expected = JSON.parse(execFileSync(cli, ['--db', app.db, 'deals', '--json'], { encoding: 'utf8' }))
    .filter((d) => d.account === id).length
  assert.ok(expected > 0)
  await app.browser.waitUntil(async () => (await count('deal-row')) === expected, { timeout: 5000 })
  assert.ok((await count('deal-row')) < JSON.parse(execFileSync(cli, ['--db', app.db, 'deals', '--json'], { encoding: 'utf8' })).length)
})

test('a deal opens its drawer: win rate explained, flags, the probability curve', async () => {
  const [first] = await ids('account-row')
  assert.ok(first)
  // Back to all deals, then open the first one (the practice core-banking deal).
  const all = await app.browser.$('[data-testid="account-all"]')
  if (await all.isExisting()) await all.click()
  const name = await app.browser.$('[data-testid="deal-row"] [data-testid="deal-name"]')
  await name.click()
  const drawer = await $('deal-drawer')
  await drawer.waitForExist({ timeout: 5000 })
  await app.browser.waitUntil(async () => (await count('curve-week')) >= 8, { timeout: 10000 })
  const content = await text('deal-drawer')
  assert.match(content, /概率曲线/)
  assert.match(content, /云擎科技|数衡软件/, 'competitors are named, not shown by id')
  assert.doesNotMatch(content, /k-yunqing|k-shuheng/)
  await app.browser.waitUntil(async () => app.browser.execute(() => !!document.querySelector('[data-testid="curve-chart"] canvas')), { timeout: 10000 })
  await shot('deal-drawer-zh-CN.png')
  await app.browser.keys('Escape')
  await app.browser.waitUntil(async () => (await count('deal-drawer')) === 0, { timeout: 5000 })
})
