/**
 * Undo and redo of the session's map edits. The core answers every applied
 * edit with its exact inverse; undoing applies the inverses (last first), and
 * the inverses *those* return are what redo applies. One user action may be
 * several edits (adding someone to a deal, then linking them), so an entry is
 * a group undone and redone as one.
 *
 * Pure: `apply` is the only way out (the IPC call in the app, a fake in tests).
 */
import type { Edit, EditOutcome } from '../ipc/client'

export interface HistoryEntry {
  /** What the user did, for the undo button's tooltip (an i18n key and its values). */
  label: string
  /** Edits that undo the action, in the order to apply them. */
  edits: Edit[]
}

export type ApplyEdit = (edit: Edit) => Promise<EditOutcome>

export class EditHistory {
  private undoStack: HistoryEntry[] = []
  private redoStack: HistoryEntry[] = []

  constructor(private readonly limit = 200) {}

  get canUndo(): boolean {
    return this.undoStack.length > 0
  }

  get canRedo(): boolean {
    return this.redoStack.length > 0
  }

  get undoLabel(): string | null {
    return this.undoStack[this.undoStack.length - 1]?.label ?? null
  }

  get redoLabel(): string | null {
    return this.redoStack[this.redoStack.length - 1]?.label ?? null
  }

  get size(): { undo: number, redo: number } {
    return { undo: this.undoStack.length, redo: this.redoStack.length }
  }

  /**
   * Applies the edits of one action in order and records how to undo them. If
   * one is refused, the ones already applied are rolled back (best effort) and
   * the refusal is thrown; nothing is recorded.
   */
  async run(label: string, edits: readonly Edit[], apply: ApplyEdit): Promise<EditOutcome[]> {
    const outcomes: EditOutcome[] = []
    try {
      for (const edit of edits)
        outcomes.push(await apply(edit))
    }
    catch (cause) {
      for (const done of [...outcomes].reverse())
        await apply(done.inverse).catch(() => {})
      throw cause
    }
    this.push({ label, edits: outcomes.map(o => o.inverse).reverse() })
    this.redoStack = []
    return outcomes
  }

  /** Undoes the last action; `false` when there is none. A refusal keeps the entry. */
  async undo(apply: ApplyEdit): Promise<boolean> {
    const entry = this.undoStack[this.undoStack.length - 1]
    if (!entry)
      return false
    const redo = await this.replay(entry, apply)
    this.undoStack.pop()
    this.redoStack.push(redo)
    return true
  }

  /** Redoes the last undone action; `false` when there is none. */
  async redo(apply: ApplyEdit): Promise<boolean> {
    const entry = this.redoStack[this.redoStack.length - 1]
    if (!entry)
      return false
    const undo = await this.replay(entry, apply)
    this.redoStack.pop()
    this.push(undo)
    return true
  }

  clear(): void {
    this.undoStack = []
    this.redoStack = []
  }

  private async replay(entry: HistoryEntry, apply: ApplyEdit): Promise<HistoryEntry> {
    const inverses: Edit[] = []
    try {
      for (const edit of entry.edits)
        inverses.push((await apply(edit)).inverse)
    }
    catch (cause) {
      // Put back what this half-done step changed, so the entry still fits.
      for (const inverse of [...inverses].reverse())
        await apply(inverse).catch(() => {})
      throw cause
    }
    return { label: entry.label, edits: inverses.reverse() }
  }

  private push(entry: HistoryEntry): void {
    this.undoStack.push(entry)
    if (this.undoStack.length > this.limit)
      this.undoStack.shift()
  }
}
