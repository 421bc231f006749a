import type { Cause, Flag, Reason, RegistrationState, Role } from '../ipc/client'
/**
 * The words for what the core judges about a deal: win-rate reasons, red
 * flags and the causes of a move on the probability curve, in the current
 * language. The core sends keys and ids only ("The UI words them"); every
 * sentence the user reads about a deal's health is built here, so the deal
 * list, the explanation popover and the drawer say the same thing.
 *
 * Ids the user typed (people, competitors, checklist items, event
 * descriptions) are passed to vue-i18n as values and rendered with `{{ }}`,
 * so they always stay text.
 */
import { useI18n } from 'vue-i18n'
import { formatCalendarDate, formatPercent, formatScore } from '../modules/format'
import { useAppLocale } from '../modules/i18n'

/** Party key of "us" in strengths and scores. */
export const US = 'us'
/** Party key of the competitor assumed when none is recorded. */
export const UNKNOWN_COMPETITOR = 'unknown'

/** How to show the ids a flag or cause carries; each falls back to the id itself. */
export interface HealthTextContext {
  person?: (id: string) => string | undefined
  competitor?: (id: string) => string | undefined
  stage?: (key: string) => string | undefined
}

/** A flag as one line, plus the items it lists (exit-checklist items), shown apart. */
export interface FlagText {
  text: string
  items: string[]
}

export function useHealthText(context: HealthTextContext = {}) {
  const { t } = useI18n()
  const { locale } = useAppLocale()

  const percent = (rate: number | null) => formatPercent(rate, locale.value)
  const score = (value: number | null) => formatScore(value, locale.value)
  const date = (value: string | null) => (value ? formatCalendarDate(value, locale.value) : t('common.empty'))

  function reason(key: Reason): string {
    return t(`winRate.reasons.${key}`)
  }

  /** All reasons of a rate on one line (tooltips, the "—" cell). */
  function reasons(keys: readonly Reason[]): string {
    return keys.map(reason).join(t('common.listSeparator'))
  }

  function person(id: string): string {
    return context.person?.(id) || id
  }

  /**
   * A party of the comparison: us, the competitor assumed when none is
   * recorded (only when that is why it is there), or a competitor by name,
   * else by id.
   */
  function party(id: string, assumedUnknown = false): string {
    if (id === US)
      return t('party.us')
    if (id === UNKNOWN_COMPETITOR && assumedUnknown)
      return t('party.unknown')
    return context.competitor?.(id) || id
  }

  function role(key: Role): string {
    return t(`role.${key}`)
  }

  function registration(state: RegistrationState | null): string {
    return t(`registration.${state ?? 'missing'}`)
  }

  function flag(item: Flag): FlagText {
    switch (item.flag) {
      case 'no_compelling_event':
      case 'no_inside_source':
      case 'not_in_top_three':
        return { text: t(`flags.${item.flag}`), items: [] }
      case 'win_rate_fell':
        return { text: t('flags.win_rate_fell', { from: percent(item.from), to: percent(item.to) }), items: [] }
      case 'key_person_negative':
      case 'key_person_no_interaction':
        return { text: t(`flags.${item.flag}`, { role: role(item.role), person: person(item.person) }), items: [] }
      case 'no_recent_activity':
      case 'stale_questionnaire':
        return item.last
          ? { text: t(`flags.${item.flag}`, { date: date(item.last) }), items: [] }
          : { text: t(`flags.${item.flag}_never`), items: [] }
      case 'checklist_incomplete':
        return {
          text: t('flags.checklist_incomplete', {
            stage: context.stage?.(item.stage) || item.stage,
            n: item.missing.length,
          }),
          items: [...item.missing],
        }
      case 'registration_not_active':
        return { text: t('flags.registration_not_active', { state: registration(item.state) }), items: [] }
      default:
        return { text: unknownKey(item), items: [] }
    }
  }

  /** A flag on one line, its items included (tooltips). */
  function flagLine(item: Flag): string {
    const { text, items } = flag(item)
    return items.length ? `${text}${t('common.colon')}${items.join(t('common.listSeparator'))}` : text
  }

  function cause(item: Cause): string {
    switch (item.cause) {
      case 'score_changed':
        return t('causes.score_changed', {
          party: party(item.party),
          fitFrom: score(item.fit[0]),
          fitTo: score(item.fit[1]),
          closenessFrom: score(item.closeness[0]),
          closenessTo: score(item.closeness[1]),
        })
      case 'party_scored':
      case 'party_no_longer_scored':
        return t(`causes.${item.cause}`, { party: party(item.party) })
      case 'inside_source_gained':
      case 'inside_source_lost':
        return t(`causes.${item.cause}`, { person: person(item.person) })
      case 'inside_source_changed':
        return t('causes.inside_source_changed', { from: person(item.from), to: person(item.to) })
      case 'compelling_event_confirmed':
      case 'compelling_event_withdrawn':
        return t(`causes.${item.cause}`, { description: item.description })
      case 'competitor_added':
      case 'competitor_removed':
        return t(`causes.${item.cause}`, { competitor: party(item.competitor) })
      case 'shortlist_changed':
        return t(item.not_shortlisted ? 'causes.shortlist_dropped' : 'causes.shortlist_restored')
      case 'weights_changed':
      case 'first_assessment':
        return t(`causes.${item.cause}`)
      default:
        return unknownKey(item)
    }
  }

  return { percent, score, date, reason, reasons, person, party, role, flag, flagLine, cause }
}

// A new variant from the core fails the type check here; at run time (a newer
// core than this UI) its key is shown rather than nothing.
function unknownKey(value: never): string {
  const item = value as { flag?: unknown, cause?: unknown }
  return String(item.flag ?? item.cause ?? '?')
}
