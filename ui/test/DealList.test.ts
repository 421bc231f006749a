import { flushPromises } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import DealList from '../src/components/DealList.vue'
import { listAccounts, listDeals } from '../src/ipc/client'
import { accounts, deals } from './fixtures'
import { mountWithApp } from './mount'

vi.mock('../src/ipc/client', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../src/ipc/client')>()
  return { ...actual, listAccounts: vi.fn(), listDeals: vi.fn() }
})

beforeEach(() => {
  vi.mocked(listAccounts).mockResolvedValue(accounts)
  vi.mocked(listDeals).mockResolvedValue(deals)
})

afterEach(() => {
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

describe('DealList', () => {
  it('shows every column in Chinese', async () => {
    const { wrapper, cell } = await mountLoaded('zh-CN')
    expect(wrapper.findAll('th').map(th => th.text()))
      .toEqual(['商机名称', '客户', '金额', '商机阶段', '分级', '状态', '预计签约'])
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
