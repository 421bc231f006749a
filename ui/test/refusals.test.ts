import type { DealView, Edit } from '../src/ipc/client'
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
  personProfile,
  practiceAccounts,
  workspaceSettings,
} from '../src/ipc/client'
import { answerUnsaved, asking } from '../src/modules/unsaved'
import DealWorkspaceView from '../src/views/deal/DealWorkspaceView.vue'
import { mountWithApp, unmountAll } from './mount'
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

describe('input the window refuses says why, next to the field', () => {
  it('refuses a negative amount, in both languages', async () => {
    for (const [locale, text] of [['zh-CN', '金额不能为负数，未保存。'], ['en', 'An amount cannot be negative; not saved.']] as const) {
      const { wrapper } = await open(locale)
      const grade = wrapper.get('[data-testid="element-grading"]')
      await grade.get('[data-testid="grade-amount"]').setValue('-5000')
      expect(grade.get('[data-testid="grade-amount-invalid"]').text()).toBe(text)
      expect(grade.get('[data-testid="grade-save"]').attributes('disabled')).toBeDefined()
      await grade.get('form').trigger('submit')
      await flushPromises()
      expect(applyEdit).not.toHaveBeenCalled()
      unmountAll()
    }
  })

  it('refuses a negative quote next to its field', async () => {
    const { wrapper } = await open('en')
    await wrapper.get('[data-testid="quote-add"]').trigger('click')
    await wrapper.get('[data-testid="quote-amount"]').setValue('-1')
    expect(wrapper.get('[data-testid="quote-amount-invalid"]').text()).toBe('An amount cannot be negative; not saved.')
    expect(wrapper.get('[data-testid="quote-save"]').attributes('disabled')).toBeDefined()
    await wrapper.get('[data-testid="quote-form"]').trigger('submit')
    await flushPromises()
    expect(applyEdit).not.toHaveBeenCalled()
  })

  it('shows the core\'s refusal of the grade next to its fields, not only at the top', async () => {
    vi.mocked(applyEdit).mockRejectedValueOnce(new IpcError('invalid_input', 'deal.amount: must be at least 0'))
    const { wrapper } = await open()
    const grade = wrapper.get('[data-testid="element-grading"]')
    await grade.get('[data-testid="grade-amount"]').setValue('1200000')
    await grade.get('form').trigger('submit')
    await flushPromises()
    const refused = grade.get('[data-testid="grade-refused"]')
    expect(refused.text()).toContain('deal.amount: must be at least 0')
    expect(wrapper.findAll('.error-banner')).toHaveLength(1)
    // The typed amount is still there to correct.
    expect((grade.get('[data-testid="grade-amount"]').element as HTMLInputElement).value).toBe('1200000')
  })

  it('refuses a done activity dated in the future, and says what to do', async () => {
    for (const [locale, text] of [['zh-CN', '已完成的活动必须发生在今天或以前'], ['en', 'a done activity must have happened by today']] as const) {
      const { wrapper } = await open(locale)
      await wrapper.get('[data-testid="activity-new"]').trigger('click')
      await wrapper.get('[data-testid="activity-summary"]').setValue('技术交流')
      await wrapper.get('[data-testid="activity-status"]').setValue('done')
      await wrapper.get('[data-testid="activity-date"]').setValue('2099-01-05')
      expect(wrapper.get('[data-testid="activity-date-invalid"]').text()).toContain(text)
      expect(wrapper.get('[data-testid="activity-date-invalid"]').text()).toContain('2099-01-05')
      expect(wrapper.get('[data-testid="activity-save"]').attributes('disabled')).toBeDefined()
      // Planned in the future is fine.
      await wrapper.get('[data-testid="activity-status"]').setValue('planned')
      expect(wrapper.find('[data-testid="activity-date-invalid"]').exists()).toBe(false)
      await wrapper.get('[data-testid="activity-form"]').trigger('submit')
      await flushPromises()
      const edit = vi.mocked(applyEdit).mock.calls.at(-1)![0] as Extract<Edit, { op: 'set_activity' }>
      expect(edit.activity).toMatchObject({ status: 'planned', date: '2099-01-05', summary: '技术交流' })
      unmountAll()
      vi.mocked(applyEdit).mockClear()
    }
  })

  it('a planned activity dated after today cannot be marked done, and the button says why', async () => {
    current.activities = current.activities.map(a => (a.status === 'planned' ? { ...a, date: '2099-03-01' } : a))
    const { wrapper } = await open('en')
    const done = wrapper.get('[data-testid="activity-done"]')
    expect(done.attributes('disabled')).toBeDefined()
    expect(done.attributes('title')).toContain('2099-03-01 is after today')
  })

  it('keeps the activity form open with the core\'s refusal next to it', async () => {
    vi.mocked(applyEdit).mockRejectedValueOnce(new IpcError('invalid_input', 'activity.date: a done activity cannot be in the future'))
    const { wrapper } = await open('en')
    await wrapper.get('[data-testid="activity-new"]').trigger('click')
    await wrapper.get('[data-testid="activity-summary"]').setValue('Tech exchange')
    await wrapper.get('[data-testid="activity-form"]').trigger('submit')
    await flushPromises()
    const form = wrapper.get('[data-testid="activity-form"]')
    expect(form.get('[data-testid="activity-refused"]').text()).toContain('a done activity cannot be in the future')
    expect((form.get('[data-testid="activity-summary"]').element as HTMLInputElement).value).toBe('Tech exchange')
  })
})

describe('text typed on the deal and not saved', () => {
  it('leaving the deal asks first, for every form with typed text', async () => {
    // The core keeps what it is sent, so each save builds on the one before.
    vi.mocked(applyEdit).mockImplementation(async (edit) => {
      if (edit.op === 'update_deal')
        current.deal = JSON.parse(JSON.stringify(edit.deal))
      return { inverse, created: null }
    })
    const { wrapper, router } = await open()
    for (const [open, field] of [['coaching-new', 'coaching-notes'], ['activity-new', 'activity-summary'], ['event-add', 'event-description-input']] as const) {
      await wrapper.get(`[data-testid="${open}"]`).trigger('click')
      await wrapper.get(`[data-testid="${field}"]`).setValue('还没保存的字')
    }
    await wrapper.get('[data-testid="coaching-coach"]').setValue('周立群')
    await wrapper.get('[data-testid="tactic-free"]').setValue('引入总行科技部')
    await wrapper.get('[data-testid="value-solution"]').setValue('分布式核心 + 两地三中心')
    expect(wrapper.findAll('[data-testid="unsaved-marker"]').length).toBeGreaterThanOrEqual(2)
    const leaving = router.push('/pipeline')
    await flushPromises()
    expect(asking.value).toBe(true)
    answerUnsaved('cancel')
    await leaving
    expect(router.currentRoute.value.path).toBe('/')
    expect((wrapper.get('[data-testid="coaching-notes"]').element as HTMLTextAreaElement).value).toBe('还没保存的字')
    // Save: each form is saved through the core before leaving.
    const saving = router.push('/pipeline')
    await flushPromises()
    answerUnsaved('save')
    await saving
    await flushPromises()
    const ops = vi.mocked(applyEdit).mock.calls.map(([e]) => e.op)
    expect(ops.filter(op => op === 'update_deal').length).toBeGreaterThanOrEqual(4)
    expect(ops).toContain('set_activity')
    expect(router.currentRoute.value.path).toBe('/pipeline')
    // Nothing one save wrote was overwritten by the next.
    expect(current.deal.compelling_events!.map(e => e.description)).toContain('还没保存的字')
    expect(current.deal.coaching!.map(c => c.notes)).toContain('还没保存的字')
    expect(current.deal.tactics).toContain('引入总行科技部')
    expect(current.deal.value_proposition?.solution).toBe('分布式核心 + 两地三中心')
  })
})
