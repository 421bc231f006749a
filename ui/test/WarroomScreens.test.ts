import type { DealHealth, DealSummary, DealView, Edit, Forecast } from '../src/ipc/client'
import { flushPromises } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  accountMap,
  applyEdit,
  dealCurve,
  dealHealth,
  dealView,
  forecast,
  listAccounts,
  listCompetitors,
  listDeals,
  listPeople,
  personProfile,
  practiceAccounts,
  resetPractice,
  workspaceSettings,
} from '../src/ipc/client'
import { TAS_ELEMENTS } from '../src/modules/dealElements'
import CoachingBoardView from '../src/views/deal/CoachingBoardView.vue'
import DealBriefView from '../src/views/deal/DealBriefView.vue'
import PipelineView from '../src/views/deal/PipelineView.vue'
import PresenterView from '../src/views/deal/PresenterView.vue'
import HomeView from '../src/views/HomeView.vue'
import { mountWithApp, unmountAll } from './mount'
import { curve, deal, judgement, people, profile, settings, summary, view } from './warroomFixtures'

vi.mock('../src/ipc/client', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../src/ipc/client')>()
  const mocked = ['listAccounts', 'listDeals', 'dealHealth', 'listCompetitors', 'dealView', 'workspaceSettings', 'listPeople', 'personProfile', 'dealCurve', 'applyEdit', 'practiceAccounts', 'resetPractice', 'accountMap', 'forecast']
  return { ...actual, ...Object.fromEntries(mocked.map(name => [name, vi.fn()])) }
})

vi.mock('../src/components/ProbabilityCurveChart.vue', async () => {
  const { defineComponent, h } = await import('vue')
  return { __esModule: true, default: defineComponent({ props: { points: Array }, setup: () => () => h('div') }) }
})

vi.mock('../src/components/deal/PipelineFunnel.vue', async () => {
  const { defineComponent, h } = await import('vue')
  return {
    __esModule: true,
    default: defineComponent({
      props: { byStage: Array, stage: Function, money: Function },
      setup: props => () => h('div', { 'data-testid': 'pipeline-funnel', 'data-stages': (props.byStage as { key: string }[]).map(b => (props.stage as (k: string) => string)(b.key)).join(',') }),
    }),
  }
})

/** The presenter's decision map, empty: these tests look at the other elements. */
const emptyDecisionMap: Awaited<ReturnType<typeof accountMap>> = {
  layer: 'decision',
  mode: 'compact',
  account: 'acc-hx',
  account_name: '',
  deal: 'deal-core',
  deal_name: '',
  as_of: '',
  width: 200,
  height: 100,
  nodes: [],
  edges: [],
  groups: [],
  legend: [],
  hidden: 0,
}

function dealOf(id: string, grade: DealSummary['grade'], extra: Partial<DealSummary> = {}): DealSummary {
  return { ...summary, id, name: `商机 ${id}`, grade, ...extra }
}

const deals: DealSummary[] = [
  dealOf('d-c', 'C', { amount: 300_000, process: 'fast_track' }),
  dealOf('deal-core', 'B'),
  dealOf('d-a', 'A', { amount: 9_000_000 }),
  dealOf('d-won', 'A', { status: 'won' }),
  dealOf('d-e', 'E', { process: 'partner_registration' }),
]

const health: DealHealth[] = [
  { deal: 'deal-core', ...judgement },
  { deal: 'd-a', win_rate: { ...judgement.win_rate, deal: 'd-a', rate: 50 }, flags: [] },
  { deal: 'd-c', win_rate: { ...judgement.win_rate, deal: 'd-c', rate: null, reasons: ['no_compelling_event'] }, flags: [{ flag: 'no_compelling_event' }] },
]

beforeEach(() => {
  vi.mocked(listAccounts).mockResolvedValue([])
  vi.mocked(listDeals).mockResolvedValue(deals)
  vi.mocked(dealHealth).mockResolvedValue(health)
  vi.mocked(listCompetitors).mockResolvedValue([{ id: 'k-yunqing', name: '云擎科技' }, { id: 'k-shuheng', name: '数衡软件' }])
  vi.mocked(dealView).mockImplementation(async (id): Promise<DealView> => (id === 'deal-core' ? view : { ...view, deal: { ...deal, id, coaching: [] } }))
  vi.mocked(workspaceSettings).mockResolvedValue(settings)
  vi.mocked(listPeople).mockResolvedValue(people)
  vi.mocked(personProfile).mockImplementation(async person => profile(person))
  vi.mocked(dealCurve).mockImplementation(async id => (id === 'deal-core' ? curve : []))
  vi.mocked(practiceAccounts).mockResolvedValue(['acc-hx'])
  vi.mocked(applyEdit).mockResolvedValue({ inverse: { op: 'batch', edits: [] }, created: null })
})

afterEach(() => {
  unmountAll()
  document.body.innerHTML = ''
})

describe('coaching board', () => {
  it('lists the open deals, A/B first, with rate, weekly change, flags and overdue action items', async () => {
    const { wrapper } = mountWithApp(CoachingBoardView, 'zh-CN')
    await flushPromises()
    await flushPromises()
    const rows = wrapper.findAll('[data-testid="board-row"]')
    expect(rows.map(r => r.attributes('data-id'))).toEqual(['d-a', 'deal-core', 'd-c', 'd-e'])
    const core = wrapper.get('[data-testid="board-row"][data-id="deal-core"]')
    expect(core.get('[data-testid="board-rate"]').text()).toBe('34.8%')
    expect(core.get('[data-testid="board-change"]').text()).toBe('+4.8 个百分点')
    expect(core.get('[data-testid="board-flags"]').text()).toContain('决策者 王建国 对我方态度负面')
    expect(core.get('[data-testid="board-overdue"]').text()).toContain('安排董事长拜访')
    expect(core.get('[data-testid="board-overdue"]').text()).not.toContain('组织专题研讨')
    expect(wrapper.get('[data-testid="board-row"][data-id="d-c"] [data-testid="board-rate"]').text()).toBe('—')
    expect(wrapper.text()).toContain('进行中商机 4 个（A/B 级 2 个），风险 4 个，逾期行动项 1 项')
    expect(dealView).toHaveBeenCalledTimes(4)
  })

  it('shows progress while the deals load', async () => {
    let release!: () => void
    const gate = new Promise<void>((resolve) => { release = resolve })
    vi.mocked(dealView).mockImplementation(async () => { await gate; return view })
    const { wrapper } = mountWithApp(CoachingBoardView, 'en')
    await flushPromises()
    expect(wrapper.get('[data-testid="board-progress"]').text()).toContain('Loading deal details 0/4')
    release()
    await flushPromises()
    await flushPromises()
    expect(wrapper.find('[data-testid="board-progress"]').exists()).toBe(false)
  })
})

describe('deal brief', () => {
  it('puts the deal on one page and prints it', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => {})
    const { wrapper } = mountWithApp(DealBriefView, 'zh-CN', { id: 'deal-core' })
    await flushPromises()
    await flushPromises()
    const brief = wrapper.get('[data-testid="deal-brief"]')
    expect(brief.text()).toContain('核心系统升级')
    expect(brief.text()).toContain('本周变化 +4.8 个百分点')
    expect(brief.text()).toMatch(/内部消息来源：\s*郑晓燕/)
    expect(brief.text()).toContain('安排董事长拜访')
    expect(brief.find('b').exists()).toBe(false)
    await wrapper.get('[data-testid="brief-print"]').trigger('click')
    expect(print).toHaveBeenCalled()
  })

  // A questionnaire dated after the view's date is not in force yet: the win
  // rate used the one before it, and so must the brief and the presenter.
  const withLaterAssessment: DealView = {
    ...view,
    deal: {
      ...deal,
      assessments: [
        ...deal.assessments!,
        { date: '2026-12-20', inside_source: 'p-wang', participants: ['陈晓东'], scores: [{ party: 'us', fit: 2, closeness: 1 }] },
      ],
    },
  }

  it('names the inside source of the assessment the win rate used, not of a later-dated one', async () => {
    vi.mocked(dealView).mockResolvedValue(withLaterAssessment)
    const { wrapper } = mountWithApp(DealBriefView, 'zh-CN', { id: 'deal-core' })
    await flushPromises()
    await flushPromises()
    const brief = wrapper.get('[data-testid="deal-brief"]').text()
    expect(brief).toMatch(/内部消息来源：\s*郑晓燕/)
    expect(brief).not.toMatch(/内部消息来源：\s*王建国/)
  })

  it('shows the presenter the same assessment', async () => {
    const QUESTIONNAIRE_STEP = TAS_ELEMENTS.indexOf('questionnaire') + 1
    vi.mocked(dealView).mockResolvedValue(withLaterAssessment)
    vi.mocked(accountMap).mockResolvedValue(emptyDecisionMap)
    document.documentElement.requestFullscreen = vi.fn().mockRejectedValue(new Error('not allowed'))
    const { wrapper, router } = mountWithApp(PresenterView, 'zh-CN', { id: 'deal-core' })
    await router.push(`/present/deal-core?step=${QUESTIONNAIRE_STEP}`)
    await flushPromises()
    await flushPromises()
    expect(wrapper.get('[data-testid="presenter"]').attributes('data-element')).toBe('questionnaire')
    expect(wrapper.text()).toMatch(/内部消息来源：\s*郑晓燕/)
    expect(wrapper.text()).not.toMatch(/内部消息来源：\s*王建国/)
  })
})

describe('pipeline', () => {
  const data: Forecast = {
    as_of: '2026-11-27',
    currency: 'CNY',
    open_deals: 3,
    total_amount: 2_000_000,
    weighted: 500_000,
    by_stage: [{ key: 'validate', deals: 1, amount: 300_000, weighted: 0 }, { key: 'value', deals: 2, amount: 1_700_000, weighted: 500_000 }],
    by_grade: [{ key: 'A', deals: 1, amount: 1_000_000, weighted: 400_000 }],
    lines: [{ deal: 'deal-core', name: '核心系统升级', stage: 'value', grade: 'B', amount: 700_000, rate: 34.8, weighted: 243_600, reasons: [] }],
    unrated: [{ deal: 'd-c', name: '小单', stage: 'validate', grade: 'C', amount: 300_000, rate: null, weighted: null, reasons: ['no_compelling_event'] }],
  }

  it('shows the forecast by stage and grade, weighted, with unrated deals apart', async () => {
    vi.mocked(forecast).mockResolvedValue(data)
    const { wrapper } = mountWithApp(PipelineView, 'en')
    await flushPromises()
    await flushPromises()
    expect(wrapper.get('[data-testid="pipeline-weighted"]').text()).toBe('CN¥500,000')
    expect(wrapper.get('[data-testid="pipeline-funnel"]').attributes('data-stages')).toBe('Validate,Value presentation')
    expect(wrapper.findAll('[data-testid="pipeline-stage-row"]').map(r => r.findAll('td').map(td => td.text())))
      .toEqual([['Validate', '1', 'CN¥300,000', 'CN¥0'], ['Value presentation', '2', 'CN¥1,700,000', 'CN¥500,000']])
    expect(wrapper.get('[data-testid="pipeline-line"]').text()).toContain('34.8%')
    expect(wrapper.get('[data-testid="pipeline-unrated-line"]').text()).toContain('No confirmed compelling event')
  })
})

describe('presenter mode', () => {
  it('steps through the 13 elements with their questions and saves quick edits through the core', async () => {
    vi.mocked(accountMap).mockResolvedValue(emptyDecisionMap)
    const requestFullscreen = vi.fn().mockRejectedValue(new Error('not allowed'))
    document.documentElement.requestFullscreen = requestFullscreen
    const { wrapper, router } = mountWithApp(PresenterView, 'zh-CN', { id: 'deal-core' })
    await router.push('/present/deal-core?step=5')
    await flushPromises()
    await flushPromises()
    const presenter = wrapper.get('[data-testid="presenter"]')
    expect(presenter.attributes('data-element')).toBe('compelling_event')
    expect(wrapper.get('[data-testid="presenter-element-name"]').text()).toBe('5. 必要条件')
    expect(wrapper.get('[data-testid="presenter-question"]').text()).toContain('有没有证明客户一定会做这个项目的事实')
    expect(wrapper.get('[data-testid="winrate-value"]').text()).toBe('34.8%')
    expect(requestFullscreen).toHaveBeenCalled()

    // Confirm the unconfirmed compelling event from the room.
    await wrapper.findAll('[data-testid="event-confirm"]')[1]!.setValue(true)
    await flushPromises()
    const edit = vi.mocked(applyEdit).mock.calls.at(-1)![0] as Extract<Edit, { op: 'update_deal' }>
    expect(edit.deal.compelling_events![1]!.confirmed).toBe(true)

    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight' }))
    await flushPromises()
    expect(router.currentRoute.value.query.step).toBe('6')
    expect(wrapper.get('[data-testid="presenter"]').attributes('data-element')).toBe('competitors')
    await wrapper.get('[data-testid="presenter-dot-13"]').trigger('click')
    await flushPromises()
    expect(wrapper.get('[data-testid="presenter-element-name"]').text()).toBe('13. 督导推进')
    expect(wrapper.get('[data-testid="presenter-next"]').attributes('disabled')).toBeDefined()
  })
})

describe('practice mode', () => {
  it('starts an exercise on a practice deal and resets the practice deals after asking', async () => {
    vi.mocked(resetPractice).mockResolvedValue({ inverse: { op: 'batch', edits: [] }, created: null })
    const { wrapper, router } = mountWithApp(HomeView, 'zh-CN')
    await flushPromises()
    await wrapper.get('[data-testid="practice-toggle"]').trigger('click')
    // Open practice deals of the practice accounts only.
    expect(wrapper.findAll('[data-testid="practice-start"]').map(b => b.attributes('data-id'))).toEqual(['d-c', 'deal-core', 'd-a', 'd-e'])
    await wrapper.get('[data-testid="practice-reset"]').trigger('click')
    expect(resetPractice).not.toHaveBeenCalled()
    ;(document.querySelector('[data-testid="confirm-ok"]') as HTMLButtonElement).click()
    await flushPromises()
    expect(resetPractice).toHaveBeenCalled()
    expect(wrapper.get('[data-testid="practice-reset-done"]').text()).toContain('练习商机已恢复原样')
    await wrapper.get('[data-testid="practice-start"][data-id="deal-core"]').trigger('click')
    // The war room screens load on first visit.
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/deal/deal-core?practice=1'), { timeout: 10000 })
  })
})
