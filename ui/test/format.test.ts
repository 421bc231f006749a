// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { formatAmount, formatCalendarDate, formatPercent, formatPoints, formatScore, stageName } from '../src/modules/format'

describe('formatAmount', () => {
  it.each([
    [1_200_000, 'CNY', 'zh-CN', '¥1,200,000'],
    [1_200_000, 'CNY', 'en', 'CN¥1,200,000'],
    [250_000.5, 'USD', 'en', '$250,000.50'],
    [250_000.5, 'USD', 'zh-CN', 'US$250,000.50'],
    [88_000, 'eur', 'en', '€88,000'],
    [0, 'CNY', 'zh-CN', '¥0'],
  ] as const)('%d %s in %s → %s', (amount, currency, locale, expected) => {
    expect(formatAmount(amount, currency, locale)).toBe(expected)
  })

  it('still shows the grouped number for a currency code that is not ISO 4217', () => {
    expect(formatAmount(1_000_000, 'RMB元', 'zh-CN')).toBe('1,000,000 RMB元')
  })
})

describe('formatCalendarDate', () => {
  it('formats an ISO date for each language without shifting the day', () => {
    expect(formatCalendarDate('2026-01-01', 'zh-CN')).toBe('2026年1月1日')
    expect(formatCalendarDate('2026-01-01', 'en')).toBe('Jan 1, 2026')
  })

  it('shows anything that is not a real calendar date as given', () => {
    expect(formatCalendarDate('2026-02-31', 'en')).toBe('2026-02-31')
    expect(formatCalendarDate('next spring', 'en')).toBe('next spring')
  })
})

describe('formatPercent', () => {
  it.each([
    [36.4, '36.4%'],
    [50, '50.0%'],
    [0, '0.0%'],
    [100, '100.0%'],
    [null, '—'],
  ] as const)('%s → %s', (rate, expected) => {
    expect(formatPercent(rate, 'zh-CN')).toBe(expected)
    expect(formatPercent(rate, 'en')).toBe(expected)
  })
})

describe('formatPoints', () => {
  it.each([
    [5, '+5.0'],
    [-12.3, '\u221212.3'],
    [0, '±0.0'],
    [null, '—'],
  ] as const)('%s → %s', (change, expected) => {
    expect(formatPoints(change, 'en')).toBe(expected)
  })
})

describe('formatScore', () => {
  it('shows up to two decimals, no trailing zeros', () => {
    expect(formatScore(6, 'en')).toBe('6')
    expect(formatScore(5.55, 'zh-CN')).toBe('5.55')
    expect(formatScore(5.6000000001, 'en')).toBe('5.6')
    expect(formatScore(null, 'en')).toBe('—')
  })
})

describe('stageName', () => {
  const stage = { stage: 'bidding', stage_name: '组织投标', stage_name_en: 'Bidding' }
  it('uses the name of the interface language, then the other, then the key', () => {
    expect(stageName(stage, 'zh-CN')).toBe('组织投标')
    expect(stageName(stage, 'en')).toBe('Bidding')
    expect(stageName({ ...stage, stage_name_en: '' }, 'en')).toBe('组织投标')
    expect(stageName({ ...stage, stage_name: '' }, 'zh-CN')).toBe('Bidding')
    expect(stageName({ ...stage, stage_name: '', stage_name_en: '' }, 'en')).toBe('bidding')
  })
})
