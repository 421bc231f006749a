/**
 * The words for what a sand-table scenario changed against reality (the
 * core's `ScenarioChange` list), one line each, in the current language.
 * Names the user typed stay values of the messages, so they stay text.
 */
import type { Activity, ScenarioChange } from '../ipc/client'
import { formatScore } from './format'
import { useWarroomText } from './warroomText'

export function useScenarioText() {
  const { t, locale, health, person, term } = useWarroomText()

  function fieldValue(field: string, value: string): string {
    if (!value)
      return t('warroom.people.useSuggestion')
    switch (field) {
      case 'role':
        return t(`role.${value}`)
      case 'attitude':
        return term('attitude', value)
      case 'relationship_strategy':
        return term('relStrategy', value)
      default:
        return value
    }
  }

  function activityLabel(id: string, activities: readonly Activity[]): string {
    const a = activities.find(x => x.id === id)
    if (!a)
      return id
    return a.summary ? `${a.date} ${a.summary}` : `${a.date} ${t(`warroom.activityType.${a.type}`)}`
  }

  function change(c: ScenarioChange, activities: readonly Activity[] = []): string {
    switch (c.kind) {
      case 'participant':
        return t('warroom.changes.participant', {
          person: person(c.person),
          field: t(`warroom.changes.fields.${['role', 'attitude', 'relationship_strategy'].includes(c.field) ? c.field : 'other'}`),
          from: fieldValue(c.field, c.from),
          to: fieldValue(c.field, c.to),
        })
      case 'participant_added':
      case 'participant_removed':
        return t(`warroom.changes.${c.kind}`, { person: person(c.person) })
      case 'inside_source':
        return t('warroom.changes.inside_source', {
          from: c.from ? person(c.from) : t('warroom.questionnaire.noInsideSource'),
          to: c.to ? person(c.to) : t('warroom.questionnaire.noInsideSource'),
        })
      case 'score':
        return t('warroom.changes.score', {
          party: health.party(c.party),
          field: t(c.field === 'fit' ? 'warroom.questionnaire.fit' : 'warroom.questionnaire.closeness'),
          from: formatScore(c.from, locale.value),
          to: formatScore(c.to, locale.value),
        })
      case 'compelling_events':
        return t('warroom.changes.compelling_events', {
          from: c.from,
          to: c.to,
          confirmedFrom: c.confirmed_from,
          confirmedTo: c.confirmed_to,
        })
      case 'competitor_added':
      case 'competitor_removed':
        return t(`warroom.changes.${c.kind}`, { competitor: health.party(c.competitor) })
      case 'shortlist':
        return t(c.to ? 'warroom.changes.shortlist_dropped' : 'warroom.changes.shortlist_restored')
      case 'assessments':
        return t('warroom.changes.assessments', { from: c.from, to: c.to })
      case 'activity_added':
      case 'activity_removed':
      case 'activity_changed':
        return t(`warroom.changes.${c.kind}`, { activity: activityLabel(c.activity, activities) })
      case 'other':
        return t('warroom.changes.other', { field: c.field })
      default:
        return String((c as { kind?: unknown }).kind ?? '?')
    }
  }

  return { change }
}
