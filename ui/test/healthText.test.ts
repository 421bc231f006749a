import type { HealthTextContext } from '../src/composables/useHealthText'
import type { Cause, Flag } from '../src/ipc/client'
import type { AppLocale } from '../src/modules/i18n'
import { afterEach, describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import { useHealthText } from '../src/composables/useHealthText'
import { mountWithApp } from './mount'

afterEach(() => {
  document.body.innerHTML = ''
})

/** The composable as a component sees it, in one language. */
function healthText(locale: AppLocale, context: HealthTextContext = {}) {
  let api: ReturnType<typeof useHealthText> | undefined
  const Harness = defineComponent({
    setup() {
      api = useHealthText(context)
      return () => h('div')
    },
  })
  mountWithApp(Harness, locale)
  if (!api)
    throw new Error('harness not set up')
  return api
}

type FlagKey = Flag['flag']
type CauseKey = Cause['cause']

// One example of every flag with its wording in both languages: a new Flag
// variant fails the type check here until it is worded.
const FLAGS: Record<FlagKey, { flag: Flag, zh: string, en: string, items?: string[] }> = {
  no_compelling_event: { flag: { flag: 'no_compelling_event' }, zh: '无已确认的必要条件', en: 'No confirmed compelling event' },
  no_inside_source: { flag: { flag: 'no_inside_source' }, zh: '无内部消息来源', en: 'No inside source' },
  not_in_top_three: { flag: { flag: 'not_in_top_three' }, zh: '未进入前三', en: 'Not in the top three' },
  win_rate_fell: {
    flag: { flag: 'win_rate_fell', from: 42.5, to: 28 },
    zh: '赢单率较上周下降 10 个百分点以上：42.5% → 28.0%',
    en: 'Win rate fell by 10 points or more since last week: 42.5% → 28.0%',
  },
  key_person_negative: {
    flag: { flag: 'key_person_negative', person: 'p-bank-001', role: 'approver' },
    zh: '批准者 p-bank-001 对我方态度负面',
    en: 'p-bank-001 (approver) is negative towards us',
  },
  key_person_no_interaction: {
    flag: { flag: 'key_person_no_interaction', person: 'p-bank-002', role: 'decision_maker' },
    zh: '决策者 p-bank-002 在本商机中尚无接触',
    en: 'No interaction with p-bank-002 (decision maker) on this deal',
  },
  no_recent_activity: {
    flag: { flag: 'no_recent_activity', last: '2026-10-01' },
    zh: '14 天内无活动（最近一次：2026年10月1日）',
    en: 'No activity in 14 days (last: Oct 1, 2026)',
  },
  stale_questionnaire: {
    flag: { flag: 'stale_questionnaire', last: '2026-09-30' },
    zh: '问卷超过 14 天未更新（最近一次：2026年9月30日）',
    en: 'Questionnaire older than 14 days (last: Sep 30, 2026)',
  },
  checklist_incomplete: {
    flag: { flag: 'checklist_incomplete', stage: 'needs_analysis', missing: ['价值主张已确定', '行动计划已确定'] },
    zh: '「needs_analysis」阶段出口检查未完成（2 项）',
    en: 'Exit checklist of "needs_analysis" incomplete (2 open)',
    items: ['价值主张已确定', '行动计划已确定'],
  },
  registration_not_active: {
    flag: { flag: 'registration_not_active', state: 'pending' },
    zh: '合作伙伴报备无效：待审批',
    en: 'Partner registration not active: pending',
  },
}

const CAUSES: Record<CauseKey, { cause: Cause, zh: string, en: string }> = {
  score_changed: {
    cause: { cause: 'score_changed', party: 'us', fit: [6, 7.5], closeness: [4, 4] },
    zh: '我方 评分变化：需求满足度 6 → 7.5，关系紧密度 4 → 4',
    en: 'Us rescored: need fit 6 → 7.5, closeness 4 → 4',
  },
  party_scored: { cause: { cause: 'party_scored', party: 'k-beichen' }, zh: 'k-beichen 首次评分', en: 'k-beichen scored for the first time' },
  party_no_longer_scored: {
    cause: { cause: 'party_no_longer_scored', party: 'k-beichen' },
    zh: 'k-beichen 不再评分',
    en: 'k-beichen no longer scored',
  },
  inside_source_gained: {
    cause: { cause: 'inside_source_gained', person: 'p-1' },
    zh: '获得内部消息来源：p-1',
    en: 'Inside source gained: p-1',
  },
  inside_source_lost: { cause: { cause: 'inside_source_lost', person: 'p-1' }, zh: '失去内部消息来源：p-1', en: 'Inside source lost: p-1' },
  inside_source_changed: {
    cause: { cause: 'inside_source_changed', from: 'p-1', to: 'p-2' },
    zh: '内部消息来源变更：p-1 → p-2',
    en: 'Inside source changed: p-1 → p-2',
  },
  compelling_event_confirmed: {
    cause: { cause: 'compelling_event_confirmed', description: '预算已批复' },
    zh: '必要条件已确认：预算已批复',
    en: 'Compelling event confirmed: 预算已批复',
  },
  compelling_event_withdrawn: {
    cause: { cause: 'compelling_event_withdrawn', description: 'Go-live by June' },
    zh: '必要条件不再确认：Go-live by June',
    en: 'Compelling event no longer confirmed: Go-live by June',
  },
  competitor_added: { cause: { cause: 'competitor_added', competitor: 'k-zhilian' }, zh: '新增竞争对手：k-zhilian', en: 'Competitor added: k-zhilian' },
  competitor_removed: {
    cause: { cause: 'competitor_removed', competitor: 'k-zhilian' },
    zh: '移除竞争对手：k-zhilian',
    en: 'Competitor removed: k-zhilian',
  },
  shortlist_changed: { cause: { cause: 'shortlist_changed', not_shortlisted: true }, zh: '被标记为未入围', en: 'Marked not shortlisted' },
  weights_changed: { cause: { cause: 'weights_changed' }, zh: '实力权重已调整', en: 'Strength weights changed' },
  first_assessment: { cause: { cause: 'first_assessment' }, zh: '首次问卷评估', en: 'First questionnaire assessment' },
}

describe('red flag wording', () => {
  it.each(Object.entries(FLAGS))('words %s in both languages, with its details', (_key, { flag, zh, en, items }) => {
    const zhText = healthText('zh-CN').flag(flag)
    expect(zhText.text).toBe(zh)
    expect(zhText.items).toEqual(items ?? [])
    expect(healthText('en').flag(flag).text).toBe(en)
  })

  it('words a flag with no date yet', () => {
    const zh = healthText('zh-CN')
    expect(zh.flag({ flag: 'no_recent_activity', last: null }).text).toBe('尚无已完成的活动')
    expect(zh.flag({ flag: 'stale_questionnaire', last: null }).text).toBe('尚未填写问卷')
    const en = healthText('en')
    expect(en.flag({ flag: 'no_recent_activity', last: null }).text).toBe('No activity done yet')
    expect(en.flag({ flag: 'stale_questionnaire', last: null }).text).toBe('No questionnaire filled in yet')
    expect(en.flag({ flag: 'registration_not_active', state: null }).text).toBe('Partner registration not active: not registered')
  })

  it('uses people and stage names when known, the id otherwise', () => {
    const zh = healthText('zh-CN', {
      person: id => (id === 'p-bank-001' ? '顾振华' : undefined),
      stage: key => (key === 'needs_analysis' ? '需求分析' : undefined),
    })
    expect(zh.flag({ flag: 'key_person_negative', person: 'p-bank-001', role: 'decision_maker' }).text)
      .toBe('决策者 顾振华 对我方态度负面')
    expect(zh.flag({ flag: 'key_person_negative', person: 'p-x', role: 'unknown' }).text).toBe('未知角色 p-x 对我方态度负面')
    expect(zh.flag({ flag: 'checklist_incomplete', stage: 'needs_analysis', missing: ['a'] }).text)
      .toBe('「需求分析」阶段出口检查未完成（1 项）')
  })

  it('puts a flag and its items on one line for tooltips', () => {
    const flag = FLAGS.checklist_incomplete.flag
    expect(healthText('zh-CN').flagLine(flag)).toBe('「needs_analysis」阶段出口检查未完成（2 项）：价值主张已确定、行动计划已确定')
    expect(healthText('en').flagLine(flag)).toBe('Exit checklist of "needs_analysis" incomplete (2 open): 价值主张已确定, 行动计划已确定')
  })
})

describe('curve cause wording', () => {
  it.each(Object.entries(CAUSES))('words %s in both languages', (_key, { cause, zh, en }) => {
    expect(healthText('zh-CN').cause(cause)).toBe(zh)
    expect(healthText('en').cause(cause)).toBe(en)
  })

  it('words a shortlist restored and a score missing on one side', () => {
    expect(healthText('zh-CN').cause({ cause: 'shortlist_changed', not_shortlisted: false })).toBe('重新入围')
    expect(healthText('en').cause({ cause: 'shortlist_changed', not_shortlisted: false })).toBe('Back on the shortlist')
    expect(healthText('en').cause({ cause: 'score_changed', party: 'k-1', fit: [null, 5], closeness: [3, null] }))
      .toBe('k-1 rescored: need fit — → 5, closeness 3 → —')
  })

  it('shows the key of a variant newer than this UI rather than nothing', () => {
    const zh = healthText('zh-CN')
    expect(zh.cause({ cause: 'quote_changed' } as unknown as Cause)).toBe('quote_changed')
    expect(zh.flag({ flag: 'budget_cut' } as unknown as Flag).text).toBe('budget_cut')
  })
})
