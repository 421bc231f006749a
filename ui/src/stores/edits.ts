import type { Edit, EditOutcome } from '../ipc/client'
/**
 * Every edit the window makes goes through here: applied at once through the
 * core (nothing waits for a "save"), recorded for undo and redo, and counted
 * in `revision` so the screens showing the data fetch it again. A refusal
 * (a cycle, an empty name…) lands in `error` with the core's code and detail.
 */
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { applyEdit, IpcError } from '../ipc/client'
import { EditHistory } from '../modules/editHistory'

export const useEditsStore = defineStore('edits', () => {
  const history = new EditHistory()
  const revision = ref(0)
  const busy = ref(false)
  const error = shallowRef<IpcError | null>(null)
  const canUndo = ref(false)
  const canRedo = ref(false)
  const undoLabel = ref<string | null>(null)
  const redoLabel = ref<string | null>(null)

  function sync(): void {
    canUndo.value = history.canUndo
    canRedo.value = history.canRedo
    undoLabel.value = history.undoLabel
    redoLabel.value = history.redoLabel
  }

  // One edit at a time: the inverse of an edit must be recorded before the
  // next one is applied, or undo would run in the wrong order.
  let queue: Promise<unknown> = Promise.resolve()

  function serial<T>(task: () => Promise<T>): Promise<T> {
    const next = queue.then(task, task)
    queue = next.catch(() => {})
    return next
  }

  async function guarded<T>(task: () => Promise<T>): Promise<T | null> {
    busy.value = true
    error.value = null
    try {
      return await task()
    }
    catch (cause) {
      error.value = IpcError.from(cause)
      return null
    }
    finally {
      busy.value = false
      sync()
      revision.value++
    }
  }

  /**
   * Applies one user action (one or more edits) and records it; `null` when
   * the core refused it (see `error`), else the outcomes in order.
   */
  function run(label: string, edits: Edit[]): Promise<EditOutcome[] | null> {
    return serial(() => guarded(() => history.run(label, edits, applyEdit)))
  }

  function undo(): Promise<boolean | null> {
    return serial(() => guarded(() => history.undo(applyEdit)))
  }

  function redo(): Promise<boolean | null> {
    return serial(() => guarded(() => history.redo(applyEdit)))
  }

  function dismissError(): void {
    error.value = null
  }

  /** Forgets the session's edits (after replacing the workspace, they no longer apply). */
  function forget(): void {
    history.clear()
    sync()
  }

  return { revision, busy, error, canUndo, canRedo, undoLabel, redoLabel, run, undo, redo, dismissError, forget }
})
