// @vitest-environment node
import { describe, expect, it } from 'vitest'
import {
  activitiesNewestFirst,
  assessmentInForce,
  confirmCompellingEvent,
  isoToday,
  newId,
  nextAssessment,
  participantOf,
  scoredParties,
  setScore,
  unscore,
  upsertActivity,
  withAssessmentInForce,
  withCompellingEvent,
  withCompetitor,
  withoutCompellingEvent,
  withoutParticipant,
  withoutTactic,
  withParticipant,
  withParticipantAdded,
  withTactic,
} from '../src/modules/dealEdits'
import { deal, view } from './warroomFixtures'

const frozen = JSON.stringify(deal)

describe('deal edits', () => {
  it('never change the deal they are given', () => {
    withParticipant(deal, 'p-wang', { attitude: 'neutral' })
    withCompetitor(deal, 'k-yunqing', false)
    withAssessmentInForce(deal, 1, a => setScore(a, 'us', 'fit', 10))
    confirmCompellingEvent(deal, 1, true, '2026-11-27')
    withTactic(deal, '新战术')
    expect(JSON.stringify(deal)).toBe(frozen)
  })

  it('takes the assessment in force from the core\'s judgement', () => {
    expect(assessmentInForce(deal, { assessment_in_force: 0 })).toBe(deal.assessments![0])
    expect(assessmentInForce(deal, { assessment_in_force: null })).toBeNull()
    expect(assessmentInForce(deal, null)).toBeNull()
    expect(assessmentInForce({ assessments: [] }, { assessment_in_force: 3 })).toBeNull()
  })

  it('starts a new assessment from the latest one, for the parties on the deal', () => {
    const next = nextAssessment({ ...deal, competitors: ['k-yunqing'] }, '2026-11-27', deal.assessments![1]!)
    expect(next.date).toBe('2026-11-27')
    expect(next.inside_source).toBe('p-zheng')
    expect(next.participants).toEqual(['陈晓东', '周立群'])
    expect(next.scores?.map(s => s.party)).toEqual(['us', 'k-yunqing'])
    expect(scoredParties(deal)).toEqual(['us', 'k-yunqing', 'k-shuheng'])
  })

  it('sets scores within 0–10 and adds a row for an unscored party', () => {
    const a = { date: '2026-11-27', scores: [{ party: 'us', fit: 5, closeness: 5 }] }
    expect(setScore(a, 'us', 'fit', 12).scores).toEqual([{ party: 'us', fit: 10, closeness: 5 }])
    expect(setScore(a, 'us', 'closeness', -1).scores).toEqual([{ party: 'us', fit: 5, closeness: 0 }])
    expect(setScore(a, 'k-x', 'fit', 7).scores).toEqual([{ party: 'us', fit: 5, closeness: 5 }, { party: 'k-x', fit: 7, closeness: 0 }])
    expect(unscore(setScore(a, 'k-x', 'fit', 7), 'k-x').scores).toEqual(a.scores)
  })

  it('changes the assessment in force in place, or adds one when none is in force', () => {
    const changed = withAssessmentInForce(deal, 1, a => ({ ...a, inside_source: 'p-li' }))
    expect(changed.assessments).toHaveLength(2)
    expect(changed.assessments![1]!.inside_source).toBe('p-li')
    expect(changed.assessments![0]!.inside_source).toBeNull()
    const none = withAssessmentInForce({ ...deal, assessments: [] }, null, a => setScore(a, 'us', 'fit', 6))
    expect(none.assessments).toHaveLength(1)
    expect(none.assessments![0]!.scores).toEqual([{ party: 'us', fit: 6, closeness: 0 }])
    // All dated later than the judgement: they stay, the new one joins them.
    const later = withAssessmentInForce(deal, null, a => setScore(a, 'us', 'fit', 6))
    expect(later.assessments).toHaveLength(3)
    expect(later.assessments!.slice(0, 2)).toEqual(deal.assessments)
  })

  it('takes a competitor off with its scores, quotes and comparison notes, which the core would refuse', () => {
    const off = withCompetitor(deal, 'k-yunqing', false)
    expect(off.competitors).toEqual(['k-shuheng'])
    expect(off.assessments!.flatMap(a => a.scores ?? []).some(s => s.party === 'k-yunqing')).toBe(false)
    expect(off.quotes).toEqual([])
    const on = withCompetitor(off, 'k-beichen', true)
    expect(on.competitors).toEqual(['k-shuheng', 'k-beichen'])
    expect(withCompetitor(on, 'k-beichen', true).competitors).toEqual(['k-shuheng', 'k-beichen'])
  })

  it('changes, adds and removes participants (with their decision links)', () => {
    expect(participantOf(withParticipant(deal, 'p-wang', { attitude: 'neutral', role: 'evaluator' }), 'p-wang'))
      .toEqual({ person: 'p-wang', role: 'evaluator', attitude: 'neutral', relationship_strategy: 'defend' })
    expect(participantOf(withParticipant(deal, 'p-wang', { relationship_strategy: null }), 'p-wang')?.relationship_strategy).toBeNull()
    const added = withParticipantAdded(deal, 'p-li')
    expect(participantOf(added, 'p-li')).toEqual({ person: 'p-li', role: 'unknown', attitude: 'unknown', relationship_strategy: null })
    expect(withParticipantAdded(added, 'p-li').participants).toHaveLength(4)
    const removed = withoutParticipant(deal, 'p-wang')
    expect(participantOf(removed, 'p-wang')).toBeUndefined()
    expect(removed.decision_links).toEqual([])
  })

  it('adds, edits, confirms and removes compelling events', () => {
    const event = { description: '上线期限已定', kind: 'deadline' as const, confirmed: true, assessed_on: '2026-11-27', evidence: '' }
    expect(withCompellingEvent(deal, event, null).compelling_events).toHaveLength(3)
    expect(withCompellingEvent(deal, event, 0).compelling_events![0]).toEqual(event)
    const confirmed = confirmCompellingEvent(deal, 1, true, '2026-11-27').compelling_events![1]!
    expect(confirmed.confirmed).toBe(true)
    expect(confirmed.assessed_on).toBe('2026-11-27')
    expect(withoutCompellingEvent(deal, 0).compelling_events!.map(e => e.kind)).toEqual(['regulation'])
  })

  it('adds a tactic once, trimmed, and removes it', () => {
    const added = withTactic(deal, '  以试点项目切入 ')
    expect(added.tactics).toEqual(['引入新的评估标准，改变竞争规则', '以试点项目切入'])
    expect(withTactic(added, '以试点项目切入').tactics).toHaveLength(2)
    expect(withTactic(deal, '   ').tactics).toHaveLength(1)
    expect(withoutTactic(added, '以试点项目切入').tactics).toEqual(deal.tactics)
  })

  it('replaces an activity by id or adds it, and lists newest first', () => {
    const done = { ...view.activities[1]!, status: 'done' as const }
    expect(upsertActivity(view.activities, done).map(a => a.status)).toEqual(['done', 'done'])
    expect(upsertActivity(view.activities, { ...done, id: 'a-3' })).toHaveLength(3)
    expect(activitiesNewestFirst(view.activities).map(a => a.id)).toEqual(['a-2', 'a-1'])
  })

  it('makes distinct ids and local ISO dates', () => {
    const ids = new Set(Array.from({ length: 200 }, () => newId('a', 1_700_000_000_000)))
    expect(ids.size).toBe(200)
    expect([...ids][0]).toMatch(/^a-[0-9a-z]+$/)
    expect(isoToday(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05')
  })
})
