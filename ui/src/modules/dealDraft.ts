import type { Ref } from 'vue'
/**
 * A form's working copy of part of a deal: taken from what the core last
 * sent, changed freely, compared to tell whether there is anything to save,
 * and taken again when the core sends a new version of that part (after a
 * save, an undo, a promoted scenario) — unless the user has changed the copy:
 * another section's save must not throw away what is typed here.
 */
import { computed, ref, watch } from 'vue'
import { cloneDeal } from './dealEdits'

export function useDraft<T>(source: () => T) {
  const draft = ref(cloneDeal(source())) as Ref<T>
  /** What the copy was taken from (JSON), to tell the user's changes from the core's. */
  let base = JSON.stringify(source())
  const dirty = computed(() => JSON.stringify(draft.value) !== JSON.stringify(source()))

  function reset(): void {
    draft.value = cloneDeal(source())
    base = JSON.stringify(draft.value)
  }

  watch(source, (next) => {
    const fresh = JSON.stringify(next)
    if (fresh === base)
      return
    if (JSON.stringify(draft.value) === base)
      reset()
    else
      base = fresh
  })

  return { draft, dirty, reset }
}
