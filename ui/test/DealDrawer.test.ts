import type { AppLocale } from '../src/modules/i18n'
import { flushPromises } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { dealCurve, dealHealth, IpcError, listAccounts, listDeals, listPeople } from '../src/ipc/client'
import HomeView from '../src/views/HomeView.vue'
import { accounts, coreCurve, deals, health } from './fixtures'
import { mountWithApp, texts, unmountAll } from './mount'

vi.mock('../src/ipc/client', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../src/ipc/client')>()
  return {
    ...actual,
    listAccounts: vi.fn(),
    listDeals: vi.fn(),
    dealHealth: vi.fn(),
    dealCurve: vi.fn(),
    listPeople: vi.fn(),
  }
})

// jsdom has no canvas: the chart is replaced by a stand-in showing what it was given.
vi.mock('../src/components/ProbabilityCurveChart.vue', async () => {
  const { defineComponent, h } = await import('vue')
  return {
    // The drawer imports the chart lazily; Vue unwraps `default` of an ES module.
    __esModule: true,
    default: defineComponent({
      props: { points: { type: Array, required: true } },
      setup(props) {
        return () => h('div', {
          'data-testid': 'curve-chart',
          'data-rates': (props.points as { rate: number | null }[]).map(p => p.rate ?? 'null').join(','),
        })
      },
    }),
  }
})

beforeEach(() => {
  vi.mocked(listAccounts).mockResolvedValue(accounts)
  vi.mocked(listDeals).mockResolvedValue(deals)
  vi.mocked(dealHealth).mockResolvedValue(health)
  vi.mocked(dealCurve).mockImplementation(async deal => (deal === 'deal-core' ? coreCurve : []))
  vi.mocked(listPeople).mockResolvedValue([
    {
      id: 'p-bank-001',
      name: '顾振华',
      title: '行长',
      department: '总行',
      manager: null,
      manager_name: null,
      attitude: 'negative',
      orientation: 'pragmatic',
      influence: 'high',
    },
  ])
})

afterEach(() => {
  unmountAll()
  document.body.innerHTML = ''
})

async function openDeal(id: string, locale: AppLocale = 'zh-CN') {
  const mounted = mountWithApp(HomeView, locale)
  await flushPromises()
  await mounted.wrapper.get(`[data-testid="deal-row"][data-id="${id}"] [data-testid="deal-stage"]`).trigger('click')
  await flushPromises()
  const drawer = () => mounted.wrapper.find('[data-testid="deal-drawer"]')
  return { ...mounted, drawer }
}

function pressEscape(target: EventTarget = document.body) {
  target.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }))
}

describe('dealDrawer', () => {
  it('is closed until a deal row is clicked, then shows that deal', async () => {
    const mounted = mountWithApp(HomeView, 'zh-CN')
    await flushPromises()
    expect(mounted.wrapper.find('[data-testid="deal-drawer"]').exists()).toBe(false)

    await mounted.wrapper.get('[data-testid="deal-row"][data-id="deal-core"]').trigger('click')
    await flushPromises()
    const drawer = mounted.wrapper.get('[data-testid="deal-drawer"]')
    expect(drawer.attributes('data-deal')).toBe('deal-core')
    expect(drawer.get('[data-testid="drawer-title"]').text()).toBe('核心系统升级')
    expect(drawer.get('[data-testid="drawer-account"]').text()).toBe('华信银行')
    expect(dealCurve).toHaveBeenCalledWith('deal-core')
    expect(listPeople).toHaveBeenCalledWith('acc-hx')
    expect(document.activeElement).toBe(drawer.element)
  })

  it('closes on Esc', async () => {
    const { drawer, workspace } = await openDeal('deal-core')
    expect(drawer().exists()).toBe(true)
    pressEscape()
    await flushPromises()
    expect(drawer().exists()).toBe(false)
    expect(workspace.openDealId).toBeNull()
  })

  it('closes with its close button', async () => {
    const { drawer } = await openDeal('deal-core', 'en')
    const close = drawer().get('[data-testid="drawer-close"]')
    expect(close.attributes('aria-label')).toBe('Close')
    await close.trigger('click')
    expect(drawer().exists()).toBe(false)
  })

  it('lets Esc close an open explanation popover first, then the drawer', async () => {
    const { drawer, wrapper } = await openDeal('deal-core')
    await wrapper.get('[data-testid="deal-row"][data-id="deal-core"] [data-testid="winrate-explain"]').trigger('click')
    expect(document.querySelector('[data-testid="winrate-popover"]')).not.toBeNull()
    pressEscape(document.activeElement ?? document.body)
    await flushPromises()
    expect(document.querySelector('[data-testid="winrate-popover"]')).toBeNull()
    expect(drawer().exists()).toBe(true)
    pressEscape()
    await flushPromises()
    expect(drawer().exists()).toBe(false)
  })

  it('shows the win rate with its explanation', async () => {
    const { drawer } = await openDeal('deal-core')
    const block = drawer().get('[data-testid="drawer-winrate"]')
    expect(block.get('[data-testid="explain-rate"]').text()).toBe('20.0%')
    expect(texts(block as never, 'explain-rule')).toEqual(['无内部消息来源，×0.7（至少打七折）'])
  })

  it('lists the red flags translated, with people by name and the checklist items', async () => {
    const { drawer } = await openDeal('deal-core')
    const flags = drawer().findAll('[data-testid="drawer-flag"]')
    expect(flags.map(f => f.attributes('data-flag'))).toEqual([
      'no_inside_source',
      'win_rate_fell',
      'key_person_negative',
      'stale_questionnaire',
      'checklist_incomplete',
    ])
    expect(texts(drawer() as never, 'drawer-flag-text')).toEqual([
      '无内部消息来源',
      '赢单率较上周下降 10 个百分点以上：35.0% → 20.0%',
      '决策者 顾振华 对我方态度负面',
      '问卷超过 14 天未更新（最近一次：2026年10月20日）',
      '「价值呈现」阶段出口检查未完成（2 项）',
    ])
    expect(texts(drawer() as never, 'drawer-flag-item')).toEqual(['价值主张已确定', '竞争策略已确定'])
  })

  it('lists the red flags in English', async () => {
    const { drawer } = await openDeal('deal-core', 'en')
    expect(texts(drawer() as never, 'drawer-flag-text')).toEqual([
      'No inside source',
      'Win rate fell by 10 points or more since last week: 35.0% → 20.0%',
      '顾振华 (decision maker) is negative towards us',
      'Questionnaire older than 14 days (last: Oct 20, 2026)',
      'Exit checklist of "Value presentation" incomplete (2 open)',
    ])
  })

  it('says when a deal has no red flag and no curve yet', async () => {
    const { drawer } = await openDeal('deal-nm')
    expect(drawer().find('[data-testid="drawer-flag"]').exists()).toBe(false)
    expect(drawer().get('[data-testid="drawer-no-flags"]').text()).toBe('无风险')
    expect(drawer().find('[data-testid="curve-chart"]').exists()).toBe(false)
    expect(drawer().get('[data-testid="curve-empty"]').text()).toBe('尚无每周快照（首次问卷评估后开始记录）')
  })

  it('draws the curve with gaps and lists the weeks, newest first, with their change and causes', async () => {
    const { drawer } = await openDeal('deal-core')
    expect(drawer().get('[data-testid="curve-chart"]').attributes('data-rates')).toBe('null,35,20')

    const weeks = drawer().findAll('[data-testid="curve-week"]')
    expect(weeks.map(w => w.attributes('data-week'))).toEqual(['2026-W44', '2026-W43', '2026-W42'])
    const [w44, w43, w42] = weeks
    expect(w44!.get('[data-testid="curve-rate"]').text()).toBe('20.0%')
    expect(w44!.get('[data-testid="curve-change"]').text()).toBe('−15.0 个百分点')
    expect(w44!.get('[data-testid="curve-change"]').classes()).toContain('change-fall')
    expect(texts(w44 as never, 'curve-cause')).toEqual([
      'k-yunqing 评分变化：需求满足度 5 → 7，关系紧密度 5 → 6',
      '失去内部消息来源：顾振华',
      '新增竞争对手：k-beichen',
    ])
    expect(w43!.find('[data-testid="curve-change"]').exists()).toBe(false)
    expect(texts(w43 as never, 'curve-cause')).toEqual([
      '必要条件已确认：董事会已批准预算 <b>2026</b>',
      '获得内部消息来源：顾振华',
    ])
    expect(w42!.get('[data-testid="curve-rate"]').text()).toBe('—')
    expect(w42!.get('[data-testid="curve-reasons"]').text())
      .toBe('无已确认的必要条件，不计算赢单率、无内部消息来源，×0.7（至少打七折）')
    // An event description is user text: shown, never parsed.
    expect(drawer().find('b').exists()).toBe(false)
  })

  it('lists the curve weeks in English', async () => {
    const { drawer } = await openDeal('deal-core', 'en')
    const w44 = drawer().get('[data-testid="curve-week"][data-week="2026-W44"]')
    expect(w44.get('[data-testid="curve-change"]').text()).toBe('−15.0 pts')
    expect(texts(w44 as never, 'curve-cause')).toEqual([
      'k-yunqing rescored: need fit 5 → 7, closeness 5 → 6',
      'Inside source lost: 顾振华',
      'Competitor added: k-beichen',
    ])
  })

  it('shows people ids when names cannot be loaded, as text', async () => {
    vi.mocked(listPeople).mockRejectedValue(new IpcError('database', 'locked'))
    const { drawer } = await openDeal('deal-evil')
    expect(drawer().get('[data-testid="drawer-title"]').text()).toBe('<b>x</b>')
    expect(texts(drawer() as never, 'drawer-flag-text')[0]).toBe('批准者 <img src=x onerror=alert(1)> 在本商机中尚无接触')
    expect(texts(drawer() as never, 'drawer-flag-item')).toEqual(['<i>签字</i>'])
    expect(drawer().find('img').exists()).toBe(false)
    expect(drawer().find('i').exists()).toBe(false)
    expect(drawer().find('b').exists()).toBe(false)
  })

  it('shows a curve that fails to load as an error with retry', async () => {
    vi.mocked(dealCurve).mockRejectedValueOnce(new IpcError('database', 'disk I/O error'))
    const { drawer } = await openDeal('deal-core')
    expect(drawer().get('[data-testid="error-banner"]').attributes('data-code')).toBe('database')
    expect(drawer().find('[data-testid="curve-week"]').exists()).toBe(false)
    await drawer().get('[data-testid="error-retry"]').trigger('click')
    await flushPromises()
    expect(drawer().findAll('[data-testid="curve-week"]')).toHaveLength(3)
  })

  it('follows the clicked row to another deal, ignoring a slower answer for the previous one', async () => {
    let answerCore: (points: typeof coreCurve) => void = () => {}
    vi.mocked(dealCurve).mockImplementation(deal =>
      deal === 'deal-core' ? new Promise((resolve) => { answerCore = resolve }) : Promise.resolve([]))
    const { drawer, wrapper } = await openDeal('deal-core')
    await wrapper.get('[data-testid="deal-row"][data-id="deal-nm"]').trigger('click')
    await flushPromises()
    answerCore(coreCurve)
    await flushPromises()
    expect(drawer().attributes('data-deal')).toBe('deal-nm')
    expect(drawer().find('[data-testid="curve-week"]').exists()).toBe(false)
    expect(drawer().find('[data-testid="curve-empty"]').exists()).toBe(true)
  })

  it('closes when a reload no longer has the deal', async () => {
    const { drawer, workspace } = await openDeal('deal-nm')
    vi.mocked(listDeals).mockResolvedValue(deals.filter(d => d.id !== 'deal-nm'))
    await workspace.load()
    await flushPromises()
    expect(drawer().exists()).toBe(false)
    expect(workspace.openDealId).toBeNull()
  })
})
