import type { AccountSummary, CurvePoint, DealHealth, DealSummary, WinRate } from '../src/ipc/client'

export const accounts: AccountSummary[] = [
  { id: 'acc-hx', name: '华信银行', industry: '金融', region: '华东', people: 12, open_deals: 2 },
  { id: 'acc-nm', name: 'Northwind Metals', industry: 'Manufacturing', region: 'EMEA', people: 1, open_deals: 0 },
  { id: 'acc-evil', name: '<script>alert(1)</script>', industry: '<b>x</b>', region: '', people: 0, open_deals: 1 },
]

function deal(partial: Partial<DealSummary> & Pick<DealSummary, 'id' | 'account' | 'account_name' | 'name'>): DealSummary {
  return {
    amount: 1_000_000,
    currency: 'CNY',
    stage: 'needs_analysis',
    stage_name: '需求分析',
    stage_name_en: 'Needs analysis',
    stage_index: 3,
    status: 'open',
    grade: 'B',
    process: 'full',
    expected_close: null,
    ...partial,
  }
}

export const deals: DealSummary[] = [
  deal({
    id: 'deal-core',
    account: 'acc-hx',
    account_name: '华信银行',
    name: '核心系统升级',
    amount: 1_200_000,
    grade: 'A',
    process: 'full',
    stage: 'value',
    stage_name: '价值呈现',
    stage_name_en: 'Value presentation',
    stage_index: 4,
    expected_close: '2026-12-31',
  }),
  deal({
    id: 'deal-crm',
    account: 'acc-hx',
    account_name: '华信银行',
    name: 'CRM 扩容',
    amount: 250_000.5,
    currency: 'USD',
    grade: 'C',
    process: 'fast_track',
    status: 'won',
  }),
  deal({
    id: 'deal-nm',
    account: 'acc-nm',
    account_name: 'Northwind Metals',
    name: 'Smelter MES',
    status: 'lost',
    grade: 'E',
    process: 'partner_registration',
    stage: 'bidding',
    stage_name: '组织投标',
    stage_name_en: '',
  }),
  deal({
    id: 'deal-evil',
    account: 'acc-evil',
    account_name: '<script>alert(1)</script>',
    name: '<b>x</b>',
    status: 'abandoned',
    grade: 'D',
    process: 'fast_track',
  }),
]

function winRate(partial: Partial<WinRate> & Pick<WinRate, 'deal'>): WinRate {
  return {
    as_of: '2026-11-02',
    formula_version: 1,
    rate: null,
    raw: null,
    strengths: {},
    top_two: [],
    unknown: [],
    assessment_date: null,
    reasons: [],
    ...partial,
  }
}

/**
 * deal-core: us 5 against k-yunqing 6.5 and k-shuheng 6 (k-beichen scored but
 * not counted), no inside source: raw 28.6%, × 0.7 → 20.0%; five flags.
 * deal-crm: no compelling event, so no rate ("—"), with an unscored competitor.
 * deal-nm: no competitor recorded, coin flip, rate 50.0%, no flags.
 * deal-evil: markup in a person id and a checklist item.
 */
export const health: DealHealth[] = [
  {
    deal: 'deal-core',
    win_rate: winRate({
      deal: 'deal-core',
      rate: 20,
      raw: 28.6,
      strengths: { 'us': 5, 'k-yunqing': 6.5, 'k-shuheng': 6, 'k-beichen': 4.5 },
      top_two: ['k-yunqing', 'k-shuheng'],
      assessment_date: '2026-10-20',
      reasons: ['no_inside_source'],
    }),
    flags: [
      { flag: 'no_inside_source' },
      { flag: 'win_rate_fell', from: 35, to: 20 },
      { flag: 'key_person_negative', person: 'p-bank-001', role: 'decision_maker' },
      { flag: 'stale_questionnaire', last: '2026-10-20' },
      { flag: 'checklist_incomplete', stage: 'value', missing: ['价值主张已确定', '竞争策略已确定'] },
    ],
  },
  {
    deal: 'deal-crm',
    win_rate: winRate({
      deal: 'deal-crm',
      rate: null,
      raw: 50,
      strengths: { 'us': 6, 'k-zhilian': 6 },
      top_two: ['k-zhilian'],
      unknown: ['k-zhilian'],
      assessment_date: '2026-10-28',
      reasons: ['no_compelling_event', 'unscored_competitors'],
    }),
    flags: [{ flag: 'no_compelling_event' }],
  },
  {
    deal: 'deal-nm',
    win_rate: winRate({
      deal: 'deal-nm',
      rate: 50,
      raw: 50,
      strengths: { us: 7, unknown: 7 },
      top_two: ['unknown'],
      unknown: ['unknown'],
      assessment_date: '2026-10-30',
      reasons: ['no_competitor_recorded'],
    }),
    flags: [],
  },
  {
    deal: 'deal-evil',
    win_rate: winRate({ deal: 'deal-evil', reasons: ['no_compelling_event', 'no_assessment', 'not_shortlisted'] }),
    flags: [
      { flag: 'key_person_no_interaction', person: '<img src=x onerror=alert(1)>', role: 'approver' },
      { flag: 'checklist_incomplete', stage: 'needs_analysis', missing: ['<i>签字</i>'] },
      { flag: 'no_recent_activity', last: null },
      { flag: 'registration_not_active', state: 'expired' },
    ],
  },
]

/** Three weeks of deal-core: first assessment, a rise, then a fall of 15 points. */
export const coreCurve: CurvePoint[] = [
  {
    week: '2026-W42',
    as_of: '2026-10-18',
    rate: null,
    change: null,
    reasons: ['no_compelling_event', 'no_inside_source'],
    causes: [],
  },
  {
    week: '2026-W43',
    as_of: '2026-10-25',
    rate: 35,
    change: null,
    reasons: [],
    causes: [
      { cause: 'compelling_event_confirmed', description: '董事会已批准预算 <b>2026</b>' },
      { cause: 'inside_source_gained', person: 'p-bank-001' },
    ],
  },
  {
    week: '2026-W44',
    as_of: '2026-11-01',
    rate: 20,
    change: -15,
    reasons: ['no_inside_source'],
    causes: [
      { cause: 'score_changed', party: 'k-yunqing', fit: [5, 7], closeness: [5, 6] },
      { cause: 'inside_source_lost', person: 'p-bank-001' },
      { cause: 'competitor_added', competitor: 'k-beichen' },
    ],
  },
]
