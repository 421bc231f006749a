/**
 * A small deal for the war room tests: 华信银行's core banking deal with two
 * competitors, a negative decision maker, an approver nobody has met, one
 * confirmed and one unconfirmed compelling event, two assessments and a
 * coaching session with an overdue action item.
 */
import type { CurvePoint, Deal, DealSummary, DealView, Judgement, PersonSummary, Profile, ScenarioView, Settings } from '../src/ipc/client'

export const settings: Settings = {
  stages: [
    { key: 'validate', name: '验证商机', name_en: 'Validate', exit_checklist: ['确认为真实商机'], approvals: [] },
    { key: 'initiate', name: '商机立项', name_en: 'Initiate', exit_checklist: ['立项评审通过'], approvals: ['立项评审'] },
    { key: 'value', name: '价值呈现', name_en: 'Value presentation', exit_checklist: ['客户开始编写招标文件', '价值主张已确定'], approvals: [] },
    { key: 'bidding', name: '组织投标', name_en: 'Bidding', exit_checklist: [], approvals: [] },
  ],
  departments: ['销售部', '售前解决方案部'],
  team_roles: ['销售负责人', '售前/方案'],
  tactics: [
    { strategy: 'frontal', text: '高层拜访，强化决策者信心' },
    { strategy: 'flanking', text: '引入新的评估标准，改变竞争规则' },
  ],
  positions: [],
}

export const people: PersonSummary[] = [
  { id: 'p-gu', name: '顾振华', title: '董事长', department: '董事会', manager: null, manager_name: null, attitude: 'neutral', orientation: 'balanced', influence: 'high' },
  { id: 'p-wang', name: '王建国', title: '副行长', department: '行领导', manager: 'p-gu', manager_name: '顾振华', attitude: 'negative', orientation: 'pragmatic', influence: 'high' },
  { id: 'p-zheng', name: '郑晓燕', title: '架构处处长', department: '信息科技部', manager: 'p-wang', manager_name: '王建国', attitude: 'strong_positive', orientation: 'professional', influence: 'medium' },
  { id: 'p-li', name: '李海峰', title: '信息科技部总经理', department: '信息科技部', manager: 'p-wang', manager_name: '王建国', attitude: 'positive', orientation: 'professional', influence: 'high' },
]

export const deal: Deal = {
  id: 'deal-core',
  account: 'acc-hx',
  name: '核心系统升级',
  amount: 1_200_000,
  currency: 'CNY',
  stage: 'value',
  status: 'open',
  expected_close: '2026-12-31',
  grade_override: null,
  override_reason: '',
  partner_led: false,
  partner_registration: null,
  participants: [
    { person: 'p-gu', role: 'approver', attitude: 'unknown', relationship_strategy: null },
    { person: 'p-wang', role: 'decision_maker', attitude: 'negative', relationship_strategy: 'defend' },
    { person: 'p-zheng', role: 'evaluator', attitude: 'strong_positive', relationship_strategy: null },
  ],
  decision_links: [{ from: 'p-zheng', to: 'p-wang', label: '推荐' }],
  compelling_events: [
    { description: '董事会已批准预算', kind: 'budget', confirmed: true, assessed_on: '2026-10-10', evidence: '董事会决议' },
    { description: '监管要求 <b>2027</b> 年底完成', kind: 'regulation', confirmed: false, assessed_on: '2026-11-01', evidence: '' },
  ],
  competitors: ['k-yunqing', 'k-shuheng'],
  not_shortlisted: false,
  assessments: [
    { date: '2026-10-20', inside_source: null, participants: ['陈晓东'], scores: [{ party: 'us', fit: 6, closeness: 5 }, { party: 'k-yunqing', fit: 7, closeness: 6 }] },
    { date: '2026-11-20', inside_source: 'p-zheng', participants: ['陈晓东', '周立群'], scores: [{ party: 'us', fit: 8, closeness: 7 }, { party: 'k-yunqing', fit: 8, closeness: 7 }, { party: 'k-shuheng', fit: 6, closeness: 7 }] },
  ],
  quotes: [{ party: 'k-yunqing', date: '2026-10-25', amount: 1_000_000, note: '含云资源' }],
  strategy: 'flanking',
  tactics: ['引入新的评估标准，改变竞争规则'],
  value_proposition: { solution: '分布式核心', business_value: '上市周期缩短', comparison: [{ aspect: 'solution', party: 'us', note: '双核并行' }] },
  team: [{ colleague: '陈晓东', department: '销售部', role: '销售负责人' }],
  coaching: [{
    date: '2026-11-09',
    coach: '周立群',
    notes: '王建国仍是负向决策者',
    actions: [
      { text: '安排董事长拜访', owner: '陈晓东', due: '2026-11-01', done: false },
      { text: '完成TCO测算', owner: '孙嘉怡', due: '2026-11-05', done: true },
      { text: '组织专题研讨', owner: '郑凯', due: '2099-12-04', done: false },
    ],
    elements: ['relationship_map', 'value_proposition'],
  }],
  sales_mode: 'direct',
  resource_requests: [],
  checklist: [{ stage: 'value', item: '价值主张已确定' }],
}

export const judgement: Judgement = {
  win_rate: {
    deal: 'deal-core',
    as_of: '2026-11-27',
    formula_version: 1,
    rate: 34.8,
    raw: 34.8,
    strengths: { 'us': 7.5, 'k-yunqing': 7.5, 'k-shuheng': 6.5 },
    top_two: ['k-yunqing', 'k-shuheng'],
    unknown: [],
    assessment_date: '2026-11-20',
    reasons: [],
  },
  flags: [
    { flag: 'key_person_no_interaction', person: 'p-gu', role: 'approver' },
    { flag: 'key_person_negative', person: 'p-wang', role: 'decision_maker' },
    { flag: 'checklist_incomplete', stage: 'value', missing: ['客户开始编写招标文件'] },
  ],
  assessment_in_force: 1,
  overdue_actions: [{ session: 0, action: 0 }],
  checklist: {
    deal: 'deal-core',
    stage: 'value',
    stage_name: '价值呈现',
    items: [{ item: '客户开始编写招标文件', done: false }, { item: '价值主张已确定', done: true }],
    complete: false,
  },
}

export const view: DealView = {
  deal,
  activities: [
    { id: 'a-1', date: '2026-11-18', type: 'visit', status: 'done', deal: 'deal-core', people: ['p-wang'], summary: '拜访王副行长', addresses: '防守', our_people: ['陈晓东'], outcome: '态度未变' },
    { id: 'a-2', date: '2026-12-02', type: 'meeting', status: 'planned', deal: 'deal-core', people: ['p-gu'], summary: '拜访董事长', addresses: '', our_people: [], outcome: '' },
  ],
  judgement,
}

export const summary: DealSummary = {
  id: 'deal-core',
  account: 'acc-hx',
  account_name: '华信银行',
  name: '核心系统升级',
  amount: 1_200_000,
  currency: 'CNY',
  stage: 'value',
  stage_name: '价值呈现',
  stage_name_en: 'Value presentation',
  stage_index: 3,
  status: 'open',
  grade: 'B',
  process: 'full',
  expected_close: '2026-12-31',
}

export function profile(person: string, interaction: 'none' | 'occasional' | 'frequent' | 'deep' = 'none'): Profile {
  const p = people.find(x => x.id === person)!
  const part = deal.participants!.find(x => x.person === person)!
  return {
    person,
    name: p.name,
    title: p.title,
    department: p.department,
    notes: '',
    email: '',
    phone: '',
    account: 'acc-hx',
    account_name: '华信银行',
    as_of: '2026-11-27',
    account_level: {
      orientation: p.orientation,
      attitude: p.attitude,
      influence: p.influence,
      interaction: { level: interaction, activities: [] },
      circles: [],
      leans_to: person === 'p-wang' ? { id: 'k-shuheng', name: '数衡软件' } : null,
    },
    deal_level: {
      deal: 'deal-core',
      deal_name: '核心系统升级',
      role: part.role ?? 'unknown',
      attitude: part.attitude ?? 'unknown',
      interaction: { level: interaction, activities: interaction === 'none' ? [] : ['a-1'] },
      suggested_strategy: part.attitude === 'negative' ? 'defend' : part.attitude === 'strong_positive' ? 'motivate' : null,
      chosen_strategy: part.relationship_strategy ?? null,
      inside_source: person === 'p-zheng',
      assessment_date: '2026-11-20',
    },
  }
}

export const curve: CurvePoint[] = [
  { week: '2026-W46', as_of: '2026-11-15', rate: 30, change: null, reasons: [], causes: [{ cause: 'first_assessment' }] },
  { week: '2026-W47', as_of: '2026-11-22', rate: 34.8, change: 4.8, reasons: [], causes: [{ cause: 'inside_source_gained', person: 'p-zheng' }] },
]

/** The scenario "王建国转为中立": the flag on him cleared, our closeness up. */
export function scenarioView(id = 'sc-1', name = '王建国转为中立'): ScenarioView {
  const scenarioDeal: Deal = JSON.parse(JSON.stringify(deal))
  scenarioDeal.participants![1]!.attitude = 'neutral'
  scenarioDeal.assessments![1]!.scores![0]!.closeness = 9
  return {
    scenario: { id, name, created_on: '2026-11-27', deal: scenarioDeal, activities: view.activities },
    real: judgement,
    projected: {
      win_rate: { ...judgement.win_rate, rate: 38.1, raw: 38.1, strengths: { ...judgement.win_rate.strengths, us: 8.5 } },
      flags: judgement.flags.filter(f => f.flag !== 'key_person_negative'),
      assessment_in_force: 1,
      overdue_actions: [{ session: 0, action: 0 }],
      checklist: judgement.checklist,
    },
    delta: 3.3,
    changes: [
      { kind: 'participant', person: 'p-wang', field: 'attitude', from: 'negative', to: 'neutral' },
      { kind: 'score', party: 'us', field: 'closeness', from: 7, to: 9 },
    ],
  }
}
