/**
 * What a drawing gesture on the map means as core edits (src/model/edit.rs).
 * A line is read from the person it starts at: "A reports to B" makes B the
 * solid-line (or dotted-line) manager of A; "A influences B" and "A → B" in a
 * deal's decision are directed edges from A. A decision link needs both ends
 * on the deal, so people not yet taking part are added first (role and
 * attitude unknown), in the same undo step.
 */
import type { Edit } from '../ipc/client'

export const LINE_KINDS = ['reporting', 'dotted_line', 'influence', 'decision'] as const
export type LineKind = (typeof LINE_KINDS)[number]

export interface LineContext {
  /** The deal whose decision links are drawn, if any. */
  deal: string | null
  /** Whether a person already takes part in `deal`. */
  isParticipant: (person: string) => boolean
  strength?: number
  label?: string
}

/** The edits that draw a line of `kind` from `from` to `to`, with the undo label. */
export function lineEdits(kind: LineKind, from: string, to: string, ctx: LineContext): { label: string, edits: Edit[] } {
  switch (kind) {
    case 'reporting':
      return { label: 'map.undo.setManager', edits: [{ op: 'set_manager', person: from, manager: to }] }
    case 'dotted_line':
      return { label: 'map.undo.addLine', edits: [{ op: 'add_dotted_line', person: from, manager: to }] }
    case 'influence':
      return {
        label: 'map.undo.addLine',
        edits: [{ op: 'add_influence', from, to, strength: clampStrength(ctx.strength ?? 2) }],
      }
    case 'decision': {
      const deal = ctx.deal
      if (deal === null)
        throw new Error('a decision link needs a deal')
      const edits: Edit[] = []
      for (const person of from === to ? [from] : [from, to]) {
        if (!ctx.isParticipant(person))
          edits.push({ op: 'set_participant', deal, participant: { person, role: 'unknown', attitude: 'unknown', relationship_strategy: null } })
      }
      edits.push({ op: 'add_decision_link', deal, from, to, label: ctx.label ?? '' })
      return { label: 'map.undo.addLine', edits }
    }
  }
}

export function clampStrength(s: number): number {
  return Math.min(3, Math.max(1, Math.round(Number.isFinite(s) ? s : 2)))
}

/**
 * Dropping a person into a circle's region makes it their primary circle
 * (keeping their other circles); dropping into "outside every circle" takes
 * them out of all. `null` when nothing would change.
 */
export function circleDropEdit(person: string, current: readonly string[], primary: string | null, circle: string | null): Edit | null {
  if (circle === null)
    return current.length === 0 ? null : { op: 'set_circles', person, circles: [], primary: null }
  if (primary === circle || (primary === null && current[0] === circle))
    return null
  const circles = current.includes(circle) ? [...current] : [...current, circle]
  return { op: 'set_circles', person, circles, primary: circle }
}

/**
 * The edits that delete a person. When they manage others and have a
 * manager themselves, `moveReports` first re-points each report to that
 * manager; it is one batch, which the core applies all or nothing and undo
 * takes back as one step.
 */
export function deletePersonEdits(
  person: string,
  people: readonly { id: string, manager?: string | null }[],
  moveReports: boolean,
): { label: string, edits: Edit[] } {
  const manager = people.find(p => p.id === person)?.manager ?? null
  const reports = people.filter(p => p.manager === person)
  if (!moveReports || manager === null || reports.length === 0)
    return { label: 'map.undo.deletePerson', edits: [{ op: 'delete_person', id: person }] }
  return {
    label: 'map.undo.deletePersonMoveReports',
    edits: [{
      op: 'batch',
      edits: [
        ...reports.map((r): Edit => ({ op: 'set_manager', person: r.id, manager })),
        { op: 'delete_person', id: person },
      ],
    }],
  }
}
