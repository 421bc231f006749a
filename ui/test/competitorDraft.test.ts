// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { emptyDraft, fromDraft, newCompetitorId, toDraft } from '../src/modules/competitorDraft'

describe('competitor drafts', () => {
  it('round-trip a competitor and drop empty partners and events', () => {
    const c = { id: 'k-1', name: '云擎', info: 'i', partners: ['甲', '乙'], strengths: 's', weaknesses: 'w', events: [{ date: '2026-11-01', text: '发布' }] }
    expect(fromDraft(toDraft(c))).toEqual(c)
    const d = toDraft(c)
    d.partners = '甲\n\n  丙  \n'
    d.events.push({ date: '2026-11-02', text: '  ' })
    d.name = '  云擎科技 '
    expect(fromDraft(d)).toMatchObject({ name: '云擎科技', partners: ['甲', '丙'], events: [c.events[0]] })
  })

  it('give new competitors unused ids', () => {
    const first = newCompetitorId([], 0)
    expect(first).toBe('k-000')
    expect(newCompetitorId([first], 0)).toBe('k-001')
    expect(emptyDraft(['k-000']).id).not.toBe('k-000')
  })
})
