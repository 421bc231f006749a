/**
 * Status lines ("已保存到…", "已导入…"): they say what just happened, then go
 * away by themselves, and never follow the user to another screen.
 */
import { getCurrentInstance, onBeforeUnmount, watch } from 'vue'

/** How long a status line stays, in milliseconds. */
export const STATUS_LINE_MS = 5000

/**
 * Clears a status line `ms` after it appears (again after each new one), and
 * when the component showing it goes away (the user left the screen).
 */
export function useFadingStatus(shown: () => unknown, clear: () => void, ms = STATUS_LINE_MS): void {
  let timer: ReturnType<typeof setTimeout> | undefined
  watch(shown, (value) => {
    clearTimeout(timer)
    timer = value ? setTimeout(clear, ms) : undefined
  }, { immediate: true })
  if (getCurrentInstance()) {
    onBeforeUnmount(() => {
      clearTimeout(timer)
      clear()
    })
  }
}
