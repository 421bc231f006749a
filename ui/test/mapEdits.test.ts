// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { circleDropEdit, clampStrength, deletePersonEdits, lineEdits } from '../src/modules/mapEdits'

const ctx = { deal: null, isParticipant: () => false }

describe('drawing a line', () => {
  it('reads "A reports to B": B becomes A\'s solid-line or dotted-line manager', () => {
    expect(lineEdits('reporting', 'a', 'b', ctx).edits).toEqual([{ op: 'set_manager', person: 'a', manager: 'b' }])
    expect(lineEdits('dotted_line', 'a', 'b', ctx).edits).toEqual([{ op: 'add_dotted_line', person: 'a', manager: 'b' }])
  })

  it('draws influence from A to B with a strength of 1 to 3', () => {
    expect(lineEdits('influence', 'a', 'b', { ...ctx, strength: 7 }).edits).toEqual([{ op: 'add_influence', from: 'a', to: 'b', strength: 3 }])
    expect(lineEdits('influence', 'a', 'b', ctx).edits).toEqual([{ op: 'add_influence', from: 'a', to: 'b', strength: 2 }])
    expect(clampStrength(0)).toBe(1)
  })

  it('adds people to the deal before linking them in its decision, in one step', () => {
    const { edits } = lineEdits('decision', 'a', 'b', { deal: 'd1', isParticipant: p => p === 'a', label: '推荐' })
    expect(edits).toEqual([
      { op: 'set_participant', deal: 'd1', participant: { person: 'b', role: 'unknown', attitude: 'unknown', relationship_strategy: null } },
      { op: 'add_decision_link', deal: 'd1', from: 'a', to: 'b', label: '推荐' },
    ])
    expect(() => lineEdits('decision', 'a', 'b', ctx)).toThrow()
  })
})

describe('dropping a person into a circle', () => {
  it('makes the circle primary, keeping the others', () => {
    expect(circleDropEdit('p', ['c1'], 'c1', 'c2')).toEqual({ op: 'set_circles', person: 'p', circles: ['c1', 'c2'], primary: 'c2' })
    expect(circleDropEdit('p', ['c1', 'c2'], 'c1', 'c2')).toEqual({ op: 'set_circles', person: 'p', circles: ['c1', 'c2'], primary: 'c2' })
  })

  it('changes nothing when dropped where they already are', () => {
    expect(circleDropEdit('p', ['c1'], 'c1', 'c1')).toBeNull()
    expect(circleDropEdit('p', ['c1'], null, 'c1')).toBeNull()
    expect(circleDropEdit('p', [], null, null)).toBeNull()
  })

  it('takes them out of every circle when dropped outside', () => {
    expect(circleDropEdit('p', ['c1', 'c2'], 'c2', null)).toEqual({ op: 'set_circles', person: 'p', circles: [], primary: null })
  })
})

describe('deleting a person who manages others', () => {
  const people = [
    { id: 'boss', manager: null },
    { id: 'mid', manager: 'boss' },
    { id: 'r1', manager: 'mid' },
    { id: 'r2', manager: 'mid' },
    { id: 'other', manager: 'boss' },
  ]

  it('moves their reports to their own manager, then deletes, in one batch (one undo step)', () => {
    expect(deletePersonEdits('mid', people, true)).toEqual({
      label: 'map.undo.deletePersonMoveReports',
      edits: [{
        op: 'batch',
        edits: [
          { op: 'set_manager', person: 'r1', manager: 'boss' },
          { op: 'set_manager', person: 'r2', manager: 'boss' },
          { op: 'delete_person', id: 'mid' },
        ],
      }],
    })
  })

  it('only deletes when the user keeps the reports where they are, or there is no manager to move them to', () => {
    const plain = { label: 'map.undo.deletePerson', edits: [{ op: 'delete_person', id: 'mid' }] }
    expect(deletePersonEdits('mid', people, false)).toEqual(plain)
    expect(deletePersonEdits('boss', people, true)).toEqual({ label: 'map.undo.deletePerson', edits: [{ op: 'delete_person', id: 'boss' }] })
    expect(deletePersonEdits('r1', people, true)).toEqual({ label: 'map.undo.deletePerson', edits: [{ op: 'delete_person', id: 'r1' }] })
  })
})
