/**
 * Locale-aware display of amounts and calendar dates. Formatters are cached:
 * building an `Intl` formatter is far more expensive than using one, and a deal
 * list formats every row.
 */
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
