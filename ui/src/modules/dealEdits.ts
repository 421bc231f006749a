/**
 * Changes to one deal's TAS+ elements as pure functions: each takes a deal
 * (or a scenario's copy of it) and returns a new one, leaving the input
 * untouched. The deal workspace saves the result whole (`update_deal`), a
 * scenario sends it to `update_scenario`; the core checks it by the import
 * rules either way. Nothing here judges a deal: the win rate, flags and
 * suggestions all come from the core.
 */
import type {
  Activity,
  Assessment,
  Attitude,
  CompellingEvent,
  Deal,
  Judgement,
  Participant,
  RelationshipStrategy,
  Role,
  Score,
} from '../ipc/client'

/** Party key of "us" in scores, quotes and comparisons. */
export const US = 'us'

/** A deep copy: the deal and scenario objects the core sends are plain JSON. */
export function cloneDeal<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T
}

/** A copy of `deal` changed by `change` (which may mutate the copy freely). */
export function editDeal(deal: Deal, change: (draft: Deal) => void): Deal {
  const draft = cloneDeal(deal)
  change(draft)
  return draft
}

/** Today as an ISO calendar date in local time (the core's dates have no zone). */
export function isoToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/**
 * The assessment in force: the one the core's win rate used, named by the
 * judgement (a questionnaire dated after the judgement's date is not in force
 * yet). `null` before the first, or without a judgement.
 */
export function assessmentInForce(deal: Pick<Deal, 'assessments'>, judgement: Pick<Judgement, 'assessment_in_force'> | null | undefined): Assessment | null {
  const i = judgement?.assessment_in_force
  return i == null ? null : (deal.assessments?.[i] ?? null)
}

/** The parties a questionnaire scores: us, then every competitor on the deal. */
export function scoredParties(deal: Pick<Deal, 'competitors'>): string[] {
  return [US, ...(deal.competitors ?? [])]
}

/** The score of `party` in an assessment, if it is scored there. */
export function scoreOf(assessment: Assessment | null, party: string): Score | undefined {
  return assessment?.scores?.find(s => s.party === party)
}

/**
 * A new assessment taken on `date` from `last` (the one in force): same inside
 * source and scores (the team adjusts what changed), participants left for the
 * caller. Parties no longer on the deal are dropped; new competitors start unscored.
 */
export function nextAssessment(deal: Deal, date: string, last: Assessment | null): Assessment {
  const parties = new Set(scoredParties(deal))
  return {
    date,
    inside_source: last?.inside_source ?? null,
    participants: [...(last?.participants ?? [])],
    scores: (last?.scores ?? []).filter(s => parties.has(s.party)).map(s => ({ ...s })),
  }
}

/** Sets one score of one party (0–10, clamped) in an assessment, adding the party's row when missing. */
export function setScore(assessment: Assessment, party: string, field: 'fit' | 'closeness', value: number): Assessment {
  const clamped = Math.min(10, Math.max(0, Number.isFinite(value) ? value : 0))
  const scores = (assessment.scores ?? []).map(s => ({ ...s }))
  let row = scores.find(s => s.party === party)
  if (!row) {
    row = { party, fit: 0, closeness: 0 }
    scores.push(row)
  }
  row[field] = clamped
  return { ...assessment, scores }
}

/** Removes one party's scores from an assessment (e.g. a competitor no longer scored). */
export function unscore(assessment: Assessment, party: string): Assessment {
  return { ...assessment, scores: (assessment.scores ?? []).filter(s => s.party !== party) }
}

/**
 * Replaces the assessment at `inForce` (scenarios change the questionnaire in
 * force, not its history); with none in force, adds one dated today beside
 * the others (which stay: they are history, or dated later).
 */
export function withAssessmentInForce(deal: Deal, inForce: number | null | undefined, change: (a: Assessment) => Assessment): Deal {
  return editDeal(deal, (draft) => {
    const i = inForce ?? -1
    if (i < 0 || !draft.assessments?.[i])
      draft.assessments = [...(draft.assessments ?? []), change({ date: isoToday(), inside_source: null, participants: [], scores: [] })]
    else
      draft.assessments![i] = change(draft.assessments![i]!)
  })
}

/**
 * Adds a competitor to the deal, or takes one off: off also drops its scores,
 * quotes and comparison notes, which the core refuses for a party no longer
 * on the deal (it would say so, naming the field).
 */
export function withCompetitor(deal: Deal, competitor: string, on: boolean): Deal {
  return editDeal(deal, (draft) => {
    const list = draft.competitors ?? []
    if (on) {
      if (!list.includes(competitor))
        draft.competitors = [...list, competitor]
      return
    }
    draft.competitors = list.filter(c => c !== competitor)
    draft.assessments = (draft.assessments ?? []).map(a => unscore(a, competitor))
    draft.quotes = (draft.quotes ?? []).filter(q => q.party !== competitor)
    if (draft.value_proposition?.comparison)
      draft.value_proposition.comparison = draft.value_proposition.comparison.filter(c => c.party !== competitor)
  })
}

export interface ParticipantPatch {
  role?: Role
  attitude?: Attitude
  /** `null`: use the suggestion. */
  relationship_strategy?: RelationshipStrategy | null
}

/** Changes one participant's role, deal attitude or chosen relationship strategy. */
export function withParticipant(deal: Deal, person: string, patch: ParticipantPatch): Deal {
  return editDeal(deal, (draft) => {
    draft.participants = (draft.participants ?? []).map((p): Participant =>
      p.person === person ? { ...p, ...patch } : p)
  })
}

/** Adds a person of the deal's account as a participant, every dimension unknown. */
export function withParticipantAdded(deal: Deal, person: string): Deal {
  return editDeal(deal, (draft) => {
    const list = draft.participants ?? []
    if (!list.some(p => p.person === person))
      draft.participants = [...list, { person, role: 'unknown', attitude: 'unknown', relationship_strategy: null }]
  })
}

/** Takes a participant off the deal with the decision links they are an end of. */
export function withoutParticipant(deal: Deal, person: string): Deal {
  return editDeal(deal, (draft) => {
    draft.participants = (draft.participants ?? []).filter(p => p.person !== person)
    draft.decision_links = (draft.decision_links ?? []).filter(l => l.from !== person && l.to !== person)
  })
}

export function participantOf(deal: Pick<Deal, 'participants'>, person: string): Participant | undefined {
  return deal.participants?.find(p => p.person === person)
}

/** Adds or replaces (by index) a compelling event. */
export function withCompellingEvent(deal: Deal, event: CompellingEvent, index: number | null): Deal {
  return editDeal(deal, (draft) => {
    const list = draft.compelling_events ?? []
    if (index === null || index < 0 || index >= list.length)
      list.push(event)
    else
      list[index] = event
    draft.compelling_events = list
  })
}

export function withoutCompellingEvent(deal: Deal, index: number): Deal {
  return editDeal(deal, (draft) => {
    draft.compelling_events = (draft.compelling_events ?? []).filter((_, i) => i !== index)
  })
}

/** Confirms (or withdraws) a compelling event, dated as assessed today. */
export function confirmCompellingEvent(deal: Deal, index: number, confirmed: boolean, today: string): Deal {
  return editDeal(deal, (draft) => {
    const event = draft.compelling_events?.[index]
    if (event) {
      event.confirmed = confirmed
      event.assessed_on = today
    }
  })
}

/** Adds a tactic (trimmed, once). */
export function withTactic(deal: Deal, tactic: string): Deal {
  const text = tactic.trim()
  return editDeal(deal, (draft) => {
    const list = draft.tactics ?? []
    if (text && !list.includes(text))
      draft.tactics = [...list, text]
  })
}

export function withoutTactic(deal: Deal, tactic: string): Deal {
  return editDeal(deal, (draft) => {
    draft.tactics = (draft.tactics ?? []).filter(t => t !== tactic)
  })
}

/** Adds or replaces (by id) an activity in a list of a deal's activities. */
export function upsertActivity(activities: readonly Activity[], activity: Activity): Activity[] {
  const i = activities.findIndex(a => a.id === activity.id)
  if (i < 0)
    return [...activities, activity]
  const next = [...activities]
  next[i] = activity
  return next
}

let serial = 0

/**
 * A fresh id for something the user creates (activities). Time plus a
 * counter plus randomness: unique in the workspace without asking the core.
 */
export function newId(prefix: string, now: number = Date.now()): string {
  serial = (serial + 1) % 1296
  const random = Math.floor(Math.random() * 36 ** 4).toString(36).padStart(4, '0')
  return `${prefix}-${now.toString(36)}${serial.toString(36).padStart(2, '0')}${random}`
}

/** Activities sorted newest first (planned ones by their planned date too). */
export function activitiesNewestFirst(activities: readonly Activity[]): Activity[] {
  return [...activities].sort((a, b) => (a.date === b.date ? 0 : a.date < b.date ? 1 : -1))
}
