import type { Activity, Deal, ScenarioSummary, ScenarioView } from '../ipc/client'
/**
 * Sand-table scenarios (沙盘推演) of the deal open in the war room: named forks
 * the team changes freely, each judged by the core beside reality
 * (`scenario_view`, `update_scenario`). Reality is only touched by
 * promoting a scenario, which the deal store can then undo.
 */
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import {
  discardScenario,
  forkScenario,
  IpcError,
  listScenarios,
  promoteScenario,
  scenarioView,
  updateScenario,
} from '../ipc/client'
import { useDealStore } from './deal'

export const useDealScenariosStore = defineStore('dealScenarios', () => {
  const dealId = ref<string | null>(null)
  const list = shallowRef<ScenarioSummary[]>([])
  /** Views fetched so far, by scenario id. */
  const views = shallowRef(new Map<string, ScenarioView>())
  /** The scenario being edited. */
  const activeId = ref<string | null>(null)
  /** Up to two scenarios shown side by side. */
  const compareIds = ref<string[]>([])
  const busy = ref(false)
  const error = shallowRef<IpcError | null>(null)

  const active = computed(() => (activeId.value ? views.value.get(activeId.value) ?? null : null))
  /**
   * What each scenario holds as last sent: the next change builds on it even
   * while the core has not answered the previous one.
   */
  const sent = shallowRef(new Map<string, { deal: Deal, activities: Activity[] }>())

  /** The scenario's deal and activities to edit: the last sent, else the core's. */
  function contents(id: string): { deal: Deal, activities: Activity[] } | null {
    const view = views.value.get(id)
    return sent.value.get(id) ?? (view ? { deal: view.scenario.deal, activities: view.scenario.activities } : null)
  }

  function setSent(id: string, value: { deal: Deal, activities: Activity[] } | null): void {
    const next = new Map(sent.value)
    if (value)
      next.set(id, value)
    else
      next.delete(id)
    sent.value = next
  }

  let generation = 0

  function setView(view: ScenarioView): void {
    const next = new Map(views.value)
    next.set(view.scenario.id, view)
    views.value = next
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
    }
  }

  /** Loads the scenarios of a deal (and every view, for the comparison). */
  async function open(deal: string): Promise<void> {
    const current = ++generation
    if (dealId.value !== deal) {
      list.value = []
      views.value = new Map()
      activeId.value = null
      compareIds.value = []
    }
    dealId.value = deal
    await guarded(async () => {
      const summaries = await listScenarios(deal)
      const fetched = await Promise.all(summaries.map(s => scenarioView(s.id)))
      if (current !== generation)
        return
      list.value = summaries
      views.value = new Map(fetched.map(v => [v.scenario.id, v]))
      if (activeId.value && !views.value.has(activeId.value))
        activeId.value = null
      compareIds.value = compareIds.value.filter(id => views.value.has(id))
    })
  }

  /** Reality changed (an edit, a promotion): every scenario's comparison is fetched again. */
  async function refresh(): Promise<void> {
    if (dealId.value)
      await open(dealId.value)
  }

  async function fork(name: string): Promise<ScenarioView | null> {
    const deal = dealId.value
    if (!deal)
      return null
    return guarded(async () => {
      const scenario = await forkScenario(deal, name)
      const view = await scenarioView(scenario.id)
      list.value = [...list.value, { id: scenario.id, deal, name: scenario.name, created_on: scenario.created_on }]
      setView(view)
      activeId.value = scenario.id
      return view
    })
  }

  function select(id: string | null): void {
    activeId.value = id
  }

  let pending: Promise<unknown> = Promise.resolve()

  /**
   * Replaces what a scenario holds; the core answers with the new projection
   * beside reality. Changes are sent one after the other, in order. A
   * refusal changes nothing (see `error`).
   */
  function update(id: string, deal: Deal, activities: Activity[]): Promise<ScenarioView | null> {
    setSent(id, { deal, activities })
    const task = async () => {
      const view = await guarded(() => updateScenario(id, deal, activities))
      if (view)
        setView(view)
      // Once the last change sent is answered, the core's version is the one to build on;
      // a refused change is forgotten.
      if (!view || sent.value.get(id)?.deal === deal)
        setSent(id, null)
      return view
    }
    const next = pending.then(task, task)
    pending = next.catch(() => {})
    return next
  }

  /** Writes the scenario into the real deal; the deal store can undo it. */
  async function promote(id: string): Promise<boolean> {
    const outcome = await guarded(() => promoteScenario(id))
    if (!outcome)
      return false
    const dealStore = useDealStore()
    dealStore.recordUndo('promoteScenario', outcome.inverse)
    forget(id)
    await dealStore.reload()
    await refresh()
    return true
  }

  async function discard(id: string): Promise<boolean> {
    // The command answers `null`: success is having got through.
    const done = await guarded(async () => {
      await discardScenario(id)
      return true
    })
    if (!done)
      return false
    forget(id)
    return true
  }

  function forget(id: string): void {
    setSent(id, null)
    list.value = list.value.filter(s => s.id !== id)
    const next = new Map(views.value)
    next.delete(id)
    views.value = next
    if (activeId.value === id)
      activeId.value = null
    compareIds.value = compareIds.value.filter(c => c !== id)
  }

  /** Adds a scenario to the comparison (the oldest of two makes room), or takes it out. */
  function toggleCompare(id: string): void {
    if (compareIds.value.includes(id))
      compareIds.value = compareIds.value.filter(c => c !== id)
    else
      compareIds.value = [...compareIds.value, id].slice(-2)
  }

  function dismissError(): void {
    error.value = null
  }

  return {
    dealId,
    list,
    views,
    activeId,
    active,
    contents,
    compareIds,
    busy,
    error,
    open,
    refresh,
    fork,
    select,
    update,
    promote,
    discard,
    toggleCompare,
    dismissError,
  }
})
