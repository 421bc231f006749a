/**
 * A form's working copy of part of a deal: taken from what the core last
 * sent, changed freely, compared to tell whether there is anything to save,
 * and taken again whenever the core sends a new version (after a save, an
 * undo, a promoted scenario).
 */
import { computed, ref, watch } from 'vue'
import type { Ref } from 'vue'
import { cloneDeal } from './dealEdits'

export function useDraft<T>(source: () => T) {
  const draft = ref(cloneDeal(source())) as Ref<T>
  const dirty = computed(() => JSON.stringify(draft.value) !== JSON.stringify(source()))

  function reset(): void {
    draft.value = cloneDeal(source())
  }

  watch(source, reset)

  return { draft, dirty, reset }
}
