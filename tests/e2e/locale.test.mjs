// The language at first start follows the system locale: English on an
// English system (the Chinese case is covered by app.test.mjs).
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { launch } from './driver.mjs'

let app
before(async () => { app = await launch({ lang: 'en_US.UTF-8' }) })
after(async () => { await app?.stop() })

test('an English system starts in English', async () => {
  const list = await app.browser.$('[data-testid="deal-list"]')
  await list.waitForExist({ timeout: 20000 })
  assert.equal(await app.browser.execute(() => document.documentElement.lang), 'en')
  const text = await app.browser.execute(() => document.querySelector('[data-testid="deal-list"]').textContent)
  assert.match(text, /Stage/)
})
