import type { Edit } from '../ipc/client'
/**
 * Practice mode (tas-plus.md §5: training on fictional practice accounts):
 * which accounts are the practice workspace's, the exercise in progress, and
 * putting the practice deals back as bundled (undoable once).
 */
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { applyEdit, IpcError, practiceAccounts, resetPractice } from '../ipc/client'
import { useWorkspaceStore } from './workspace'

export const useDealPracticeStore = defineStore('dealPractice', () => {
  const accounts = ref<string[]>([])
  const loaded = ref(false)
  const busy = ref(false)
  const error = shallowRef<IpcError | null>(null)
  /** The undo of the last reset. */
  const lastReset = shallowRef<Edit | null>(null)
  /** The exercise deal opened from practice mode, if any. */
  const exercise = ref<string | null>(null)

  const workspace = useWorkspaceStore()
  const practiceDeals = computed(() => workspace.deals.filter(d => accounts.value.includes(d.account) && d.status === 'open'))

  async function load(): Promise<void> {
    if (loaded.value)
      return
    try {
      accounts.value = await practiceAccounts()
      loaded.value = true
    }
    catch (cause) {
      error.value = IpcError.from(cause)
    }
  }

  function isPractice(account: string | null | undefined): boolean {
    return !!account && accounts.value.includes(account)
  }

  function start(deal: string): void {
    exercise.value = deal
  }

  function stop(): void {
    exercise.value = null
  }

  /** Puts the practice accounts and deals back as bundled; other accounts stay. */
  async function reset(): Promise<boolean> {
    busy.value = true
    error.value = null
    try {
      const outcome = await resetPractice()
      lastReset.value = outcome.inverse
      await workspace.load()
      return true
    }
    catch (cause) {
      error.value = IpcError.from(cause)
      return false
    }
    finally {
      busy.value = false
    }
  }

  async function undoReset(): Promise<boolean> {
    const inverse = lastReset.value
    if (!inverse)
      return false
    busy.value = true
    error.value = null
    try {
      await applyEdit(inverse)
      lastReset.value = null
      await workspace.load()
      return true
    }
    catch (cause) {
      error.value = IpcError.from(cause)
      return false
    }
    finally {
      busy.value = false
    }
  }

  return { accounts, loaded, busy, error, lastReset, exercise, practiceDeals, load, isPractice, start, stop, reset, undoReset }
})
