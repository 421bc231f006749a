/**
 * Editing a competitor of the library as a form: partners one per line,
 * events as date + text rows; back to the core's `Competitor` on save.
 */
import type { Competitor, CompetitorEvent } from '../ipc/client'

export interface CompetitorDraft {
  id: string
  name: string
  info: string
  partners: string
  strengths: string
  weaknesses: string
  events: CompetitorEvent[]
}

export function toDraft(c: Competitor): CompetitorDraft {
  return {
    id: c.id,
    name: c.name,
    info: c.info ?? '',
    partners: (c.partners ?? []).join('\n'),
    strengths: c.strengths ?? '',
    weaknesses: c.weaknesses ?? '',
    events: (c.events ?? []).map(e => ({ ...e })),
  }
}

export function fromDraft(d: CompetitorDraft): Competitor {
  return {
    id: d.id.trim(),
    name: d.name.trim(),
    info: d.info,
    partners: d.partners.split('\n').map(p => p.trim()).filter(p => p !== ''),
    strengths: d.strengths,
    weaknesses: d.weaknesses,
    events: d.events.filter(e => e.text.trim() !== '').map(e => ({ date: e.date, text: e.text.trim() })),
  }
}

/** A new competitor's id from its name: `k-` and a short, unused suffix. */
export function newCompetitorId(taken: readonly string[], seed: number = Date.now()): string {
  let n = seed
  for (;;) {
    const id = `k-${(n % 46656).toString(36).padStart(3, '0')}`
    if (!taken.includes(id))
      return id
    n += 1
  }
}

export function emptyDraft(taken: readonly string[]): CompetitorDraft {
  return { id: newCompetitorId(taken), name: '', info: '', partners: '', strengths: '', weaknesses: '', events: [] }
}
