import type { HealthTextContext } from '../composables/useHealthText'
/**
 * The war room's words for the deal it shows: names for the ids the core
 * sends (people, competitors, stages), the TAS+ vocabulary in the current
 * language, and amounts. Call it in a component's setup.
 */
import { useI18n } from 'vue-i18n'
import { useHealthText } from '../composables/useHealthText'
import { useDealStore } from '../stores/deal'
import { useWorkspaceStore } from '../stores/workspace'
import { stageLabel } from './dealStages'
import { formatAmount } from './format'
import { useAppLocale } from './i18n'

export function useWarroomText() {
  const { t } = useI18n()
  const { locale } = useAppLocale()
  const dealStore = useDealStore()
  const workspace = useWorkspaceStore()

  function stage(key: string): string {
    const def = dealStore.settings?.stages?.find(s => s.key === key)
    if (def)
      return stageLabel(def, key, locale.value)
    const summary = workspace.deals.find(d => d.stage === key)
    return summary ? stageLabel({ key, name: summary.stage_name, name_en: summary.stage_name_en }, key, locale.value) : key
  }

  const context: HealthTextContext = {
    person: id => dealStore.personName(id),
    competitor: id => workspace.competitorName(id),
    stage,
  }
  const health = useHealthText(context)

  function money(amount: number | null | undefined, currency = 'CNY'): string {
    return amount === null || amount === undefined ? t('common.empty') : formatAmount(amount, currency, locale.value)
  }

  /** A vocabulary value: `warroom.<group>.<key>`. */
  function term(group: string, key: string | null | undefined): string {
    return key ? t(`warroom.${group}.${key}`) : t('common.empty')
  }

  return { t, locale, context, health, stage, money, term, person: dealStore.personName }
}
