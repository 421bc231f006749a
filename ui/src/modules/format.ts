/**
 * Locale-aware display of amounts and calendar dates. Formatters are cached:
 * building an `Intl` formatter is far more expensive than using one, and a deal
 * list formats every row.
 */
import type { DealSummary } from '../ipc/client'
import type { AppLocale } from './i18n'

const amountFormats = new Map<string, Intl.NumberFormat>()

function amountFormat(locale: AppLocale, currency: string, whole: boolean): Intl.NumberFormat {
  const key = `${locale}|${currency}|${whole}`
  let format = amountFormats.get(key)
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      // Whole amounts (the usual case) without ",.00" noise; cents are never hidden.
      ...(whole ? { minimumFractionDigits: 0, maximumFractionDigits: 0 } : {}),
    })
    amountFormats.set(key, format)
  }
  return format
}

/** `1200000, "CNY"` → "¥1,200,000" in zh-CN, "CN¥1,200,000" in en. */
export function formatAmount(amount: number, currency: string, locale: AppLocale): string {
  try {
    return amountFormat(locale, currency.toUpperCase(), Number.isInteger(amount)).format(amount)
  }
  catch {
    // Not an ISO 4217 code: still show the number, grouped, with the code as typed.
    return `${new Intl.NumberFormat(locale).format(amount)} ${currency}`
  }
}

const dateFormats = new Map<AppLocale, Intl.DateTimeFormat>()

/**
 * `"2026-12-31"` → "2026年12月31日" / "Dec 31, 2026". A calendar date has no
 * time zone, so it is read and printed as UTC to keep the day from shifting.
 */
export function formatCalendarDate(isoDate: string, locale: AppLocale): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate)
  if (!match)
    return isoDate
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  // Date.UTC rolls "2026-02-31" over into March; show such a value as typed.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return isoDate
  let format = dateFormats.get(locale)
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' })
    dateFormats.set(locale, format)
  }
  return format.format(date)
}

const decimalFormats = new Map<string, Intl.NumberFormat>()

function decimalFormat(locale: AppLocale, min: number, max: number): Intl.NumberFormat {
  const key = `${locale}|${min}|${max}`
  let format = decimalFormats.get(key)
  if (!format) {
    format = new Intl.NumberFormat(locale, { minimumFractionDigits: min, maximumFractionDigits: max })
    decimalFormats.set(key, format)
  }
  return format
}

/**
 * A win rate in percent, one decimal as the core rounds it: `36.4` → "36.4%".
 * `null` (no rate computed) → "—".
 */
export function formatPercent(rate: number | null, locale: AppLocale): string {
  return rate === null ? '—' : `${decimalFormat(locale, 1, 1).format(rate)}%`
}

/**
 * A change in percentage points, always signed, with a true minus sign:
 * `5` → "+5.0", `-12.3` → "−12.3", `0` → "±0.0". `null` → "—".
 */
export function formatPoints(change: number | null, locale: AppLocale): string {
  if (change === null)
    return '—'
  const size = decimalFormat(locale, 1, 1).format(Math.abs(change))
  if (Math.abs(change) < 0.05)
    return `±${decimalFormat(locale, 1, 1).format(0)}`
  return change > 0 ? `+${size}` : `\u2212${size}`
}

/** A questionnaire score or a strength S: at most two decimals, `6` → "6", `5.55` → "5.55". */
export function formatScore(value: number | null, locale: AppLocale): string {
  return value === null ? '—' : decimalFormat(locale, 0, 2).format(value)
}

/**
 * A deal's stage in the interface language. Stage names are user-editable per
 * workspace, so they come translated from the core; either name stands in for
 * a missing one, and the key for both.
 */
export function stageName(deal: Pick<DealSummary, 'stage' | 'stage_name' | 'stage_name_en'>, locale: AppLocale): string {
  const [preferred, other] = locale === 'zh-CN'
    ? [deal.stage_name, deal.stage_name_en]
    : [deal.stage_name_en, deal.stage_name]
  return preferred || other || deal.stage
}
