import type { Circle, EdgeKind, Layer, Layout, PersonSummary, ReportingMode } from '../ipc/client'
/**
 * The open account map: which account, layer, deal, folded subtrees and
 * reporting mode are shown, the core's layout of them, the account's people
 * and circles (for the pickers), the selected person, and which edge kinds
 * the combined view hides. The layout is fetched again after every edit;
 * hiding an edge kind never is (people must not move).
 */
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { accountMap, IpcError, listCircles, listPeople } from '../ipc/client'
import { settleUnsaved } from '../modules/unsaved'
import { useWorkspaceStore } from './workspace'

export const useAccountMapStore = defineStore('accountMap', () => {
  const account = ref<string | null>(null)
  const layer = ref<Layer>('reporting')
  const deal = ref<string | null>(null)
  const collapsed = ref<string[]>([])
  const mode = ref<ReportingMode>('compact')
  const layout = shallowRef<Layout | null>(null)
  const people = shallowRef<PersonSummary[]>([])
  const circles = shallowRef<Circle[]>([])
  const loading = ref(false)
  const error = shallowRef<IpcError | null>(null)
  const selected = ref<string | null>(null)
  const hiddenKinds = ref<EdgeKind[]>([])
  /** Milliseconds from asking the core to the first frame the map drew (set by the canvas). */
  const firstRenderMs = ref<number | null>(null)
  let requestedAt = 0

  const workspace = useWorkspaceStore()

  const accountDeals = computed(() => workspace.deals.filter(d => d.account === account.value))
  const accountName = computed(() =>
    layout.value?.account_name ?? workspace.accounts.find(a => a.id === account.value)?.name ?? '')

  const peopleById = computed(() => new Map(people.value.map(p => [p.id, p])))

  /** The selected person's box in the current layout (`null` when not drawn, e.g. folded away). */
  const selectedNode = computed(() => layout.value?.nodes.find(n => n.person === selected.value) ?? null)

  let generation = 0

  /** Opens an account: the reporting layer, its first open deal for the decision layer, nothing folded. */
  function open(id: string): Promise<void> {
    if (account.value !== id) {
      account.value = id
      layer.value = 'reporting'
      deal.value = null
      collapsed.value = []
      selected.value = null
      hiddenKinds.value = []
      layout.value = null
      people.value = []
      circles.value = []
      firstRenderMs.value = null
    }
    return load()
  }

  function close(): void {
    generation++
    account.value = null
    layout.value = null
    selected.value = null
  }

  async function load(): Promise<void> {
    const id = account.value
    if (id === null)
      return
    const current = ++generation
    loading.value = true
    error.value = null
    if (layer.value === 'decision' && deal.value === null)
      deal.value = defaultDeal()
    if (layer.value === 'decision' && deal.value === null)
      layer.value = 'reporting'
    requestedAt = performance.now()
    performance.mark('map:requested')
    try {
      const [nextLayout, nextPeople, nextCircles] = await Promise.all([
        accountMap(id, layer.value, deal.value, [...collapsed.value], mode.value),
        listPeople(id),
        listCircles(id),
      ])
      if (current !== generation)
        return
      performance.mark('map:received')
      layout.value = nextLayout
      people.value = nextPeople
      circles.value = nextCircles
      if (selected.value !== null && !nextPeople.some(p => p.id === selected.value))
        selected.value = null
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

  function defaultDeal(): string | null {
    const deals = accountDeals.value
    return (deals.find(d => d.status === 'open') ?? deals[0])?.id ?? null
  }

  function setLayer(next: Layer): Promise<void> {
    layer.value = next
    return load()
  }

  function setDeal(next: string | null): Promise<void> {
    deal.value = next
    if (next === null && layer.value === 'decision')
      layer.value = 'reporting'
    return load()
  }

  function setMode(next: ReportingMode): Promise<void> {
    mode.value = next
    return load()
  }

  function toggleCollapsed(person: string): Promise<void> {
    collapsed.value = collapsed.value.includes(person)
      ? collapsed.value.filter(p => p !== person)
      : [...collapsed.value, person]
    return load()
  }

  function expandAll(): Promise<void> {
    collapsed.value = []
    return load()
  }

  /** Unfolds whatever hides `person` (their managers up the chain); `true` when something changed. */
  function reveal(person: string): boolean {
    const above = new Set<string>()
    let at = peopleById.value.get(person)?.manager ?? null
    while (at !== null && !above.has(at)) {
      above.add(at)
      at = peopleById.value.get(at)?.manager ?? null
    }
    const next = collapsed.value.filter(p => !above.has(p))
    if (next.length === collapsed.value.length)
      return false
    collapsed.value = next
    return true
  }

  function toggleKind(kind: EdgeKind): void {
    hiddenKinds.value = hiddenKinds.value.includes(kind)
      ? hiddenKinds.value.filter(k => k !== kind)
      : [...hiddenKinds.value, kind]
  }

  function select(person: string | null): void {
    selected.value = person
  }

  /**
   * Selects another person (or none) as the user asks: the profile open now
   * goes away, so its unsaved text is first saved or discarded as the user
   * chooses; `false` when they chose to stay.
   */
  async function choose(person: string | null): Promise<boolean> {
    if (person === selected.value)
      return true
    if (!(await settleUnsaved()))
      return false
    selected.value = person
    return true
  }

  function rendered(): void {
    performance.mark('map:rendered')
    if (firstRenderMs.value === null && requestedAt > 0)
      firstRenderMs.value = Math.round(performance.now() - requestedAt)
  }

  return {
    choose,
    account,
    accountName,
    accountDeals,
    layer,
    deal,
    collapsed,
    mode,
    layout,
    people,
    peopleById,
    circles,
    loading,
    error,
    selected,
    selectedNode,
    hiddenKinds,
    firstRenderMs,
    open,
    close,
    load,
    setLayer,
    setDeal,
    setMode,
    toggleCollapsed,
    expandAll,
    reveal,
    toggleKind,
    select,
    rendered,
  }
})
