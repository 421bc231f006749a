import type { Deal, DealView, Edit } from '../src/ipc/client'
import type { AppLocale } from '../src/modules/i18n'
import { flushPromises } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  applyEdit,
  dealCurve,
  dealHealth,
  dealView,
  IpcError,
  listAccounts,
  listCompetitors,
  listDeals,
  listPeople,
  markChecklist,
  missingForMove,
  moveDeal,
  personProfile,
  practiceAccounts,
  workspaceSettings,
} from '../src/ipc/client'
import DealWorkspaceView from '../src/views/deal/DealWorkspaceView.vue'
import { mountWithApp, texts, unmountAll } from './mount'
import { curve, deal, people, profile, settings, summary, view } from './warroomFixtures'

vi.mock('../src/ipc/client', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../src/ipc/client')>()
  return {
    ...actual,
    listAccounts: vi.fn(),
    listDeals: vi.fn(),
    dealHealth: vi.fn(),
    listCompetitors: vi.fn(),
    dealView: vi.fn(),
    workspaceSettings: vi.fn(),
    listPeople: vi.fn(),
    personProfile: vi.fn(),
    dealCurve: vi.fn(),
    applyEdit: vi.fn(),
    moveDeal: vi.fn(),
    missingForMove: vi.fn(),
    markChecklist: vi.fn(),
    practiceAccounts: vi.fn(),
  }
})

vi.mock('../src/components/ProbabilityCurveChart.vue', async () => {
  const { defineComponent, h } = await import('vue')
  return {
    __esModule: true,
    default: defineComponent({
      props: { points: { type: Array, required: true } },
      setup: props => () => h('div', { 'data-testid': 'curve-chart', 'data-n': (props.points as unknown[]).length }),
    }),
  }
})

let current: DealView
const inverse: Edit = { op: 'update_deal', deal, activities: null }

beforeEach(() => {
  current = JSON.parse(JSON.stringify(view))
  vi.mocked(listAccounts).mockResolvedValue([])
  vi.mocked(listDeals).mockResolvedValue([summary])
  vi.mocked(dealHealth).mockResolvedValue([])
  vi.mocked(listCompetitors).mockResolvedValue([{ id: 'k-yunqing', name: '云擎科技' }, { id: 'k-shuheng', name: '数衡软件' }, { id: 'k-beichen', name: '北辰信息' }])
  vi.mocked(dealView).mockImplementation(async () => JSON.parse(JSON.stringify(current)))
  vi.mocked(workspaceSettings).mockResolvedValue(settings)
  vi.mocked(listPeople).mockResolvedValue(people)
  vi.mocked(personProfile).mockImplementation(async person => profile(person))
  vi.mocked(dealCurve).mockResolvedValue(curve)
  vi.mocked(applyEdit).mockResolvedValue({ inverse, created: null })
  vi.mocked(practiceAccounts).mockResolvedValue([])
})

afterEach(() => {
  unmountAll()
  document.body.innerHTML = ''
})

async function open(locale: AppLocale = 'zh-CN') {
  const mounted = mountWithApp(DealWorkspaceView, locale, { id: 'deal-core' })
  await flushPromises()
  await flushPromises()
  return mounted
}

function lastDealSaved(): Deal {
  const edit = vi.mocked(applyEdit).mock.calls.at(-1)![0]
  expect(edit.op).toBe('update_deal')
  return (edit as Extract<Edit, { op: 'update_deal' }>).deal
}

describe('deal workspace', () => {
  it('shows the 13 TAS+ elements with the method\'s questions, and the core\'s win rate', async () => {
    const { wrapper } = await open()
    const sections = wrapper.findAll('section.element')
    expect(sections).toHaveLength(13)
    expect(texts(wrapper, 'workspace-title')).toEqual(['核心系统升级'])
    expect(wrapper.get('[data-testid="workspace-rate"]').text()).toBe('34.8%')
    expect(wrapper.get('[data-testid="workspace-flag-count"]').text()).toBe('3 个风险')
    expect(wrapper.get('[data-testid="element-compelling_event"]').text()).toContain('有没有证明客户一定会做这个项目的事实')
    expect(wrapper.get('[data-testid="element-questionnaire"]').text()).toContain('我们有内部消息来源吗')
    // Flags name people, not ids.
    expect(texts(wrapper, 'flag')).toContain('决策者 王建国 对我方态度负面')
    expect(wrapper.get('[data-testid="current-inside-source"]').text()).toContain('郑晓燕')
    expect(dealView).toHaveBeenCalledWith('deal-core')
    expect(personProfile).toHaveBeenCalledWith('p-wang', 'deal-core')
  })

  it('keeps what the user typed as text', async () => {
    const { wrapper } = await open()
    const events = texts(wrapper, 'event-description')
    expect(events).toContain('监管要求 <b>2027</b> 年底完成')
    expect(wrapper.find('[data-testid="compelling-events"] b').exists()).toBe(false)
  })

  it('confirms a compelling event by saving the whole deal, reloads it, and undoes it', async () => {
    const { wrapper } = await open()
    const rows = wrapper.findAll('[data-testid="event-row"]')
    expect(rows[1]!.attributes('data-confirmed')).toBe('false')
    current.deal.compelling_events![1]!.confirmed = true
    await rows[1]!.get('[data-testid="event-confirm"]').setValue(true)
    await flushPromises()
    const saved = lastDealSaved()
    expect(saved.compelling_events![1]!.confirmed).toBe(true)
    // Whole deal: the other elements go along unchanged.
    expect(saved.participants).toEqual(deal.participants)
    expect(saved.assessments).toEqual(deal.assessments)
    expect(dealView).toHaveBeenCalledTimes(2)
    expect(wrapper.findAll('[data-testid="event-row"]')[1]!.attributes('data-confirmed')).toBe('true')

    const undo = wrapper.get('[data-testid="undo"]')
    expect(undo.attributes('disabled')).toBeUndefined()
    expect(undo.attributes('title')).toBe('撤销：确认必要条件（Ctrl+Z）')
    await undo.trigger('click')
    await flushPromises()
    expect(vi.mocked(applyEdit).mock.calls.at(-1)![0]).toEqual(inverse)
    expect(wrapper.get('[data-testid="undo"]').attributes('disabled')).toBeDefined()
  })

  it('adds a compelling event from the form', async () => {
    const { wrapper } = await open()
    await wrapper.get('[data-testid="event-add"]').trigger('click')
    await wrapper.get('[data-testid="event-description-input"]').setValue('决策者定了上线时间')
    await wrapper.get('[data-testid="event-kind"]').setValue('deadline')
    await wrapper.get('[data-testid="event-confirmed-input"]').setValue(true)
    await wrapper.get('[data-testid="event-form"]').trigger('submit')
    await flushPromises()
    expect(lastDealSaved().compelling_events!.at(-1)).toMatchObject({ description: '决策者定了上线时间', kind: 'deadline', confirmed: true, evidence: '' })
  })

  it('shows a refused change with the core\'s problems', async () => {
    vi.mocked(applyEdit).mockRejectedValueOnce(new IpcError('invalid_file', 'refused', [
      { path: 'deals[0].assessments[2].scores[0].fit', message: '11 is out of range (must be 0–10)' },
    ]))
    const { wrapper } = await open()
    await wrapper.findAll('[data-testid="event-row"]')[1]!.get('[data-testid="event-confirm"]').setValue(true)
    await flushPromises()
    const banner = wrapper.get('[data-testid="error-banner"]')
    expect(banner.text()).toContain('文件无效或已损坏')
    expect(banner.get('[data-testid="error-problems"]').text()).toContain('deals[0].assessments[2].scores[0].fit 11 is out of range (must be 0–10)')
    expect(wrapper.get('[data-testid="undo"]').attributes('disabled')).toBeDefined()
  })

  it('records a dated assessment with an inside source and scores per party', async () => {
    const { wrapper } = await open()
    await wrapper.get('[data-testid="assessment-new"]').trigger('click')
    const form = wrapper.get('[data-testid="assessment-form"]')
    await form.get('[data-testid="inside-source"]').setValue('p-li')
    await form.get('[data-testid="assessment-participants"]').setValue('陈晓东、周立群')
    await form.get('[data-testid="score-us-fit"]').setValue('9')
    await form.get('[data-testid="score-us-closeness"]').setValue('8.5')
    await form.trigger('submit')
    await flushPromises()
    const added = lastDealSaved().assessments!.at(-1)!
    expect(added.inside_source).toBe('p-li')
    expect(added.participants).toEqual(['陈晓东', '周立群'])
    expect(added.scores).toEqual([
      { party: 'us', fit: 9, closeness: 8.5 },
      { party: 'k-yunqing', fit: 8, closeness: 7 },
      { party: 'k-shuheng', fit: 6, closeness: 7 },
    ])
    expect(lastDealSaved().assessments).toHaveLength(3)
  })

  it('changes a participant\'s attitude and shows the suggested and chosen relationship strategies', async () => {
    const { wrapper } = await open()
    const row = wrapper.get('[data-testid="participant-row"][data-person="p-wang"]')
    expect(row.get('[data-testid="participant-suggested"]').text()).toBe('防御')
    expect((row.get('[data-testid="participant-strategy"]').element as HTMLSelectElement).value).toBe('defend')
    expect(row.text()).toContain('倾向 数衡软件')
    await row.get('[data-testid="participant-attitude"]').setValue('neutral')
    await flushPromises()
    expect(lastDealSaved().participants!.find(p => p.person === 'p-wang')!.attitude).toBe('neutral')
  })

  it('logs a done activity and shows the interaction it raised', async () => {
    const { wrapper } = await open()
    await wrapper.get('[data-testid="activity-new"]').trigger('click')
    await wrapper.get('[data-testid="activity-person"][data-person="p-gu"]').setValue(true)
    await wrapper.get('[data-testid="activity-summary"]').setValue('拜访董事长')
    vi.mocked(personProfile).mockImplementation(async person => profile(person, person === 'p-gu' ? 'occasional' : 'none'))
    await wrapper.get('[data-testid="activity-form"]').trigger('submit')
    await flushPromises()
    const edit = vi.mocked(applyEdit).mock.calls.at(-1)![0] as Extract<Edit, { op: 'set_activity' }>
    expect(edit.op).toBe('set_activity')
    expect(edit.account).toBe('acc-hx')
    expect(edit.activity).toMatchObject({ status: 'done', type: 'visit', people: ['p-gu'], summary: '拜访董事长', deal: 'deal-core' })
    expect(edit.activity.id).toMatch(/^a-/)
    expect(texts(wrapper, 'interaction-move')).toEqual(['顾振华 的交互程度：未接触 → 偶尔接触'])
    expect(wrapper.get('[data-testid="participant-row"][data-person="p-gu"] [data-testid="participant-interaction"]').attributes('data-level')).toBe('occasional')
  })

  it('ticks exit-checklist items and shows a refused move with what is missing', async () => {
    vi.mocked(markChecklist).mockResolvedValue({ deal: 'deal-core', stage: 'value', stage_name: '价值呈现', items: [], complete: false })
    vi.mocked(moveDeal).mockRejectedValue(new IpcError('invalid_input', 'cannot move deal "deal-core":\n  - exit checklist of "价值呈现" (value): "客户开始编写招标文件" is not met'))
    vi.mocked(missingForMove).mockResolvedValue([{ kind: 'checklist_item', stage: 'value', stage_name: '价值呈现', item: '客户开始编写招标文件' }])
    const { wrapper } = await open()
    expect(wrapper.findAll('[data-testid="stage-step"]').map(s => s.attributes('aria-current'))).toEqual([undefined, undefined, 'step', undefined])
    await wrapper.get('[data-testid="checklist-item"][data-item="客户开始编写招标文件"]').setValue(true)
    await flushPromises()
    expect(markChecklist).toHaveBeenCalledWith('deal-core', 'value', '客户开始编写招标文件', true)

    await wrapper.get('[data-testid="stage-forward"]').trigger('click')
    await flushPromises()
    expect(moveDeal).toHaveBeenCalledWith('deal-core', 'bidding')
    expect(missingForMove).toHaveBeenCalledWith('deal-core', 'bidding')
    const refusal = wrapper.get('[data-testid="stage-refusal"]')
    expect(refusal.text()).toContain('无法移动到「组织投标」')
    expect(texts(wrapper, 'stage-refusal-item')).toEqual(['「价值呈现」的出口检查未满足：“客户开始编写招标文件”'])
    // The core's English text is never shown.
    expect(refusal.text()).not.toContain('is not met')
  })

  it('moves back through the gate and says where the deal went', async () => {
    vi.mocked(moveDeal).mockResolvedValue({ deal: 'deal-core', from: 'value', to: 'initiate', from_name: '价值呈现', to_name: '商机立项', grade: 'B', direction: 'backward', fast_track: false })
    const { wrapper } = await open()
    await wrapper.get('[data-testid="stage-back"]').trigger('click')
    await flushPromises()
    expect(moveDeal).toHaveBeenCalledWith('deal-core', 'initiate')
    expect(wrapper.get('[data-testid="stage-moved"]').text()).toBe('已移动到「商机立项」。')
  })

  it('picks tactics from the library and saves the grade override with its reason', async () => {
    const { wrapper } = await open()
    await wrapper.get('[data-testid="tactic-suggestion"]').trigger('click')
    await flushPromises()
    expect(lastDealSaved().tactics).toEqual(['引入新的评估标准，改变竞争规则', '高层拜访，强化决策者信心'])

    await wrapper.get('[data-testid="grade-override"]').setValue('A')
    expect(wrapper.get('[data-testid="grade-save"]').attributes('disabled')).toBeDefined()
    await wrapper.get('[data-testid="grade-reason"]').setValue('行业标杆客户')
    await wrapper.get('[data-testid="grade-save"]').trigger('click')
    await flushPromises()
    expect(lastDealSaved()).toMatchObject({ grade_override: 'A', override_reason: '行业标杆客户' })
  })

  it('speaks English', async () => {
    const { wrapper } = await open('en')
    expect(wrapper.get('[data-testid="element-compelling_event"] .element-title').text()).toBe('Compelling event')
    expect(wrapper.get('[data-testid="workspace-flag-count"]').text()).toBe('Red flags: 3')
    expect(texts(wrapper, 'flag')).toContain('王建国 (decision maker) is negative towards us')
    expect(wrapper.get('[data-testid="tab-scenarios"]').text()).toBe('Scenarios (sand table)')
  })
})

describe('a refused stage move', () => {
  const gateRefusal = new IpcError('invalid_input', 'cannot move deal "deal-core" from "价值呈现" (value) to "组织投标" (bidding):\n  - stage "<i>招标准备</i>" (tender) would be skipped')

  async function refuse(locale: AppLocale, missing: Awaited<ReturnType<typeof missingForMove>>, to = 'bidding') {
    vi.mocked(moveDeal).mockRejectedValue(gateRefusal)
    vi.mocked(missingForMove).mockResolvedValue(missing)
    const { wrapper } = await open(locale)
    await wrapper.get('[data-testid="stage-jump"]').setValue(to)
    await wrapper.get('[data-testid="stage-jump-go"]').trigger('click')
    await flushPromises()
    expect(moveDeal).toHaveBeenLastCalledWith('deal-core', to)
    expect(missingForMove).toHaveBeenLastCalledWith('deal-core', to)
    return wrapper
  }

  const gate: Awaited<ReturnType<typeof missingForMove>> = [
    { kind: 'skipped_stage', stage: 'tender', name: '<i>招标准备</i>' },
    { kind: 'checklist_item', stage: 'value', stage_name: '价值呈现', item: '客户<b>开始</b>编写招标文件' },
  ]

  it('lists what is missing in Chinese, stage names and items as text', async () => {
    const wrapper = await refuse('zh-CN', gate)
    const refusal = wrapper.get('[data-testid="stage-refusal"]')
    expect(refusal.attributes('data-stage')).toBe('bidding')
    expect(refusal.get('.refusal-title').text()).toBe('无法移动到「组织投标」')
    expect(texts(wrapper, 'stage-refusal-item')).toEqual([
      '不能跳过「<i>招标准备</i>」阶段。',
      '「价值呈现」的出口检查未满足：“客户<b>开始</b>编写招标文件”',
    ])
    expect(wrapper.findAll('[data-testid="stage-refusal-item"]').map(li => li.attributes('data-kind'))).toEqual(['skipped_stage', 'checklist_item'])
    expect(refusal.find('b').exists()).toBe(false)
    expect(refusal.find('i').exists()).toBe(false)
    expect(refusal.text()).not.toMatch(/skipped|cannot move/)
  })

  it('lists what is missing in English, with the template\'s English stage names', async () => {
    const wrapper = await refuse('en', gate)
    expect(wrapper.get('[data-testid="stage-refusal"] .refusal-title').text()).toBe('Cannot move to "Bidding"')
    expect(texts(wrapper, 'stage-refusal-item')).toEqual([
      'Stage "<i>招标准备</i>" would be skipped.',
      'Exit checklist of "Value presentation": "客户<b>开始</b>编写招标文件" is not met.',
    ])
  })

  it('names a closed deal\'s status and a partner registration\'s state and date in each language', async () => {
    const missing: Awaited<ReturnType<typeof missingForMove>> = [
      { kind: 'open_deal', status: 'abandoned' },
      { kind: 'partner_registration', state: 'expired', protection_until: '2026-06-30' },
      { kind: 'partner_registration', state: 'pending', protection_until: '2027-01-31' },
      { kind: 'partner_registration', state: null, protection_until: null },
      { kind: 'unknown_stage', stage: 'won' },
    ]
    const zh = await refuse('zh-CN', missing)
    expect(texts(zh, 'stage-refusal-item')).toEqual([
      '商机已关闭（放弃），已关闭的商机不能移动阶段。',
      '合作伙伴报备已过期（保护期至 2026年6月30日）：E 级商机须在报备已批准且仍在保护期内时才能推进。',
      '合作伙伴报备待审批：E 级商机须在报备已批准且仍在保护期内时才能推进。',
      'E 级（合作伙伴主导）商机还没有合作伙伴报备。',
      '「won」不是阶段模板中的阶段。',
    ])
    unmountAll()
    const en = await refuse('en', missing)
    expect(texts(en, 'stage-refusal-item')).toEqual([
      'The deal is closed (Abandoned); closed deals do not move.',
      'The partner registration expired (protection ended Jun 30, 2026); a partner-led (grade E) deal moves only under an approved, unexpired registration.',
      'The partner registration is pending; a partner-led (grade E) deal moves only under an approved, unexpired registration.',
      'Partner-led (grade E) deal without a partner registration.',
      '"won" is not a stage of the stage template.',
    ])
  })

  it('shows a refusal that is not the gate\'s by its translated error code, and can be dismissed', async () => {
    vi.mocked(moveDeal).mockRejectedValue(new IpcError('busy', 'database is locked'))
    vi.mocked(missingForMove).mockClear()
    const { wrapper } = await open('en')
    await wrapper.get('[data-testid="stage-forward"]').trigger('click')
    await flushPromises()
    expect(missingForMove).not.toHaveBeenCalled()
    expect(texts(wrapper, 'stage-refusal-item')).toEqual([])
    expect(wrapper.get('[data-testid="stage-refusal-error"]').text()).toMatch(/^The workspace is busy/)
    expect(wrapper.get('[data-testid="stage-refusal"]').text()).not.toContain('database is locked')
    await wrapper.get('[data-testid="stage-refusal"] button').trigger('click')
    expect(wrapper.find('[data-testid="stage-refusal"]').exists()).toBe(false)
  })
})
