import type { Edit, EditOutcome } from '../src/ipc/client'
// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { EditHistory } from '../src/modules/editHistory'

/** A fake core: people with a manager and an attitude, answering each edit with its inverse. */
function fakeCore() {
  const manager = new Map<string, string | null>()
  const log: string[] = []
  let refuse: string | null = null
  async function apply(edit: Edit): Promise<EditOutcome> {
    if (edit.op !== 'set_manager')
      throw new Error(`unexpected ${edit.op}`)
    if (refuse === edit.person)
      // eslint-disable-next-line no-throw-literal -- Tauri rejects with the plain error object
      throw { code: 'invalid_input', message: `manager: cycle at ${edit.person}`, problems: [] }
    const old = manager.get(edit.person) ?? null
    manager.set(edit.person, edit.manager ?? null)
    log.push(`${edit.person}→${edit.manager ?? '-'}`)
    return { inverse: { op: 'set_manager', person: edit.person, manager: old } }
  }
  return { manager, log, apply, refuseFor: (p: string | null) => { refuse = p } }
}

const setManager = (person: string, manager: string | null): Edit => ({ op: 'set_manager', person, manager })

describe('editHistory', () => {
  it('undoes with the inverse and redoes with the inverse of the inverse', async () => {
    const core = fakeCore()
    const h = new EditHistory()
    await h.run('a', [setManager('p2', 'p1')], core.apply)
    await h.run('b', [setManager('p3', 'p1')], core.apply)
    expect(h.canUndo).toBe(true)
    expect(h.undoLabel).toBe('b')
    expect(await h.undo(core.apply)).toBe(true)
    expect(core.manager.get('p3')).toBeNull()
    expect(h.redoLabel).toBe('b')
    expect(await h.redo(core.apply)).toBe(true)
    expect(core.manager.get('p3')).toBe('p1')
    await h.undo(core.apply)
    await h.undo(core.apply)
    expect(core.manager.get('p2')).toBeNull()
    expect(h.canUndo).toBe(false)
    expect(await h.undo(core.apply)).toBe(false)
    expect(h.size).toEqual({ undo: 0, redo: 2 })
  })

  it('undoes a group of edits as one step, last edit first', async () => {
    const core = fakeCore()
    const h = new EditHistory()
    await h.run('both', [setManager('p2', 'p1'), setManager('p2', 'p3')], core.apply)
    core.log.length = 0
    await h.undo(core.apply)
    expect(core.log).toEqual(['p2→p1', 'p2→-'])
    await h.redo(core.apply)
    expect(core.manager.get('p2')).toBe('p3')
  })

  it('records nothing and rolls back the group when the core refuses an edit', async () => {
    const core = fakeCore()
    const h = new EditHistory()
    core.refuseFor('p3')
    await expect(h.run('x', [setManager('p2', 'p1'), setManager('p3', 'p2')], core.apply)).rejects.toMatchObject({ code: 'invalid_input' })
    expect(core.manager.get('p2')).toBeNull()
    expect(h.canUndo).toBe(false)
  })

  it('clears redo when a new edit is made', async () => {
    const core = fakeCore()
    const h = new EditHistory()
    await h.run('a', [setManager('p2', 'p1')], core.apply)
    await h.undo(core.apply)
    expect(h.canRedo).toBe(true)
    await h.run('b', [setManager('p3', 'p1')], core.apply)
    expect(h.canRedo).toBe(false)
  })

  it('keeps an entry whose undo the core refused', async () => {
    const core = fakeCore()
    const h = new EditHistory()
    await h.run('a', [setManager('p2', 'p1')], core.apply)
    core.refuseFor('p2')
    await expect(h.undo(core.apply)).rejects.toBeTruthy()
    expect(h.canUndo).toBe(true)
    core.refuseFor(null)
    await h.undo(core.apply)
    expect(core.manager.get('p2')).toBeNull()
  })

  it('forgets the oldest entries beyond its limit', async () => {
    const core = fakeCore()
    const h = new EditHistory(3)
    for (let i = 0; i < 5; i++)
      await h.run(`e${i}`, [setManager(`p${i}`, 'p0')], core.apply)
    expect(h.size.undo).toBe(3)
  })
})
