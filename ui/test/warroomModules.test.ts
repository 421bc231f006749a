import type { Flag } from '../src/ipc/client'
import type { MissingWords } from '../src/modules/dealStages'
// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { elementAt, ELEMENTS, isElementKey, sectionId, TAS_ELEMENTS } from '../src/modules/dealElements'
import { deltaDirection, flagDiff, flagIdentity } from '../src/modules/dealScenarioDiff'
import { missingMessage, neighbours, stageLabel, stageSteps } from '../src/modules/dealStages'
import { actionItems, compareBoardRows, mapLimited, openActions, openDeals, overdueActions, weeklyChange } from '../src/modules/warroomBoard'
import { funnelData, pipelineOption } from '../src/modules/warroomPipelineChart'
import { curve, deal, settings, summary } from './warroomFixtures'

const stages = settings.stages!

describe('the 13 TAS+ elements', () => {
  it('are numbered in the method\'s order, four internal then nine external', () => {
    expect(ELEMENTS).toHaveLength(13)
    expect(ELEMENTS.filter(e => e.half === 'internal').map(e => e.key)).toEqual(['stages', 'grading', 'collaboration', 'sales_process'])
    expect(elementAt(5).key).toBe('compelling_event')
    expect(elementAt(9).key).toBe('win_rate')
    expect(elementAt(0).number).toBe(1)
    expect(elementAt(99).number).toBe(13)
    expect(isElementKey('coaching')).toBe(true)
    expect(isElementKey('map')).toBe(false)
    expect(sectionId('win_rate')).toBe('element-win_rate')
    // Coaching sessions name the elements they reviewed by these keys.
    for (const key of deal.coaching![0]!.elements!)
      expect(TAS_ELEMENTS).toContain(key)
  })
})

describe('stage bar', () => {
  it('marks where the deal stands and names stages in the interface language', () => {
    expect(stageSteps(stages, 'value', 'en').map(s => `${s.name}:${s.state}`))
      .toEqual(['Validate:done', 'Initiate:done', 'Value presentation:current', 'Bidding:ahead'])
    expect(stageSteps(stages, 'gone', 'zh-CN').every(s => s.state === 'ahead')).toBe(true)
    expect(stageLabel({ key: 'x', name: '', name_en: 'Only English' }, 'x', 'zh-CN')).toBe('Only English')
    expect(stageLabel(undefined, 'x', 'en')).toBe('x')
  })

  it('gives the stages before and after', () => {
    expect(neighbours(stages, 'value')).toMatchObject({ previous: { key: 'initiate' }, next: { key: 'bidding' } })
    expect(neighbours(stages, 'validate').previous).toBeNull()
    expect(neighbours(stages, 'bidding').next).toBeNull()
  })

  it('tells each thing the gate found missing by a message key, user text as parameters', () => {
    const words: MissingWords = {
      stage: (key, name) => (key === 'value' ? 'Value presentation' : name ?? key),
      status: status => `<${status}>`,
      registration: state => `[${state}]`,
      date: isoDate => `on ${isoDate}`,
    }
    expect(missingMessage({ kind: 'checklist_item', stage: 'value', stage_name: '价值呈现', item: '客户开始编写招标文件' }, words))
      .toEqual({ key: 'warroom.stage.missing.checklistItem', params: { stage: 'Value presentation', item: '客户开始编写招标文件' } })
    expect(missingMessage({ kind: 'skipped_stage', stage: 'gone', name: '旧阶段' }, words))
      .toEqual({ key: 'warroom.stage.missing.skippedStage', params: { stage: '旧阶段' } })
    expect(missingMessage({ kind: 'unknown_stage', stage: 'won' }, words))
      .toEqual({ key: 'warroom.stage.missing.unknownStage', params: { stage: 'won' } })
    expect(missingMessage({ kind: 'open_deal', status: 'lost' }, words))
      .toEqual({ key: 'warroom.stage.missing.openDeal', params: { status: '<lost>' } })
    expect(missingMessage({ kind: 'partner_registration', state: null, protection_until: null }, words))
      .toEqual({ key: 'warroom.stage.missing.noRegistration', params: {} })
    expect(missingMessage({ kind: 'partner_registration', state: 'expired', protection_until: '2026-06-30' }, words))
      .toEqual({ key: 'warroom.stage.missing.registrationExpired', params: { date: 'on 2026-06-30' } })
    expect(missingMessage({ kind: 'partner_registration', state: 'rejected', protection_until: '2026-06-30' }, words))
      .toEqual({ key: 'warroom.stage.missing.registration', params: { state: '[rejected]' } })
  })
})

describe('coaching board', () => {
  const row = (grade: 'A' | 'B' | 'C' | 'D' | 'E', flags: number, amount: number, name: string = grade) => ({ deal: { ...summary, grade, amount, name }, flags })

  it('puts A/B first, then the deal with most red flags, then the largest', () => {
    const rows = [row('C', 5, 1), row('B', 1, 9), row('E', 0, 1), row('A', 1, 5, 'A1'), row('A', 3, 1, 'A2'), row('A', 1, 7, 'A3')]
    expect(rows.sort(compareBoardRows).map(r => r.deal.name)).toEqual(['A2', 'A3', 'A1', 'B', 'C', 'E'])
  })

  it('keeps open deals only', () => {
    expect(openDeals([{ status: 'open' }, { status: 'won' }, { status: 'lost' }])).toEqual([{ status: 'open' }])
  })

  it('takes this week\'s change from the curve', () => {
    expect(weeklyChange(curve)).toBe(4.8)
    expect(weeklyChange([])).toBeNull()
    expect(weeklyChange([curve[0]!])).toBeNull()
  })

  it('finds open action items, and the overdue ones the core named', () => {
    expect(actionItems(deal)).toHaveLength(3)
    expect(openActions(deal).map(a => a.text)).toEqual(['安排董事长拜访', '组织专题研讨'])
    expect(overdueActions(deal, { overdue_actions: [{ session: 0, action: 0 }] }).map(a => a.text)).toEqual(['安排董事长拜访'])
    expect(overdueActions(deal, { overdue_actions: [] })).toEqual([])
    expect(overdueActions({}, { overdue_actions: [{ session: 0, action: 0 }] })).toEqual([])
  })

  it('runs loads a few at a time and reports each one finished', async () => {
    let running = 0
    let most = 0
    const seen: number[] = []
    const out = await mapLimited([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      running++
      most = Math.max(most, running)
      await new Promise(resolve => setTimeout(resolve, 5 * (8 - n)))
      running--
      return n * 10
    }, done => seen.push(done))
    expect(out).toEqual([10, 20, 30, 40, 50, 60, 70])
    expect(most).toBe(3)
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7])
    expect(await mapLimited([], 3, async () => 1)).toEqual([])
  })
})

describe('scenario flags against reality', () => {
  const real: Flag[] = [
    { flag: 'no_inside_source' },
    { flag: 'key_person_negative', person: 'p-wang', role: 'decision_maker' },
    { flag: 'win_rate_fell', from: 40, to: 25 },
  ]

  it('identifies a flag by what it is about, not by its numbers', () => {
    expect(flagIdentity({ flag: 'win_rate_fell', from: 1, to: 2 })).toBe(flagIdentity({ flag: 'win_rate_fell', from: 3, to: 4 }))
    expect(flagIdentity({ flag: 'key_person_negative', person: 'a', role: 'approver' }))
      .not
      .toBe(flagIdentity({ flag: 'key_person_negative', person: 'b', role: 'approver' }))
    expect(flagIdentity({ flag: 'checklist_incomplete', stage: 'x', missing: ['1'] }))
      .toBe(flagIdentity({ flag: 'checklist_incomplete', stage: 'x', missing: ['1', '2'] }))
  })

  it('lists the flags a scenario clears, raises and keeps', () => {
    const projected: Flag[] = [
      { flag: 'no_inside_source' },
      { flag: 'win_rate_fell', from: 40, to: 20 },
      { flag: 'key_person_no_interaction', person: 'p-gu', role: 'approver' },
    ]
    const diff = flagDiff(real, projected)
    expect(diff.removed).toEqual([real[1]])
    expect(diff.added).toEqual([projected[2]])
    expect(diff.kept).toEqual([projected[0], projected[1]])
  })

  it('words the direction of a delta', () => {
    expect([3.3, -0.5, 0.01, null].map(deltaDirection)).toEqual(['up', 'down', 'same', 'none'])
  })
})

describe('pipeline funnel', () => {
  const byStage = [
    { key: 'validate', deals: 1, amount: 380_000, weighted: 0 },
    { key: 'value', deals: 2, amount: 18_600_000, weighted: 6_770_400 },
    { key: 'bidding', deals: 1, amount: null, weighted: null },
  ]
  const labels = { amount: 'Amount', weighted: 'Weighted', stage: (k: string) => k.toUpperCase(), money: (v: number) => `¥${v}` }

  it('narrows stage by stage and fills each band by its weighted share', () => {
    const { outer, inner } = funnelData(byStage, labels.stage)
    expect(outer.map(d => d.value)).toEqual([3, 2, 1])
    expect(outer.map(d => d.name)).toEqual(['VALIDATE', 'VALUE', 'BIDDING'])
    expect(inner[0]!.value).toBe(0)
    expect(inner[1]!.value).toBeCloseTo(2 * 6_770_400 / 18_600_000)
    expect(inner[2]!.value).toBe(0)
    expect(outer[1]).toMatchObject({ amount: 18_600_000, weighted: 6_770_400 })
  })

  it('keeps the template\'s order and labels bands with the real amounts', () => {
    const option = pipelineOption(byStage, labels)
    const series = option.series as { sort: string, name: string, label: { formatter: (p: unknown) => string }, data: unknown[] }[]
    expect(series.map(s => s.sort)).toEqual(['none', 'none'])
    expect(series.map(s => s.name)).toEqual(['Amount', 'Weighted'])
    expect(series[0]!.label.formatter({ name: 'VALUE', data: series[0]!.data[1] })).toBe('VALUE  ¥18600000')
    expect(series[1]!.label.formatter({ name: 'VALIDATE', data: series[1]!.data[0] })).toBe('')
    // 2/3 of the width × 36% weighted: wide enough for its figure.
    expect(series[1]!.label.formatter({ name: 'VALUE', data: series[1]!.data[1] })).toBe('¥6770400')
    expect(series[1]!.label.formatter({ name: 'VALUE', data: { ...(series[1]!.data[1] as object), value: 0.1 } })).toBe('')
    const tooltip = option.tooltip as { renderMode: string, formatter: (p: unknown) => string }
    expect(tooltip.renderMode).toBe('richText')
    expect(tooltip.formatter({ data: series[0]!.data[1] })).toBe('VALUE\nAmount: ¥18600000\nWeighted: ¥6770400')
  })
})
