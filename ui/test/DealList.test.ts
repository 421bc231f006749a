import { flushPromises } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import DealList from '../src/components/DealList.vue'
import { dealHealth, listAccounts, listDeals } from '../src/ipc/client'
import { accounts, deals, health } from './fixtures'
import { mountWithApp, texts, unmountAll } from './mount'

vi.mock('../src/ipc/client', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../src/ipc/client')>()
  return { ...actual, listAccounts: vi.fn(), listDeals: vi.fn(), dealHealth: vi.fn() }
})

beforeEach(() => {
  vi.mocked(listAccounts).mockResolvedValue(accounts)
  vi.mocked(listDeals).mockResolvedValue(deals)
  vi.mocked(dealHealth).mockResolvedValue(health)
})

afterEach(() => {
  unmountAll()
  document.body.innerHTML = ''
})

async function mountLoaded(locale: 'zh-CN' | 'en') {
  const mounted = mountWithApp(DealList, locale)
  await mounted.workspace.load()
  await flushPromises()
  const row = (id: string) => mounted.wrapper.get(`[data-testid="deal-row"][data-id="${id}"]`)
  const cell = (id: string, testId: string) => row(id).get(`[data-testid="${testId}"]`).text()
  return { ...mounted, row, cell }
}

describe('dealList', () => {
  it('shows every column in Chinese', async () => {
    const { wrapper, cell } = await mountLoaded('zh-CN')
    expect(wrapper.findAll('th').map(th => th.text()))
      .toEqual(['商机名称', '客户', '金额', '商机阶段', '分级', '赢单率', '风险', '状态', '预计签约'])
    expect(wrapper.findAll('[data-testid="deal-row"]')).toHaveLength(4)

    expect(cell('deal-core', 'deal-name')).toBe('核心系统升级')
    expect(cell('deal-core', 'deal-account')).toBe('华信银行')
    expect(cell('deal-core', 'deal-amount')).toBe('¥1,200,000')
    expect(cell('deal-core', 'deal-stage')).toBe('价值呈现')
    expect(cell('deal-core', 'deal-grade')).toBe('A')
    expect(cell('deal-core', 'deal-status')).toBe('进行中')
    expect(cell('deal-core', 'deal-close')).toBe('2026年12月31日')

    expect(cell('deal-crm', 'deal-status')).toBe('赢单')
    expect(cell('deal-nm', 'deal-status')).toBe('丢单')
    expect(cell('deal-evil', 'deal-status')).toBe('放弃')
    expect(cell('deal-crm', 'deal-close')).toBe('—')
  })

  it('shows every column in English, with the English stage name', async () => {
    const { wrapper, cell } = await mountLoaded('en')
    expect(wrapper.get('h2').text()).toBe('Deals')
    expect(cell('deal-core', 'deal-stage')).toBe('Value presentation')
    expect(cell('deal-core', 'deal-amount')).toBe('CN¥1,200,000')
    expect(cell('deal-core', 'deal-close')).toBe('Dec 31, 2026')
    expect(cell('deal-core', 'deal-status')).toBe('Open')
    expect(cell('deal-crm', 'deal-status')).toBe('Won')
    expect(cell('deal-nm', 'deal-status')).toBe('Lost')
    expect(cell('deal-evil', 'deal-status')).toBe('Abandoned')
  })

  it('falls back to the Chinese stage name when the English one is missing', async () => {
    const { cell } = await mountLoaded('en')
    expect(cell('deal-nm', 'deal-stage')).toBe('组织投标')
  })

  it('formats amounts in the deal currency for the interface language', async () => {
    const zh = await mountLoaded('zh-CN')
    expect(zh.cell('deal-crm', 'deal-amount')).toBe('US$250,000.50')
    zh.wrapper.unmount()

    const en = await mountLoaded('en')
    expect(en.cell('deal-crm', 'deal-amount')).toBe('$250,000.50')
  })

  it('re-renders amounts, stages and statuses when the language changes', async () => {
    const { i18n, cell, wrapper } = await mountLoaded('zh-CN')
    i18n.global.locale.value = 'en'
    await wrapper.vm.$nextTick()
    expect(cell('deal-core', 'deal-amount')).toBe('CN¥1,200,000')
    expect(cell('deal-core', 'deal-stage')).toBe('Value presentation')
    expect(cell('deal-crm', 'deal-status')).toBe('Won')
  })

  it('shows the grade as a badge with a translated hint', async () => {
    const { row } = await mountLoaded('zh-CN')
    const badge = row('deal-nm').get('[data-testid="deal-grade"]')
    expect(badge.text()).toBe('E')
    expect(badge.classes()).toContain('grade-E')
    expect(badge.attributes('title')).toContain('合作伙伴')
  })

  it('renders markup in deal and account names as text', async () => {
    const { wrapper, cell } = await mountLoaded('zh-CN')
    expect(cell('deal-evil', 'deal-name')).toBe('<b>x</b>')
    expect(cell('deal-evil', 'deal-account')).toBe('<script>alert(1)</script>')
    expect(wrapper.find('b').exists()).toBe(false)
    expect(wrapper.find('script').exists()).toBe(false)
  })

  it('shows an empty state when there are no deals', async () => {
    vi.mocked(listDeals).mockResolvedValue([])
    const { wrapper } = await mountLoaded('zh-CN')
    expect(wrapper.find('table').exists()).toBe(false)
    expect(wrapper.get('[data-testid="deal-empty"]').text()).toBe('暂无商机')
  })
})

describe('dealList health columns', () => {
  it('shows the win rate with one decimal, or "—" when not computed or not known', async () => {
    vi.mocked(dealHealth).mockResolvedValue(health.filter(h => h.deal !== 'deal-evil'))
    const { cell } = await mountLoaded('zh-CN')
    expect(cell('deal-core', 'deal-winrate')).toBe('20.0%')
    expect(cell('deal-nm', 'deal-winrate')).toBe('50.0%')
    expect(cell('deal-crm', 'deal-winrate')).toBe('—')
    // No health for this deal at all: still "—", and nothing to explain.
    expect(cell('deal-evil', 'deal-winrate')).toBe('—')
  })

  it('gives the reasons behind a rate on hover and focus, in the current language', async () => {
    const { row, i18n, wrapper } = await mountLoaded('zh-CN')
    const rate = row('deal-crm').get('[data-testid="deal-winrate"]')
    const hint = row('deal-crm').get('[data-testid="deal-winrate-reason"]')
    expect(rate.attributes('tabindex')).toBe('0')
    expect(rate.attributes('aria-describedby')).toBe(hint.attributes('id'))
    expect(hint.attributes('role')).toBe('tooltip')
    expect(hint.text()).toBe('无已确认的必要条件，不计算赢单率、有未评分的竞争对手，按与我方相当计')
    expect(row('deal-core').get('[data-testid="deal-winrate-reason"]').text()).toBe('无内部消息来源，×0.7（至少打七折）')

    i18n.global.locale.value = 'en'
    await wrapper.vm.$nextTick()
    expect(row('deal-crm').get('[data-testid="deal-winrate-reason"]').text())
      .toBe('No confirmed compelling event: no win rate is computed, Some competitors are not scored: each is counted as equal to us')
  })

  it('counts the red flags in a badge, red when any, listing them translated', async () => {
    const { row } = await mountLoaded('zh-CN')
    const badge = (id: string) => row(id).get('[data-testid="deal-flags"]')
    expect(badge('deal-core').text()).toBe('5')
    expect(badge('deal-core').classes()).toContain('flags-some')
    expect(badge('deal-core').attributes('aria-label')).toBe('5 个风险')
    expect(badge('deal-nm').text()).toBe('0')
    expect(badge('deal-nm').classes()).not.toContain('flags-some')
    expect(badge('deal-nm').attributes('aria-label')).toBe('无风险')
    expect(row('deal-nm').find('[data-testid="deal-flags-hint"]').exists()).toBe(false)

    expect(texts(row('deal-core') as never, 'deal-flag-line')).toEqual([
      '无内部消息来源',
      '赢单率较上周下降 10 个百分点以上：35.0% → 20.0%',
      '决策者 p-bank-001 对我方态度负面',
      '问卷超过 14 天未更新（最近一次：2026年10月20日）',
      '「价值呈现」阶段出口检查未完成（2 项）：价值主张已确定、竞争策略已确定',
    ])
  })

  it('lists the flags in English too', async () => {
    const { row } = await mountLoaded('en')
    expect(row('deal-core').get('[data-testid="deal-flags"]').attributes('aria-label')).toBe('5 red flags')
    expect(row('deal-crm').get('[data-testid="deal-flags"]').attributes('aria-label')).toBe('1 red flag')
    expect(texts(row('deal-evil') as never, 'deal-flag-line')).toEqual([
      'No interaction with <img src=x onerror=alert(1)> (approver) on this deal',
      'Exit checklist of "Needs analysis" incomplete (1 open): <i>签字</i>',
      'No activity done yet',
      'Partner registration not active: expired',
    ])
  })

  it('renders markup in people ids and checklist items as text', async () => {
    const { wrapper } = await mountLoaded('zh-CN')
    expect(wrapper.text()).toContain('<img src=x onerror=alert(1)>')
    expect(wrapper.find('img').exists()).toBe(false)
    expect(wrapper.find('i').exists()).toBe(false)
  })

  it('opens the explanation of that deal from the info button, without opening the drawer', async () => {
    const { row, workspace } = await mountLoaded('zh-CN')
    const button = row('deal-core').get('[data-testid="winrate-explain"]')
    expect(button.attributes('aria-expanded')).toBe('false')
    expect(button.attributes('aria-label')).toBe('赢单率说明：核心系统升级')
    await button.trigger('click')

    const popover = document.querySelector('[data-testid="winrate-popover"]')
    expect(popover).not.toBeNull()
    const explanation = popover!.querySelector('[data-testid="winrate-explanation"]')
    expect(explanation?.getAttribute('data-deal')).toBe('deal-core')
    expect(explanation?.querySelector('[data-testid="explain-rate"]')?.textContent).toBe('20.0%')
    expect(explanation?.textContent).toContain('S = w_fit·需求满足度 + w_rel·关系紧密度')
    expect(button.attributes('aria-expanded')).toBe('true')
    expect(workspace.openDealId).toBeNull()

    // Another deal's button switches the popover to that deal.
    await row('deal-crm').get('[data-testid="winrate-explain"]').trigger('click')
    expect(document.querySelectorAll('[data-testid="winrate-explanation"]')).toHaveLength(1)
    expect(document.querySelector('[data-testid="winrate-explanation"]')?.getAttribute('data-deal')).toBe('deal-crm')
    expect(document.querySelector('[data-testid="explain-rate"]')?.textContent).toBe('—')
  })

  it('closes the explanation on Esc, on a click outside and on a second click', async () => {
    const { row, wrapper } = await mountLoaded('en')
    const button = row('deal-core').get('[data-testid="winrate-explain"]')
    const open = () => document.querySelector('[data-testid="winrate-popover"]') !== null

    await button.trigger('click')
    expect(open()).toBe(true)
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }))
    await wrapper.vm.$nextTick()
    expect(open()).toBe(false)
    expect(document.activeElement).toBe(button.element)

    await button.trigger('click')
    document.querySelector('[data-testid="explain-formula"]')!.dispatchEvent(new Event('pointerdown', { bubbles: true }))
    await wrapper.vm.$nextTick()
    expect(open()).toBe(true)
    document.body.dispatchEvent(new Event('pointerdown', { bubbles: true }))
    await wrapper.vm.$nextTick()
    expect(open()).toBe(false)

    await button.trigger('click')
    await button.trigger('click')
    expect(open()).toBe(false)
  })

  it('opens the deal in the drawer when its row is clicked', async () => {
    const { row, workspace, wrapper } = await mountLoaded('zh-CN')
    await row('deal-nm').get('[data-testid="deal-stage"]').trigger('click')
    expect(workspace.openDealId).toBe('deal-nm')
    expect(row('deal-nm').attributes('aria-current')).toBe('true')
    expect(row('deal-nm').classes()).toContain('deal-row-open')
    // The name is a button: the keyboard way in.
    await row('deal-core').get('button[data-testid="deal-name"]').trigger('click')
    expect(workspace.openDealId).toBe('deal-core')
    expect(wrapper.findAll('[aria-current="true"]')).toHaveLength(1)
  })
})
