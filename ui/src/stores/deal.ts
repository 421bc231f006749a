import type {
  Activity,
  CurvePoint,
  Deal,
  DealView,
  Edit,
  Interaction,
  Missing,
  PersonSummary,
  Profile,
  Settings,
  StageMove,
} from '../ipc/client'
/**
 * The deal open in the war room: its elements, activities and the core's
 * judgement (`deal_view`), the people of its account with their profiles on
 * the deal, its probability curve and the workspace settings it is read
 * with. Every change is saved whole through the core (`update_deal`, or the
 * activity edits), the view is then fetched again, and the edit that undoes
 * it is kept: the window never judges a deal itself.
 */
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import {
  applyEdit,
  dealCurve,
  dealView,
  IpcError,
  listPeople,
  markChecklist,
  missingForMove,
  moveDeal,
  personProfile,
  workspaceSettings,
} from '../ipc/client'
import { useWorkspaceStore } from './workspace'

/** One change that can be undone, named for the undo button. */
export interface UndoEntry {
  /** A `warroom.undo.*` key naming what was done. */
  label: string
  inverse: Edit
}

/** A person whose derived interaction on the deal moved with the last change. */
export interface InteractionMove {
  person: string
  from: Interaction
  to: Interaction
}

/** A stage move the core refused: where to, why, and what is missing (empty when the refusal was not the gate's). */
export interface RefusedMove {
  to: string
  error: IpcError
  missing: Missing[]
}

const INTERACTION_ORDER: Interaction[] = ['none', 'occasional', 'frequent', 'deep']

export function interactionRank(level: Interaction): number {
  return INTERACTION_ORDER.indexOf(level)
}

export const useDealStore = defineStore('deal', () => {
  const dealId = ref<string | null>(null)
  const view = shallowRef<DealView | null>(null)
  const settings = shallowRef<Settings | null>(null)
  const people = shallowRef<PersonSummary[]>([])
  const profiles = shallowRef(new Map<string, Profile>())
  const curve = shallowRef<CurvePoint[]>([])
  const loading = ref(false)
  const saving = ref(false)
  /** Why the deal could not be loaded. */
  const loadError = shallowRef<IpcError | null>(null)
  /** Why the last change was refused (with the core's problems). */
  const error = shallowRef<IpcError | null>(null)
  /** The label of the change refused (so the section that made it shows `error` next to its fields). */
  const errorLabel = ref<string | null>(null)
  /** The last stage move, when it was refused. */
  const refusedMove = shallowRef<RefusedMove | null>(null)
  const lastMove = shallowRef<StageMove | null>(null)
  const history = shallowRef<UndoEntry[]>([])
  /** Interaction levels the last change raised or lowered. */
  const interactionMoves = shallowRef<InteractionMove[]>([])

  const deal = computed(() => view.value?.deal ?? null)
  const activities = computed(() => view.value?.activities ?? [])
  const judgement = computed(() => view.value?.judgement ?? null)
  const peopleById = computed(() => new Map(people.value.map(p => [p.id, p])))
  const canUndo = computed(() => history.value.length > 0)
  const undoLabel = computed(() => history.value.at(-1)?.label ?? null)

  function personName(id: string): string {
    return peopleById.value.get(id)?.name ?? profiles.value.get(id)?.name ?? id
  }

  let generation = 0

  /** Opens a deal: its view, settings, people, profiles and curve. */
  async function open(id: string): Promise<void> {
    const current = ++generation
    dealId.value = id
    view.value = null
    curve.value = []
    profiles.value = new Map()
    history.value = []
    interactionMoves.value = []
    error.value = null
    errorLabel.value = null
    refusedMove.value = null
    lastMove.value = null
    loadError.value = null
    loading.value = true
    try {
      const [nextView, nextSettings] = await Promise.all([dealView(id), workspaceSettings()])
      if (current !== generation)
        return
      view.value = nextView
      settings.value = nextSettings
      const list = await listPeople(nextView.deal.account).catch(() => [] as PersonSummary[])
      if (current !== generation)
        return
      people.value = list
      await Promise.all([loadProfiles(current), loadCurve(current)])
    }
    catch (cause) {
      if (current === generation)
        loadError.value = IpcError.from(cause)
    }
    finally {
      if (current === generation)
        loading.value = false
    }
  }

  async function loadProfiles(current = generation): Promise<void> {
    const d = view.value?.deal
    if (!d)
      return
    const list = await Promise.all((d.participants ?? []).map(p =>
      personProfile(p.person, d.id).catch(() => null)))
    if (current !== generation)
      return
    profiles.value = new Map(list.filter((p): p is Profile => p !== null).map(p => [p.person, p]))
  }

  async function loadCurve(current = generation): Promise<void> {
    const id = dealId.value
    if (!id)
      return
    const points = await dealCurve(id).catch(() => [] as CurvePoint[])
    if (current === generation)
      curve.value = points
  }

  /** Fetches the deal again after a change (view, profiles, curve), and the deal list's summary. */
  async function reload(): Promise<void> {
    const id = dealId.value
    if (!id)
      return
    const current = generation
    const before = profiles.value
    const next = await dealView(id)
    if (current !== generation)
      return
    view.value = next
    await Promise.all([loadProfiles(current), loadCurve(current)])
    interactionMoves.value = [...profiles.value.values()].flatMap((p) => {
      const was = before.get(p.person)?.deal_level?.interaction.level
      const now = p.deal_level?.interaction.level
      return was && now && was !== now ? [{ person: p.person, from: was, to: now }] : []
    })
    // The deal list, the board and the header read the effective grade and stage from there.
    void useWorkspaceStore().load()
  }

  // One change at a time: an inverse must be recorded before the next change is made.
  let queue: Promise<unknown> = Promise.resolve()

  function serial<T>(task: () => Promise<T>): Promise<T> {
    const next = queue.then(task, task)
    queue = next.catch(() => {})
    return next
  }

  /** Applies one edit, records its inverse under `label`; false when the core refused it (see `error`). */
  function apply(label: string, edit: Edit): Promise<boolean> {
    return serial(async () => {
      saving.value = true
      error.value = null
      errorLabel.value = null
      try {
        const outcome = await applyEdit(edit)
        history.value = [...history.value, { label, inverse: outcome.inverse }]
        await reload()
        return true
      }
      catch (cause) {
        error.value = IpcError.from(cause)
        errorLabel.value = label
        return false
      }
      finally {
        saving.value = false
      }
    })
  }

  /** Saves the whole deal (every element; the stage stays as it is), and the deal's activities when given. */
  function save(label: string, next: Deal, nextActivities?: Activity[]): Promise<boolean> {
    return apply(label, { op: 'update_deal', deal: next, activities: nextActivities ?? null })
  }

  /** Logs or changes one activity of the deal. */
  function saveActivity(label: string, activity: Activity): Promise<boolean> {
    const account = view.value?.deal.account
    if (!account)
      return Promise.resolve(false)
    return apply(label, { op: 'set_activity', account, activity: { ...activity, deal: dealId.value } })
  }

  function removeActivity(id: string): Promise<boolean> {
    return apply('removeActivity', { op: 'remove_activity', id })
  }

  /** Takes back the last change made here. */
  function undo(): Promise<boolean> {
    return serial(async () => {
      const entry = history.value.at(-1)
      if (!entry)
        return false
      saving.value = true
      error.value = null
      try {
        await applyEdit(entry.inverse)
        history.value = history.value.slice(0, -1)
        await reload()
        return true
      }
      catch (cause) {
        error.value = IpcError.from(cause)
        return false
      }
      finally {
        saving.value = false
      }
    })
  }

  /** Records a change made elsewhere (a promoted scenario) so it can be undone here. */
  function recordUndo(label: string, inverse: Edit): void {
    history.value = [...history.value, { label, inverse }]
  }

  /** Moves the deal through the stage gate; `null` when refused (see `refusedMove`). */
  function moveTo(stage: string): Promise<StageMove | null> {
    return serial(async () => {
      const id = dealId.value
      if (!id)
        return null
      saving.value = true
      refusedMove.value = null
      lastMove.value = null
      try {
        const moved = await moveDeal(id, stage)
        lastMove.value = moved
        await reload()
        return moved
      }
      catch (cause) {
        const error = IpcError.from(cause)
        // The gate refuses with `invalid_input`; the core then says, item by
        // item, what is missing, so each is shown translated (never its English text).
        const missing = error.code === 'invalid_input' ? await missingForMove(id, stage).catch(() => []) : []
        refusedMove.value = { to: stage, error, missing }
        return null
      }
      finally {
        saving.value = false
      }
    })
  }

  /** Ticks (or unticks) an exit-checklist item. */
  function mark(stage: string, item: string, done: boolean): Promise<boolean> {
    return serial(async () => {
      const id = dealId.value
      if (!id)
        return false
      saving.value = true
      error.value = null
      refusedMove.value = null
      try {
        await markChecklist(id, stage, item, done)
        await reload()
        return true
      }
      catch (cause) {
        error.value = IpcError.from(cause)
        return false
      }
      finally {
        saving.value = false
      }
    })
  }

  function dismissError(): void {
    error.value = null
    errorLabel.value = null
  }

  function dismissRefusedMove(): void {
    refusedMove.value = null
  }

  return {
    dealId,
    view,
    deal,
    activities,
    judgement,
    settings,
    people,
    peopleById,
    profiles,
    curve,
    loading,
    saving,
    loadError,
    error,
    errorLabel,
    refusedMove,
    lastMove,
    history,
    canUndo,
    undoLabel,
    interactionMoves,
    personName,
    open,
    reload,
    save,
    saveActivity,
    removeActivity,
    undo,
    recordUndo,
    moveTo,
    mark,
    dismissError,
    dismissRefusedMove,
  }
})
