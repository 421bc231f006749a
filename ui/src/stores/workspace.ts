import type { AccountSummary, DealHealth, DealSummary } from '../ipc/client'
/**
 * What the window knows about the open workspace: its accounts and deals with
 * their health (win rate and red flags), which account the deal list is
 * narrowed to, and which deal the drawer shows.
 */
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { dealHealth, IpcError, listAccounts, listCompetitors, listDeals } from '../ipc/client'

export const useWorkspaceStore = defineStore('workspace', () => {
  const accounts = ref<AccountSummary[]>([])
  const deals = ref<DealSummary[]>([])
  const health = ref<DealHealth[]>([])
  const loading = ref(false)
  const loaded = ref(false)
  const error = shallowRef<IpcError | null>(null)
  const selectedAccountId = ref<string | null>(null)
  const openDealId = ref<string | null>(null)

  const selectedAccount = computed(() =>
    accounts.value.find(account => account.id === selectedAccountId.value) ?? null,
  )

  const visibleDeals = computed(() => {
    const id = selectedAccountId.value
    return id === null ? deals.value : deals.value.filter(deal => deal.account === id)
  })

  const healthByDeal = computed(() => new Map(health.value.map(h => [h.deal, h])))

  /** Competitor names by id; labels fall back to the id while they load or if they fail. */
  const competitorNames = ref(new Map<string, string>())

  /** Every competitor of the library, by name (pickers). */
  const competitors = computed(() => [...competitorNames.value].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)))

  function competitorName(id: string): string | undefined {
    return competitorNames.value.get(id)
  }

  const openDeal = computed(() => deals.value.find(deal => deal.id === openDealId.value) ?? null)

  let generation = 0

  async function load(): Promise<void> {
    // A slower, older load must not overwrite a newer one.
    const current = ++generation
    loading.value = true
    error.value = null
    void listCompetitors()
      .then((list) => { competitorNames.value = new Map(list.map(c => [c.id, c.name])) })
      .catch(() => {})
    try {
      // Health comes with the deals: a win-rate column that fills in later would jump.
      const [nextAccounts, nextDeals, nextHealth] = await Promise.all([listAccounts(), listDeals(), dealHealth()])
      if (current !== generation)
        return
      accounts.value = nextAccounts
      deals.value = nextDeals
      health.value = nextHealth
      loaded.value = true
      if (selectedAccountId.value !== null && !nextAccounts.some(a => a.id === selectedAccountId.value))
        selectedAccountId.value = null
      if (openDealId.value !== null && !nextDeals.some(d => d.id === openDealId.value))
        openDealId.value = null
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

  function showDeal(id: string): void {
    openDealId.value = id
  }

  function closeDeal(): void {
    openDealId.value = null
  }

  function dismissError(): void {
    error.value = null
  }

  return {
    accounts,
    deals,
    health,
    healthByDeal,
    competitorName,
    competitors,
    loading,
    loaded,
    error,
    selectedAccountId,
    selectedAccount,
    visibleDeals,
    openDealId,
    openDeal,
    load,
    toggleAccount,
    showAllAccounts,
    showDeal,
    closeDeal,
    dismissError,
  }
})
