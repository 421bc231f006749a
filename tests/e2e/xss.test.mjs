// Names, titles and notes containing HTML, script tags or javascript: URLs
// show as plain text in the real window, and nothing in them runs.
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import { cli, launch, workspaceDir } from './driver.mjs'

const attacks = {
  account: '<img src=x onerror="window.__xss=1">鸿远银行',
  industry: '<script>window.__xss=2</script>',
  deal: '<svg onload="window.__xss=3">核心系统</svg>',
  person: 'javascript:window.__xss=4',
}

let app
before(async () => {
  const workspace = workspaceDir()
  const file = join(workspace.dir, 'hostile.json')
  writeFileSync(file, JSON.stringify({
    format: 'sandtable-workspace',
    version: 1,
    accounts: [{ id: 'acc-x', name: attacks.account, industry: attacks.industry, region: '<b>华东</b>',
      people: [{ id: 'p1', name: attacks.person, title: '<iframe src="javascript:window.__xss=5">' }] }],
    deals: [{ id: 'd1', account: 'acc-x', name: attacks.deal, amount: 1000000, stage: 'validate' }],
  }))
  execFileSync(cli, ['--db', workspace.db, 'import', file])
  app = await launch({ workspace })
})
after(async () => { await app?.stop() })

test('user text is rendered as text, never as HTML', async () => {
  await (await app.browser.$('[data-testid="account-row"]')).waitForExist({ timeout: 20000 })
  const result = await app.browser.execute(() => {
    const accounts = document.querySelector('[data-testid="account-list"]')
    const deals = document.querySelector('[data-testid="deal-list"]')
    return {
      accountsText: accounts.textContent,
      dealsText: deals.textContent,
      injected: document.querySelectorAll('#app img, #app svg[onload], #app iframe, #app script, #app b').length,
      xss: window.__xss ?? null,
    }
  })
  assert.equal(result.xss, null, 'no injected script ran')
  assert.equal(result.injected, 0, 'no element was created from user text')
  assert.ok(result.accountsText.includes(attacks.account), result.accountsText)
  assert.ok(result.accountsText.includes(attacks.industry))
  assert.ok(result.dealsText.includes(attacks.deal))
})
