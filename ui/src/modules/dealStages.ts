/**
 * The stage bar of a deal (商机阶段, tas-plus.md §2.1): where the deal stands
 * in the workspace's stage template and which exit-checklist items of its
 * stage are met. Display only: whether a move is allowed is the core's call
 * (`move_deal`, with the grade rules), and what it found missing
 * (`missing_for_move`) is told here in the interface language.
 */
import type { DealStatus, Missing, RegistrationState, StageDef } from '../ipc/client'
import type { AppLocale } from './i18n'

export interface StageStep {
  key: string
  name: string
  index: number
  state: 'done' | 'current' | 'ahead'
}

/** A stage's name in the interface language; the other name, then the key, stand in. */
export function stageLabel(stage: Pick<StageDef, 'key' | 'name' | 'name_en'> | undefined, key: string, locale: AppLocale): string {
  if (!stage)
    return key
  const [preferred, other] = locale === 'zh-CN' ? [stage.name, stage.name_en] : [stage.name_en, stage.name]
  return preferred || other || key
}

/** The template's stages with the deal's position marked. */
export function stageSteps(stages: readonly StageDef[], current: string, locale: AppLocale): StageStep[] {
  const at = stages.findIndex(s => s.key === current)
  return stages.map((s, index) => ({
    key: s.key,
    name: stageLabel(s, s.key, locale),
    index,
    state: at < 0 ? 'ahead' : index < at ? 'done' : index === at ? 'current' : 'ahead',
  }))
}

/** The stages before and after the deal's, for the back and forward buttons. */
export function neighbours(stages: readonly StageDef[], current: string): { previous: StageDef | null, next: StageDef | null } {
  const at = stages.findIndex(s => s.key === current)
  if (at < 0)
    return { previous: null, next: stages[0] ?? null }
  return { previous: stages[at - 1] ?? null, next: stages[at + 1] ?? null }
}

/** The words a refusal is told with, in the interface language. */
export interface MissingWords {
  /** A template stage's name; `name` (the core's) stands in for a stage the template no longer has. */
  stage: (key: string, name?: string) => string
  status: (status: DealStatus) => string
  registration: (state: RegistrationState) => string
  /** A calendar date (`YYYY-MM-DD`) as the locale writes it. */
  date: (isoDate: string) => string
}

/** An i18n key and its parameters. */
export interface MissingMessage {
  key: string
  params: Record<string, string>
}

/**
 * One thing the stage gate found missing (`missing_for_move`), as a
 * `warroom.stage.missing.*` message. Stage names and checklist items are
 * user data: they go in as parameters and are shown as text.
 */
export function missingMessage(missing: Missing, words: MissingWords): MissingMessage {
  switch (missing.kind) {
    case 'open_deal':
      return { key: 'warroom.stage.missing.openDeal', params: { status: words.status(missing.status) } }
    case 'unknown_stage':
      return { key: 'warroom.stage.missing.unknownStage', params: { stage: words.stage(missing.stage) } }
    case 'skipped_stage':
      return { key: 'warroom.stage.missing.skippedStage', params: { stage: words.stage(missing.stage, missing.name) } }
    case 'checklist_item':
      return {
        key: 'warroom.stage.missing.checklistItem',
        params: { stage: words.stage(missing.stage, missing.stage_name), item: missing.item },
      }
    case 'partner_registration':
      if (missing.state === null)
        return { key: 'warroom.stage.missing.noRegistration', params: {} }
      if (missing.state === 'expired' && missing.protection_until)
        return { key: 'warroom.stage.missing.registrationExpired', params: { date: words.date(missing.protection_until) } }
      return { key: 'warroom.stage.missing.registration', params: { state: words.registration(missing.state) } }
  }
}
