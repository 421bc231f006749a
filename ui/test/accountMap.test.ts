import type { Edit, PersonSummary } from '../src/ipc/client'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { accountMap, applyEdit, listCircles, listPeople } from '../src/ipc/client'
import { useAccountMapStore } from '../src/stores/accountMap'
import { useEditsStore } from '../src/stores/edits'
import { reportingLayout } from './mapFixtures'

vi.mock('../src/ipc/client', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../src/ipc/client')>()
  return { ...actual, accountMap: vi.fn(), listPeople: vi.fn(), listCircles: vi.fn(), applyEdit: vi.fn() }
})

function person(id: string, manager: string | null): PersonSummary {
  return { id, name: id, title: '', department: '', manager, manager_name: null, attitude: 'unknown', orientation: 'unknown', influence: 'unknown' }
}

beforeEach(() => {
  setActivePinia(createPinia())
  vi.mocked(accountMap).mockResolvedValue(reportingLayout())
  vi.mocked(listPeople).mockResolvedValue([person('p1', null), person('p2', 'p1'), person('p3', 'p1'), person('p4', 'p3')])
  vi.mocked(listCircles).mockResolvedValue([])
})

describe('account map store', () => {
  it('asks the core for the layer, deal, folded people and mode it shows', async () => {
    const map = useAccountMapStore()
    await map.open('acc')
    expect(accountMap).toHaveBeenLastCalledWith('acc', 'reporting', null, [], 'compact')
    await map.toggleCollapsed('p3')
    expect(accountMap).toHaveBeenLastCalledWith('acc', 'reporting', null, ['p3'], 'compact')
    await map.setMode('tidy')
    expect(accountMap).toHaveBeenLastCalledWith('acc', 'reporting', null, ['p3'], 'tidy')
  })

  it('hides edge kinds without asking the core again (nobody moves)', async () => {
    const map = useAccountMapStore()
    await map.open('acc')
    const calls = vi.mocked(accountMap).mock.calls.length
    map.toggleKind('influence')
    expect(map.hiddenKinds).toEqual(['influence'])
    map.toggleKind('influence')
    expect(map.hiddenKinds).toEqual([])
    expect(vi.mocked(accountMap).mock.calls.length).toBe(calls)
  })

  it('unfolds the managers above a person found by search', async () => {
    const map = useAccountMapStore()
    await map.open('acc')
    await map.toggleCollapsed('p1')
    await map.toggleCollapsed('p2')
    expect(map.reveal('p4')).toBe(true)
    expect(map.collapsed).toEqual(['p2'])
    expect(map.reveal('p4')).toBe(false)
  })

  it('keeps an error from the core for the banner', async () => {
    vi.mocked(accountMap).mockRejectedValueOnce({ code: 'not_found', message: 'account "x" not found', problems: [] })
    const map = useAccountMapStore()
    await map.open('x')
    expect(map.error?.code).toBe('not_found')
    expect(map.layout).toBeNull()
  })
})

describe('edits store', () => {
  it('applies, undoes with the inverse and redoes, counting revisions', async () => {
    const applied: Edit[] = []
    vi.mocked(applyEdit).mockImplementation(async (edit) => {
      applied.push(edit)
      const inverse: Edit = edit.op === 'set_manager' ? { op: 'set_manager', person: edit.person, manager: edit.manager === 'p1' ? null : 'p1' } : edit
      return { inverse }
    })
    const edits = useEditsStore()
    const before = edits.revision
    await edits.run('map.undo.setManager', [{ op: 'set_manager', person: 'p2', manager: 'p1' }])
    expect(edits.canUndo).toBe(true)
    expect(edits.undoLabel).toBe('map.undo.setManager')
    await edits.undo()
    expect(applied[1]).toEqual({ op: 'set_manager', person: 'p2', manager: null })
    expect(edits.canRedo).toBe(true)
    await edits.redo()
    expect(applied[2]).toEqual({ op: 'set_manager', person: 'p2', manager: 'p1' })
    expect(edits.revision).toBe(before + 3)
  })

  it('shows a refusal with its code and detail, and records nothing', async () => {
    vi.mocked(applyEdit).mockRejectedValue({ code: 'invalid_input', message: 'invalid input: manager: "p1" reporting to "p4" would make a cycle', problems: [] })
    const edits = useEditsStore()
    const outcome = await edits.run('map.undo.setManager', [{ op: 'set_manager', person: 'p1', manager: 'p4' }])
    expect(outcome).toBeNull()
    expect(edits.error?.code).toBe('invalid_input')
    expect(edits.error?.message).toContain('cycle')
    expect(edits.canUndo).toBe(false)
  })
})
