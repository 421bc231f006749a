/**
 * The coaching board (督导推进, tas-plus.md §3.9): which open deals the
 * manager reviews first, how each win rate moved this week, and which
 * coaching action items are overdue. The rates, changes, flags, processes
 * and overdue items are the core's; this module only orders and picks.
 */
import type { CoachingSession, CurvePoint, Deal, DealSummary, Grade, Judgement } from '../ipc/client'

/** "Important deals only": the full-TAS+ grades lead the board. */
const GRADE_RANK: Record<Grade, number> = { A: 0, B: 1, C: 2, D: 3, E: 4 }

export interface BoardOrderKey {
  deal: Pick<DealSummary, 'grade' | 'amount' | 'name'>
  flags: number
}

/** A/B first, then by grade; within a grade the deal with most red flags, then the largest. */
export function compareBoardRows(a: BoardOrderKey, b: BoardOrderKey): number {
  return GRADE_RANK[a.deal.grade] - GRADE_RANK[b.deal.grade]
    || b.flags - a.flags
    || (b.deal.amount ?? 0) - (a.deal.amount ?? 0)
    || a.deal.name.localeCompare(b.deal.name)
}

export function openDeals<T extends Pick<DealSummary, 'status'>>(deals: readonly T[]): T[] {
  return deals.filter(d => d.status === 'open')
}

/** The change of the latest week on the curve, in points; `null` when it has none. */
export function weeklyChange(curve: readonly CurvePoint[]): number | null {
  return curve.at(-1)?.change ?? null
}

export interface ActionRef {
  /** Index of the session in `deal.coaching` and of the item in its actions. */
  session: number
  action: number
  sessionDate: string
  coach: string
  text: string
  owner: string
  due: string | null
  done: boolean
}

/** Every action item of every coaching session, newest session first. */
export function actionItems(deal: Pick<Deal, 'coaching'>): ActionRef[] {
  const out: ActionRef[] = []
  ;(deal.coaching ?? []).forEach((s: CoachingSession, session) => {
    ;(s.actions ?? []).forEach((a, action) => {
      out.push({
        session,
        action,
        sessionDate: s.date,
        coach: s.coach,
        text: a.text,
        owner: a.owner ?? '',
        due: a.due ?? null,
        done: a.done ?? false,
      })
    })
  })
  return out.sort((a, b) => (a.sessionDate === b.sessionDate ? a.action - b.action : a.sessionDate < b.sessionDate ? 1 : -1))
}

/** The action items the core's judgement of the deal found overdue. */
export function overdueActions(deal: Pick<Deal, 'coaching'>, judgement: Pick<Judgement, 'overdue_actions'>): ActionRef[] {
  return actionItems(deal).filter(a => judgement.overdue_actions.some(o => o.session === a.session && o.action === a.action))
}

export function openActions(deal: Pick<Deal, 'coaching'>): ActionRef[] {
  return actionItems(deal).filter(a => !a.done)
}

/**
 * Runs `task` over `items` with at most `limit` at once, reporting each
 * finished one: the board loads one deal view and curve per open deal and
 * shows how far it got.
 */
export async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<R>,
  onDone: (finished: number) => void = () => {},
): Promise<R[]> {
  const results: R[] = Array.from({ length: items.length })
  let next = 0
  let finished = 0
  async function worker(): Promise<void> {
    while (next < items.length) {
      const i = next++
      results[i] = await task(items[i]!)
      onDone(++finished)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}
