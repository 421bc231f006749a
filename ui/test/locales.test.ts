// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { ERROR_CODES } from '../src/ipc/client'
import { messages } from '../src/locales'

interface Messages { [key: string]: string | Messages }

function flatten(messages: Messages, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') {
      out.set(path, value)
    }
    else {
      for (const [k, v] of flatten(value, path)) out.set(k, v)
    }
  }
  return out
}

const locales = { 'zh-CN': flatten(messages['zh-CN']), 'en': flatten(messages.en) }

function placeholders(message: string): string[] {
  return [...new Set([...message.matchAll(/\{(\w+)\}/g)].map(m => m[1]!))].sort()
}

describe('locale files', () => {
  it('have exactly the same key set', () => {
    const zhKeys = [...locales['zh-CN'].keys()].sort()
    const enKeys = [...locales.en.keys()].sort()
    expect(enKeys).toEqual(zhKeys)
    expect(zhKeys.length).toBeGreaterThan(20)
  })

  it('have no empty message', () => {
    for (const [name, messages] of Object.entries(locales)) {
      for (const [key, value] of messages)
        expect(value.trim(), `${name} ${key}`).not.toBe('')
    }
  })

  it('use the same placeholders for each key', () => {
    for (const [key, zh] of locales['zh-CN'])
      expect(placeholders(locales.en.get(key) ?? ''), key).toEqual(placeholders(zh))
  })

  it('translate every error code the core sends, plus a fallback with the raw message', () => {
    for (const messages of Object.values(locales)) {
      for (const code of ERROR_CODES)
        expect(messages.has(`errors.${code}`), code).toBe(true)
      expect(messages.get('errors.generic')).toContain('{message}')
    }
  })

  it('translate every deal status and grade', () => {
    for (const messages of Object.values(locales)) {
      for (const status of ['open', 'won', 'lost', 'abandoned'])
        expect(messages.has(`status.${status}`), status).toBe(true)
      for (const grade of ['A', 'B', 'C', 'D', 'E'])
        expect(messages.has(`grade.${grade}`), grade).toBe(true)
    }
  })

  it('use the TAS+ Chinese vocabulary in zh-CN', () => {
    const zh = locales['zh-CN']
    expect(zh.get('accounts.title')).toBe('客户')
    expect(zh.get('deals.title')).toBe('商机')
    expect(zh.get('deals.columns.stage')).toBe('商机阶段')
    expect(zh.get('status.open')).toBe('进行中')
    expect(zh.get('status.won')).toBe('赢单')
    expect(zh.get('status.lost')).toBe('丢单')
    expect(zh.get('status.abandoned')).toBe('放弃')
  })

  it('use the TAS+ Chinese terms for win rate, red flags and the curve', () => {
    const zh = locales['zh-CN']
    expect(zh.get('deals.columns.winRate')).toBe('赢单率')
    expect(zh.get('deals.columns.flags')).toBe('风险')
    expect(zh.get('curve.title')).toBe('概率曲线')
    expect(zh.get('winRate.method')).toBe('竞争对手对比法')
    expect(zh.get('winRate.formula')).toBe('S = w_fit·需求满足度 + w_rel·关系紧密度')
    expect(zh.get('winRate.reasons.no_compelling_event')).toContain('必要条件')
    expect(zh.get('winRate.reasons.no_inside_source')).toContain('内部消息来源')
  })

  it('word every win-rate reason, red flag, curve cause, role and registration state', () => {
    const keys = [
      ...['no_compelling_event', 'no_assessment', 'no_competitor_recorded', 'unscored_competitors', 'no_inside_source', 'not_in_top_three', 'not_shortlisted']
        .map(k => `winRate.reasons.${k}`),
      ...['no_compelling_event', 'no_inside_source', 'not_in_top_three', 'win_rate_fell', 'key_person_negative', 'key_person_no_interaction', 'no_recent_activity', 'no_recent_activity_never', 'stale_questionnaire', 'stale_questionnaire_never', 'checklist_incomplete', 'registration_not_active']
        .map(k => `flags.${k}`),
      ...['score_changed', 'party_scored', 'party_no_longer_scored', 'inside_source_gained', 'inside_source_lost', 'inside_source_changed', 'compelling_event_confirmed', 'compelling_event_withdrawn', 'competitor_added', 'competitor_removed', 'shortlist_dropped', 'shortlist_restored', 'weights_changed', 'first_assessment']
        .map(k => `causes.${k}`),
      ...['approver', 'decision_maker', 'evaluator', 'user', 'unknown'].map(k => `role.${k}`),
      ...['active', 'expired', 'pending', 'rejected', 'missing'].map(k => `registration.${k}`),
    ]
    for (const messages of Object.values(locales)) {
      for (const key of keys)
        expect(messages.has(key), key).toBe(true)
    }
  })

  it('avoid characters vue-i18n would read as syntax in the health texts', () => {
    for (const messages of Object.values(locales)) {
      for (const [key, value] of messages) {
        if (/^(?:winRate|flags|causes|curve)\./.test(key))
          expect(value, key).not.toMatch(/[@|$]/)
      }
    }
  })

  it('use full-width punctuation next to Chinese text in zh-CN', () => {
    // 「金额（CNY）」, 「阶段：」, 「，」 — not the half-width , : ; ? ! ( ) of English.
    const cjk = '[\\u4e00-\\u9fff\\u3000-\\u303f\\uff00-\\uffef“”]'
    const halfWidth = new RegExp(`${cjk}[,;:?!()]|[,;:?!()]${cjk}|\\}[:,;]\\{`)
    const offending = [...locales['zh-CN']].filter(([, value]) => halfWidth.test(value))
    expect(offending).toEqual([])
  })
})
