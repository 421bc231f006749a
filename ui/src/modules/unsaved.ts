/**
 * Text typed and not yet saved. The rule the window follows: a choice (a
 * drop-down, a checkbox) is saved the moment it changes; typed text is saved
 * with 保存 (or Enter), and until then its editor is registered here. Before
 * anything takes a registered editor away — another person, another deal or
 * screen, closing the window — `settleUnsaved()` asks once for all of them:
 * save, discard, or stay. Nothing typed is thrown away without that answer.
 *
 * `UnsavedPrompt.vue` (mounted once, in App.vue) shows the question.
 */
import { computed, getCurrentInstance, onBeforeUnmount, shallowReactive, shallowRef } from 'vue'

export interface UnsavedEditor {
  /** Whether the editor holds text that differs from what was saved. */
  dirty: () => boolean
  /** Saves the text; `false` when it was not saved (the editor shows why). */
  save: () => Promise<boolean>
  /** Puts back what was saved. */
  discard: () => void
}

export type UnsavedChoice = 'save' | 'discard' | 'cancel'

const editors = shallowReactive(new Set<UnsavedEditor>())

/** Registers an editor; returns the function that unregisters it. */
export function registerEditor(editor: UnsavedEditor): () => void {
  editors.add(editor)
  return () => {
    editors.delete(editor)
  }
}

/** Registers an editor for as long as the calling component is mounted. */
export function useUnsavedEditor(editor: UnsavedEditor): void {
  const off = registerEditor(editor)
  if (getCurrentInstance())
    onBeforeUnmount(off)
}

function dirtyEditors(): UnsavedEditor[] {
  return [...editors].filter(e => e.dirty())
}

interface Question {
  answer: (choice: UnsavedChoice) => void
  promise: Promise<UnsavedChoice>
}

const question = shallowRef<Question | null>(null)

/** Whether the save / discard / cancel question is waiting for an answer. */
export const asking = computed(() => question.value !== null)

function ask(): Promise<UnsavedChoice> {
  if (question.value)
    return question.value.promise
  let answer!: (choice: UnsavedChoice) => void
  const promise = new Promise<UnsavedChoice>((resolve) => {
    answer = resolve
  })
  question.value = {
    promise,
    answer: (choice) => {
      question.value = null
      answer(choice)
    },
  }
  return promise
}

/** Answers the pending question (the prompt's buttons). */
export function answerUnsaved(choice: UnsavedChoice): void {
  question.value?.answer(choice)
}

/**
 * Call before taking editors away. `true`: go on (nothing unsaved, or it was
 * saved or discarded as the user chose); `false`: stay (the user cancelled,
 * or a save was refused and its editor now says why).
 */
export async function settleUnsaved(): Promise<boolean> {
  if (dirtyEditors().length === 0)
    return true
  const choice = await ask()
  const dirty = dirtyEditors()
  if (choice === 'cancel')
    return false
  if (choice === 'discard') {
    for (const editor of dirty)
      editor.discard()
    return true
  }
  for (const editor of dirty) {
    if (!(await editor.save()))
      return false
  }
  return true
}
