/**
 * What the window knows about the open workspace: its accounts and deals, and
 * which account the deal list is narrowed to.
 */
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { IpcError, listAccounts, listDeals } from '../ipc/client'
import type { AccountSummary, DealSummary } from '../ipc/client'

export const useWorkspaceStore = defineStore('workspace', () => {
  const accounts = ref<AccountSummary[]>([])
  const deals = ref<DealSummary[]>([])
  const loading = ref(false)
  const loaded = ref(false)
  const error = shallowRef<IpcError | null>(null)
  const selectedAccountId = ref<string | null>(null)

  const selectedAccount = computed(() =>
    accounts.value.find(account => account.id === selectedAccountId.value) ?? null,
  )

  const visibleDeals = computed(() => {
    const id = selectedAccountId.value
    return id === null ? deals.value : deals.value.filter(deal => deal.account === id)
  })

  let generation = 0

  async function load(): Promise<void> {
    // A slower, older load must not overwrite a newer one.
    const current = ++generation
    loading.value = true
    error.value = null
    try {
      const [nextAccounts, nextDeals] = await Promise.all([listAccounts(), listDeals()])
      if (current !== generation)
        return
      accounts.value = nextAccounts
      deals.value = nextDeals
      loaded.value = true
      if (selectedAccountId.value !== null && !nextAccounts.some(a => a.id === selectedAccountId.value))
        selectedAccountId.value = null
    }
    catch (cause) {
      if (current === generation)
        error.value = IpcError.from(cause)
    }
    finally {
      if (current === generation)
        loading.value = false
    }
  }

  /** Selecting the selected account again shows all deals. */
  function toggleAccount(id: string): void {
    selectedAccountId.value = selectedAccountId.value === id ? null : id
  }

  function showAllAccounts(): void {
    selectedAccountId.value = null
  }

  function dismissError(): void {
    error.value = null
  }

  return {
    accounts,
    deals,
    loading,
    loaded,
    error,
    selectedAccountId,
    selectedAccount,
    visibleDeals,
    load,
    toggleAccount,
    showAllAccounts,
    dismissError,
  }
})
