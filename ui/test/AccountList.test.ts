import { flushPromises } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import AccountList from '../src/components/AccountList.vue'
import { dealHealth, listAccounts, listDeals } from '../src/ipc/client'
import HomeView from '../src/views/HomeView.vue'
import { accounts, deals, health } from './fixtures'
import { mountWithApp, texts } from './mount'

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
  document.body.innerHTML = ''
})

async function mountLoaded(locale: 'zh-CN' | 'en' = 'zh-CN') {
  const mounted = mountWithApp(AccountList, locale)
  await mounted.workspace.load()
  await flushPromises()
  return mounted
}

describe('accountList', () => {
  it('shows one row per account with its id, name, industry, region, people and open deals', async () => {
    const { wrapper } = await mountLoaded('zh-CN')
    const rows = wrapper.findAll('[data-testid="account-row"]')
    expect(rows.map(row => row.attributes('data-id'))).toEqual(['acc-hx', 'acc-nm', 'acc-evil'])

    const first = rows[0]!
    expect(first.get('[data-testid="account-name"]').text()).toBe('华信银行')
    expect(first.get('[data-testid="account-industry"]').text()).toBe('金融')
    expect(first.get('[data-testid="account-region"]').text()).toBe('华东')
    expect(first.get('[data-testid="account-people"]').text()).toBe('12 人')
    expect(first.get('[data-testid="account-open-deals"]').text()).toBe('2')
    expect(first.get('[data-testid="account-open-deals"]').attributes('title')).toBe('进行中商机：2')
    expect(wrapper.get('[data-testid="account-count"]').text()).toBe('3')
    expect(wrapper.get('[data-testid="account-all"]').text()).toContain('全部客户')
  })

  it('translates labels and pluralises people in English', async () => {
    const { wrapper } = await mountLoaded('en')
    expect(wrapper.get('h2').text()).toBe('Accounts')
    expect(texts(wrapper, 'account-people')).toEqual(['12 people', '1 person', 'no people'])
    expect(wrapper.findAll('[data-testid="account-open-deals"]')[0]!.attributes('title')).toBe('Open deals: 2')
    expect(wrapper.get('[data-testid="account-all"]').text()).toContain('All accounts')
  })

  it('skips an empty region rather than showing a dangling separator', async () => {
    const { wrapper } = await mountLoaded()
    const evil = wrapper.get('[data-testid="account-row"][data-id="acc-evil"]')
    expect(evil.find('[data-testid="account-region"]').exists()).toBe(false)
  })

  it('renders markup in user-typed names as text', async () => {
    const { wrapper } = await mountLoaded()
    const evil = wrapper.get('[data-testid="account-row"][data-id="acc-evil"]')
    expect(evil.get('[data-testid="account-name"]').text()).toBe('<script>alert(1)</script>')
    expect(evil.get('[data-testid="account-industry"]').text()).toBe('<b>x</b>')
    expect(wrapper.find('script').exists()).toBe(false)
    expect(wrapper.find('b').exists()).toBe(false)
    expect(document.querySelector('[data-testid="account-list"] script, [data-testid="account-list"] b')).toBeNull()
  })

  it('shows an empty state when the workspace has no accounts', async () => {
    vi.mocked(listAccounts).mockResolvedValue([])
    vi.mocked(listDeals).mockResolvedValue([])
    const { wrapper } = await mountLoaded()
    expect(wrapper.find('[data-testid="account-row"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="account-empty"]').text()).toBe('暂无客户')
  })
})

describe('filtering deals by account', () => {
  async function mountHome() {
    const mounted = mountWithApp(HomeView, 'zh-CN')
    await flushPromises()
    return mounted
  }

  const dealIds = (wrapper: Awaited<ReturnType<typeof mountHome>>['wrapper']) =>
    wrapper.findAll('[data-testid="deal-row"]').map(row => row.attributes('data-id'))

  it('loads the workspace on mount and shows every deal', async () => {
    const { wrapper } = await mountHome()
    expect(listAccounts).toHaveBeenCalledTimes(1)
    expect(listDeals).toHaveBeenCalledTimes(1)
    expect(dealIds(wrapper)).toEqual(['deal-core', 'deal-crm', 'deal-nm', 'deal-evil'])
    expect(wrapper.find('[data-testid="deal-filter"]').exists()).toBe(false)
  })

  it('narrows the deals to the clicked account, and clicking it again clears the filter', async () => {
    const { wrapper } = await mountHome()
    const row = wrapper.get('[data-testid="account-row"][data-id="acc-hx"]')

    await row.trigger('click')
    expect(dealIds(wrapper)).toEqual(['deal-core', 'deal-crm'])
    expect(row.attributes('aria-pressed')).toBe('true')
    expect(wrapper.get('[data-testid="account-all"]').attributes('aria-pressed')).toBe('false')
    expect(wrapper.get('[data-testid="deal-filter"]').text()).toContain('客户：华信银行')
    expect(wrapper.get('[data-testid="deal-count"]').text()).toBe('2')

    await row.trigger('click')
    expect(dealIds(wrapper)).toHaveLength(4)
    expect(row.attributes('aria-pressed')).toBe('false')
    expect(wrapper.find('[data-testid="deal-filter"]').exists()).toBe(false)
  })

  it('switches from one account to another', async () => {
    const { wrapper } = await mountHome()
    await wrapper.get('[data-testid="account-row"][data-id="acc-hx"]').trigger('click')
    await wrapper.get('[data-testid="account-row"][data-id="acc-nm"]').trigger('click')
    expect(dealIds(wrapper)).toEqual(['deal-nm'])
  })

  it('clears the filter from the "all accounts" row and from the filter chip', async () => {
    const { wrapper } = await mountHome()
    await wrapper.get('[data-testid="account-row"][data-id="acc-nm"]').trigger('click')
    await wrapper.get('[data-testid="account-all"]').trigger('click')
    expect(dealIds(wrapper)).toHaveLength(4)

    await wrapper.get('[data-testid="account-row"][data-id="acc-nm"]').trigger('click')
    await wrapper.get('[data-testid="deal-filter-clear"]').trigger('click')
    expect(dealIds(wrapper)).toHaveLength(4)
  })

  it('says so when the selected account has no deals', async () => {
    vi.mocked(listDeals).mockResolvedValue(deals.filter(d => d.account !== 'acc-nm'))
    const { wrapper } = await mountHome()
    await wrapper.get('[data-testid="account-row"][data-id="acc-nm"]').trigger('click')
    expect(dealIds(wrapper)).toEqual([])
    expect(wrapper.get('[data-testid="deal-empty"]').text()).toBe('该客户暂无商机')
  })

  it('shows a selected account name with markup as text in the filter chip', async () => {
    const { wrapper } = await mountHome()
    await wrapper.get('[data-testid="account-row"][data-id="acc-evil"]').trigger('click')
    expect(wrapper.get('[data-testid="deal-filter"]').text()).toContain('客户：<script>alert(1)</script>')
    expect(wrapper.find('script').exists()).toBe(false)
    expect(wrapper.find('b').exists()).toBe(false)
  })
})
