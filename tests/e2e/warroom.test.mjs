// The deal war room (issue 7) in the real window, on the practice core-banking
// deal: a confirmed compelling event, an assessment with an inside source,
// the win rate the CLI computes, a done activity raising a person's
// interaction, a sand-table scenario judged beside reality (which stays
// unchanged), its promotion moving the real win rate, flags and curve; then
// the coaching board, the pipeline and presenter mode. Screenshots of each
// screen in zh-CN and English go to SCREENSHOT_DIR when it is set.
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import { setTimeout as sleep } from 'node:timers/promises'
import { cli, launch } from './driver.mjs'

const DEAL = 'd-bank-core'
/** 王建国, a decision maker negative towards us on the deal. */
const NEGATIVE_DM = 'p-bank-003'
/** 顾振华, the approver nobody has met yet. */
const APPROVER = 'p-bank-001'
/** 李海峰, the new inside source of the assessment recorded here. */
const NEW_SOURCE = 'p-bank-009'

let app
before(async () => { app = await launch() })
after(async () => { await app?.stop() })

const sel = (id) => `[data-testid="${id}"]`
const $ = (css) => app.browser.$(css)
const run = (...args) => JSON.parse(execFileSync(cli, ['--db', app.db, ...args, '--json'], { encoding: 'utf8' }))
// WebKitWebDriver's getText skips some text nodes; read the DOM directly.
const text = (css) => app.browser.execute((s) => document.querySelector(s)?.textContent ?? '', css)
const count = (css) => app.browser.execute((s) => document.querySelectorAll(s).length, css)
const attr = (css, name) => app.browser.execute((s, n) => document.querySelector(s)?.getAttribute(n) ?? null, css, name)
const waitFor = (predicate, message, timeout = 15000) => app.browser.waitUntil(predicate, { timeout, timeoutMsg: message })

/** Sets a form control's value as typing would, then fires `event` (v-model listens to input, number fields to change). */
async function fill(css, value, event = 'input') {
  const found = await app.browser.execute((s, v, e) => {
    const el = document.querySelector(s)
    if (!el) return false
    el.value = v
    el.dispatchEvent(new Event(e, { bubbles: true }))
    return true
  }, css, String(value), event)
  assert.ok(found, `${css} exists`)
}

async function click(css) {
  const el = await $(css)
  await el.waitForExist({ timeout: 10000 })
  await el.scrollIntoView({ block: 'center' }).catch(() => {})
  await el.click()
}

async function shot(name) {
  const dir = process.env.SCREENSHOT_DIR
  if (!dir) return
  mkdirSync(dir, { recursive: true })
  await sleep(600) // the WebDriver screenshot can be one frame old
  await app.browser.saveScreenshot(join(dir, name))
}

async function go(hash) {
  await app.browser.execute((h) => { location.hash = h }, hash)
}

const percent = (rate) => (rate === null ? '—' : `${rate.toFixed(1)}%`)
const shownRate = () => text(sel('workspace-rate'))

async function scrollToElement(key) {
  await app.browser.execute((k) => document.getElementById(`element-${k}`)?.scrollIntoView({ block: 'start' }), key)
}

/** The probability curve with its explained weeks, at the top of the screen. */
async function scrollToCurve() {
  await app.browser.execute(() => {
    const curve = document.querySelector('[data-testid="deal-curve"]')
    curve?.scrollIntoView({ block: 'start' })
    curve?.closest('.wr-scroll')?.scrollBy(0, -40)
  })
}

async function setLanguage(lang) {
  await click(sel(lang === 'en' ? 'lang-en' : 'lang-zh'))
  await waitFor(async () => (await app.browser.execute(() => document.documentElement.lang)) === lang, `language ${lang}`)
}

let rateBefore
let curveBefore

test('the deal drawer opens the war room of the deal', async () => {
  await (await $(sel('deal-row'))).waitForExist({ timeout: 30000 })
  await click(`[data-testid="deal-row"][data-id="${DEAL}"] [data-testid="deal-name"]`)
  await click(sel('drawer-open-warroom'))
  await waitFor(async () => (await attr(sel('deal-workspace'), 'data-deal')) === DEAL, 'the workspace opens')
  await waitFor(async () => (await count(sel('participant-interaction'))) > 10, 'profiles load')
  rateBefore = run('winrate', DEAL).rate
  assert.equal(await shownRate(), percent(rateBefore))
  // All 13 TAS+ elements, each with the method's question.
  assert.equal(await count('[data-testid^="element-"].element'), 13)
  const content = await text(sel('workspace-sections'))
  for (const word of ['必要条件', '竞争对手', '问卷', '关系图谱', '赢单率', '策略战术', '价值主张', '督导推进'])
    assert.match(content, new RegExp(word))
  assert.doesNotMatch(content, /k-yunqing|p-bank-0/, 'ids are shown by name')
  curveBefore = run('curve', DEAL).weeks.at(-1).rate
  await shot('warroom-workspace-zh-CN.png')
})

test('a confirmed compelling event is added and saved through the core', async () => {
  const before = await count(sel('event-row'))
  await click(sel('event-add'))
  await fill(sel('event-description-input'), '省金融监管局正式发文:2027年底前完成核心系统信创改造')
  await fill(sel('event-kind'), 'regulation', 'change')
  await click(sel('event-confirmed-input'))
  await click(sel('event-save'))
  await waitFor(async () => (await count(sel('event-row'))) === before + 1, 'the event is listed')
  const events = run('deal', DEAL).deal.compelling_events
  const added = events.find((e) => e.description.startsWith('省金融监管局正式发文'))
  assert.ok(added, 'the CLI sees the new event')
  assert.equal(added.confirmed, true)
  assert.equal(added.kind, 'regulation')
})

test('an assessment with an inside source and two competitors moves the win rate to the CLI value', async () => {
  const before = (await run('deal', DEAL)).deal.assessments.length
  await click(sel('assessment-new'))
  await fill(`${sel('assessment-form')} ${sel('inside-source')}`, NEW_SOURCE, 'change')
  await fill(sel('assessment-participants'), '陈晓东、周立群')
  const scores = { 'us': [9, 8], 'k-yunqing': [8, 8], 'k-shuheng': [6, 6] }
  for (const [party, [fit, closeness]] of Object.entries(scores)) {
    await fill(`${sel('assessment-form')} ${sel(`score-${party}-fit`)}`, fit, 'change')
    await fill(`${sel('assessment-form')} ${sel(`score-${party}-closeness`)}`, closeness, 'change')
  }
  await click(sel('assessment-save'))
  await waitFor(async () => (await count(sel('assessment-row'))) === before + 1, 'the assessment is in the history')
  const latest = run('deal', DEAL).deal.assessments.at(-1)
  assert.equal(latest.inside_source, NEW_SOURCE)
  assert.deepEqual(latest.participants, ['陈晓东', '周立群'])
  assert.deepEqual(latest.scores.find((s) => s.party === 'us'), { party: 'us', fit: 9, closeness: 8 })
  const cliRate = run('winrate', DEAL).rate
  assert.notEqual(cliRate, rateBefore, 'the assessment changes the win rate')
  await waitFor(async () => (await shownRate()) === percent(cliRate), `the window shows ${percent(cliRate)}`)
  assert.match(await text(sel('current-inside-source')), /李海峰/)
  await scrollToElement('win_rate')
  assert.equal(await attr(sel('winrate-card'), 'data-rate'), String(cliRate))
})

test('logging a done activity raises the person\'s derived interaction', async () => {
  const row = `[data-testid="participant-row"][data-person="${APPROVER}"] [data-testid="participant-interaction"]`
  assert.equal(await attr(row, 'data-level'), 'none')
  assert.equal(run('profile', APPROVER, '--deal', DEAL).deal_level.interaction.level, 'none')
  await click(sel('activity-new'))
  await click(`${sel('activity-person')}[data-person="${APPROVER}"]`)
  await fill(sel('activity-summary'), '经董办安排拜访顾振华董事长')
  await fill(sel('activity-status'), 'done', 'change')
  await click(sel('activity-save'))
  await waitFor(async () => (await attr(`[data-testid="interaction-move"][data-person="${APPROVER}"]`, 'data-to')) === 'occasional', 'the interaction move is shown')
  await waitFor(async () => (await attr(row, 'data-level')) === 'occasional', 'the participant row shows the new level')
  assert.equal(run('profile', APPROVER, '--deal', DEAL).deal_level.interaction.level, 'occasional')
  const flags = run('deal', DEAL).judgement.flags.map((f) => `${f.flag}:${f.person ?? ''}`)
  assert.ok(!flags.includes(`key_person_no_interaction:${APPROVER}`), 'the approver is no longer "not met"')
  await scrollToElement('activities')
  await shot('warroom-activities-zh-CN.png')
})

let realRate
let realFlags

test('a scenario turning the negative decision maker neutral is judged beside an unchanged reality', async () => {
  const realBefore = run('deal', DEAL)
  realRate = realBefore.judgement.win_rate.rate
  realFlags = realBefore.judgement.flags.length
  await click(sel('tab-scenarios'))
  await fill(sel('scenario-name'), '争取王建国转为中立')
  await click(sel('scenario-fork'))
  await (await $(sel('scenario-editor'))).waitForExist({ timeout: 10000 })
  const editor = sel('scenario-editor')
  await fill(`${editor} [data-testid="participant-row"][data-person="${NEGATIVE_DM}"] ${sel('participant-attitude')}`, 'neutral', 'change')
  await waitFor(async () => (await count(`${editor} [data-testid="flag-cleared"][data-flag="key_person_negative"]`)) === 1, 'the flag is cleared in the scenario')
  await fill(`${editor} ${sel('score-us-closeness')}`, 9.5, 'change')
  await waitFor(async () => Number(await attr(sel('scenario-projected'), 'data-rate')) > realRate, 'the projected rate rises')
  const projected = Number(await attr(sel('scenario-projected'), 'data-rate'))
  assert.notEqual(projected, realRate)
  assert.equal(Number(await attr(sel('scenario-reality'), 'data-rate')), realRate)
  assert.notEqual(Number(await attr(sel('scenario-projected'), 'data-flags')), realFlags)
  assert.match(await text(sel('column-changes')), /王建国/)
  assert.match(await text(sel('reality-note')), /真实商机保持不变/)
  // The map shows the scenario's attitude for the person.
  assert.equal(await attr(`${editor} [data-testid="map-node"][data-person="${NEGATIVE_DM}"]`, 'data-attitude'), 'neutral')

  // Reality is untouched until promoted.
  const real = run('deal', DEAL)
  assert.equal(real.deal.participants.find((p) => p.person === NEGATIVE_DM).attitude, 'negative')
  assert.equal(real.deal.assessments.at(-1).scores.find((s) => s.party === 'us').closeness, 8)
  assert.equal(real.judgement.win_rate.rate, realRate)
  assert.equal(await shownRate(), percent(realRate))
  await shot('warroom-scenario-zh-CN.png')
})

test('two scenarios side by side', async () => {
  await fill(sel('scenario-name'), '云擎科技高层公关')
  await click(sel('scenario-fork'))
  await waitFor(async () => (await count(sel('scenario-item'))) === 2, 'the second scenario is listed')
  await fill(`${sel('scenario-editor')} ${sel('score-k-yunqing-closeness')}`, 9, 'change')
  await waitFor(async () => Number(await attr(sel('scenario-projected'), 'data-rate')) < realRate, 'the competitor move lowers the rate')
  for (const box of await app.browser.$$(sel('scenario-compare')))
    await box.click()
  await waitFor(async () => (await count(sel('compare-scenario'))) === 2, 'two scenarios compared')
  assert.equal(await count(sel('compare-reality')), 1)
  // Close the editor so the comparison is what the screen shows.
  await click(`[data-testid="scenario-item"]:nth-child(2) ${sel('scenario-edit')}`)
  await app.browser.execute(() => document.querySelector('[data-testid="scenario-comparison"]')?.scrollIntoView({ block: 'start' }))
  await shot('warroom-scenario-compare-zh-CN.png')
})

test('promoting the scenario moves the real win rate, flags and curve', async () => {
  const first = '[data-testid="scenario-item"]:nth-child(1)'
  const id = await attr(first, 'data-id')
  await click(`${first} ${sel('scenario-promote')}`)
  await click(sel('confirm-ok'))
  await waitFor(async () => (await count(`[data-testid="scenario-item"][data-id="${id}"]`)) === 0, 'the promoted scenario is gone')
  const real = run('deal', DEAL)
  assert.equal(real.deal.participants.find((p) => p.person === NEGATIVE_DM).attitude, 'neutral')
  assert.notEqual(real.judgement.win_rate.rate, realRate)
  assert.ok(!real.judgement.flags.some((f) => f.flag === 'key_person_negative' && f.person === NEGATIVE_DM))
  await waitFor(async () => (await shownRate()) === percent(real.judgement.win_rate.rate), 'the window shows the promoted rate')
  assert.equal(Number((await text(sel('workspace-flag-count'))).match(/\d+/)[0]), real.judgement.flags.length)
  // This week's curve point is taken again.
  const curveNow = run('curve', DEAL).weeks.at(-1).rate
  assert.equal(curveNow, real.judgement.win_rate.rate)
  assert.notEqual(curveNow, curveBefore)
  await click(sel('tab-elements'))
  await scrollToElement('win_rate')
  await waitFor(async () => (await attr(`${sel('deal-curve-week')}:first-child`, 'data-rate')) === String(curveNow), 'the curve shows the new week')
  await scrollToCurve()
  await shot('warroom-curve-promoted-zh-CN.png')
})

// Promoting one scenario (like any edit of the real deal) keeps the others.
test('the other scenario survives the promotion, and is discarded', async () => {
  await click(sel('tab-scenarios'))
  await (await $(sel('scenario-item'))).waitForExist({ timeout: 5000 })
  assert.equal(await count(sel('scenario-item')), 1)
  await click(sel('scenario-discard'))
  await click(sel('confirm-ok'))
  await waitFor(async () => (await count(sel('scenario-item'))) === 0, 'no scenario left')
})

test('undo takes the promotion back', async () => {
  await click(sel('tab-elements'))
  await click(sel('undo'))
  await waitFor(async () => run('deal', DEAL).deal.participants.find((p) => p.person === NEGATIVE_DM).attitude === 'negative', 'undo restores reality')
  await waitFor(async () => (await shownRate()) === percent(run('winrate', DEAL).rate), 'the window follows the undo')
})

test('a move forward is refused with what is missing on the exit checklist', async () => {
  const items = () => app.browser.execute(() => [...document.querySelectorAll('[data-testid="stage-refusal-item"]')].map((e) => e.textContent.trim()))
  const showRefusal = () => app.browser.execute(() => document.querySelector('[data-testid="stage-refusal"]')?.scrollIntoView({ block: 'center' }))
  await scrollToElement('stages')
  await click(sel('stage-forward'))
  await (await $(sel('stage-refusal'))).waitForExist({ timeout: 10000 })
  await waitFor(async () => (await items()).length > 0, 'the refusal lists what is missing')
  // What the core's stage gate found, told in the interface language (its English text never shows).
  assert.match(await text(sel('stage-refusal')), /无法移动到「招标准备」/)
  assert.deepEqual(await items(), ['「价值呈现」的出口检查未满足：“客户开始编写招标文件”'])
  assert.doesNotMatch(await text(sel('stage-refusal')), /is not met|cannot move/)
  assert.equal(run('deal', DEAL).deal.stage, 'value_presentation')
  await showRefusal()
  await shot('warroom-stage-refused-zh-CN.png')
  await setLanguage('en')
  await waitFor(async () => (await items())[0] === 'Exit checklist of "Value presentation": "客户开始编写招标文件" is not met.', 'the refusal in English')
  assert.match(await text(sel('stage-refusal')), /Cannot move to "Tender preparation"/)
  await showRefusal()
  await shot('warroom-stage-refused-en.png')
  await setLanguage('zh-CN')
  await waitFor(async () => /出口检查未满足/.test((await items())[0] ?? ''), 'back in Chinese')
})

test('the coaching board, brief, pipeline and presenter mode', async () => {
  await go('#/coaching')
  await waitFor(async () => (await count(sel('board-row'))) > 0 && (await count(sel('board-progress'))) === 0, 'the board loads')
  const grades = await app.browser.execute(() => [...document.querySelectorAll('[data-testid="board-row"]')].map((r) => r.getAttribute('data-grade')))
  const firstOther = grades.findIndex((g) => g !== 'A' && g !== 'B')
  assert.ok(firstOther > 0 && grades.slice(firstOther).every((g) => g !== 'A' && g !== 'B'), `A/B first: ${grades}`)
  const open = run('deals').filter((d) => d.status === 'open').length
  assert.equal(grades.length, open)
  await shot('warroom-coaching-zh-CN.png')

  await go(`#/brief/${DEAL}`)
  await (await $(sel('brief-print'))).waitForExist({ timeout: 10000 })
  await waitFor(async () => /鸿远银行新一代分布式核心系统/.test(await text(sel('deal-brief'))), 'the brief shows the deal')
  await shot('warroom-brief-zh-CN.png')

  await go('#/pipeline')
  await waitFor(async () => (await count(sel('pipeline-stage-row'))) > 0, 'the pipeline loads')
  const forecast = run('forecast')
  assert.equal(await count(sel('pipeline-unrated-line')), forecast.unrated.length)
  await waitFor(async () => app.browser.execute(() => !!document.querySelector('[data-testid="pipeline-funnel"] canvas')), 'the funnel is drawn')
  await shot('warroom-pipeline-zh-CN.png')

  await go(`#/present/${DEAL}?step=8`)
  await (await $(sel('presenter'))).waitForExist({ timeout: 10000 })
  await waitFor(async () => (await count(`${sel('presenter')} ${sel('map-node')}`)) > 5, 'the decision map is drawn')
  assert.match(await text(sel('presenter-element-name')), /关系图谱/)
  assert.match(await text(sel('presenter-question')), /谁批准/)
  await click(sel('presenter-next'))
  await waitFor(async () => (await attr(sel('presenter'), 'data-element')) === 'win_rate', 'the next element')
  await click(sel('presenter-prev'))
  await waitFor(async () => (await attr(sel('presenter'), 'data-element')) === 'relationship_map', 'back to the map')
  // A quick edit in the room goes through the core and recolours the map.
  const person = 'p-bank-013'
  await fill(`${sel('presenter')} [data-testid="participant-row"][data-person="${person}"] ${sel('participant-attitude')}`, 'positive', 'change')
  await waitFor(async () => (await attr(`${sel('presenter')} [data-testid="map-node"][data-person="${person}"]`, 'data-attitude')) === 'positive', 'the map follows the quick edit')
  assert.equal(run('deal', DEAL).deal.participants.find((p) => p.person === person).attitude, 'positive')
  await shot('warroom-presenter-zh-CN.png')
  await click(sel('presenter-exit'))
  await (await $(sel('deal-workspace'))).waitForExist({ timeout: 10000 })
})

test('the same screens in English', async () => {
  await setLanguage('en')
  await waitFor(async () => /Compelling event/.test(await text(sel('workspace-sections'))), 'English labels')
  // Headings, questions, tabs and buttons are English (the deal's own data stays as typed).
  const labels = await app.browser.execute(() => [...document.querySelectorAll(
    '.element-title, .element-question, .tab, .wr-subtitle, .wr-form-actions button, .toc-list a, .glance-label, [data-testid="deal-workspace"] legend',
  )].map((e) => e.textContent.trim()).filter(Boolean))
  const chinese = labels.filter((t) => /[\u4e00-\u9fff]/.test(t) && !/[A-Za-z]{3}/.test(t))
  assert.deepEqual(chinese, [], 'no Chinese interface text left')
  await shot('warroom-workspace-en.png')
  await scrollToElement('win_rate')
  await shot('warroom-winrate-en.png')
  await scrollToCurve()
  await shot('warroom-curve-en.png')
  await setLanguage('zh-CN')
  await scrollToElement('win_rate')
  await shot('warroom-winrate-zh-CN.png')
  await scrollToCurve()
  await shot('warroom-curve-zh-CN.png')
  await setLanguage('en')

  await click(sel('tab-scenarios'))
  for (const name of ['Win Wang Jianguo over', 'Competitor cuts price']) {
    await fill(sel('scenario-name'), name)
    await click(sel('scenario-fork'))
    await waitFor(async () => (await attr(sel('scenario-editor'), 'data-id')) !== null, 'scenario open')
  }
  await waitFor(async () => (await count(sel('scenario-item'))) === 2, 'two scenarios')
  await fill(`${sel('scenario-editor')} ${sel('score-k-yunqing-closeness')}`, 9, 'change')
  await click('[data-testid="scenario-item"]:nth-child(1) [data-testid="scenario-edit"]')
  await fill(`${sel('scenario-editor')} [data-testid="participant-row"][data-person="${NEGATIVE_DM}"] ${sel('participant-attitude')}`, 'neutral', 'change')
  await waitFor(async () => (await count(`${sel('scenario-editor')} [data-testid="flag-cleared"]`)) > 0, 'flag cleared')
  await shot('warroom-scenario-en.png')
  for (const box of await app.browser.$$(sel('scenario-compare')))
    await box.click()
  await waitFor(async () => (await count(sel('compare-scenario'))) === 2, 'compared')
  await click('[data-testid="scenario-item"]:nth-child(1) [data-testid="scenario-edit"]')
  await app.browser.execute(() => document.querySelector('[data-testid="scenario-comparison"]')?.scrollIntoView({ block: 'start' }))
  await shot('warroom-scenario-compare-en.png')
  const headings = await app.browser.execute(() => [...document.querySelectorAll('[data-testid="scenarios"] :is(h2, h3, h4, button, label)')].map((e) => e.textContent.trim()))
  assert.deepEqual(headings.filter((t) => /真实|推演|风险|对比|采纳|放弃/.test(t)), [], 'scenario labels are English')

  await go('#/coaching')
  await waitFor(async () => (await count(sel('board-row'))) > 0 && (await count(sel('board-progress'))) === 0, 'the board loads')
  assert.match(await text(sel('coaching-board')), /Coaching board/)
  await shot('warroom-coaching-en.png')
  await go('#/pipeline')
  await waitFor(async () => app.browser.execute(() => !!document.querySelector('[data-testid="pipeline-funnel"] canvas')), 'the funnel is drawn')
  await shot('warroom-pipeline-en.png')
  await go(`#/brief/${DEAL}`)
  await waitFor(async () => /Deal brief/.test(await text(sel('deal-brief'))), 'the brief')
  await shot('warroom-brief-en.png')
  await go(`#/present/${DEAL}?step=5`)
  await waitFor(async () => (await count(`${sel('presenter')} ${sel('map-node')}`)) > 5, 'the decision map is drawn')
  assert.match(await text(sel('presenter-question')), /compelling|fact proving/i)
  await shot('warroom-presenter-en.png')
  await click(sel('presenter-exit'))
  await (await $(sel('deal-workspace'))).waitForExist({ timeout: 10000 })
})

test('practice mode: start an exercise, then reset the practice deals', async () => {
  await go('#/')
  await (await $(sel('deal-list'))).waitForExist({ timeout: 10000 })
  // The deal drawer, still open from the start, lies over the list's header.
  if (await count(sel('drawer-close')))
    await click(sel('drawer-close'))
  await click(sel('practice-toggle'))
  await click(`[data-testid="practice-start"][data-id="d-hosp-ihosp"]`)
  await waitFor(async () => (await attr(sel('deal-workspace'), 'data-deal')) === 'd-hosp-ihosp', 'the exercise deal opens')
  assert.equal(await count(sel('practice-badge')), 1)
  await go('#/')
  await (await $(sel('deal-list'))).waitForExist({ timeout: 10000 })
  if (await count(sel('drawer-close')))
    await click(sel('drawer-close'))
  await click(sel('practice-toggle'))
  await click(sel('practice-reset'))
  await click(sel('confirm-ok'))
  await (await $(sel('practice-reset-done'))).waitForExist({ timeout: 20000 })
  // The promoted and quick-edited changes of the walk are gone.
  const deal = run('deal', DEAL).deal
  assert.equal(deal.participants.find((p) => p.person === 'p-bank-013').attitude, 'neutral')
  assert.ok(!deal.compelling_events.some((e) => e.description.startsWith('省金融监管局正式发文')))
})
