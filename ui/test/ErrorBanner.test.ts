import type { IpcErrorBody } from '../src/ipc/client'
import type { AppLocale } from '../src/modules/i18n'
import { flushPromises } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import ErrorBanner from '../src/components/ErrorBanner.vue'
import { dealHealth, ERROR_CODES, IpcError, listAccounts, listDeals } from '../src/ipc/client'
import en from '../src/locales/en.json'
import zhCN from '../src/locales/zh-CN.json'
import HomeView from '../src/views/HomeView.vue'
import { accounts, deals, health } from './fixtures'
import { mountWithApp } from './mount'

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

function mountBanner(error: IpcErrorBody, locale: AppLocale) {
  const Host = defineComponent(() => () => h(ErrorBanner, { error }))
  return mountWithApp(Host, locale).wrapper
}

describe('errorBanner', () => {
  it.each(ERROR_CODES)('shows the translated text for %s in both languages', (code) => {
    const zh = mountBanner({ code, message: 'raw detail' }, 'zh-CN')
    expect(zh.get('[data-testid="error-banner"]').attributes('data-code')).toBe(code)
    expect(zh.get('[data-testid="error-text"]').text()).toBe(zhCN.errors[code])
    expect(zh.get('[data-testid="error-detail"]').text()).toBe('raw detail')

    const english = mountBanner({ code, message: 'raw detail' }, 'en')
    expect(english.get('[data-testid="error-text"]').text()).toBe(en.errors[code])
  })

  it('uses the Chinese wording for a workspace from a newer version', () => {
    const wrapper = mountBanner({ code: 'schema_too_new', message: 'schema 9 > 3' }, 'zh-CN')
    expect(wrapper.get('[data-testid="error-text"]').text()).toContain('更新版本')
  })

  it('falls back to a generic text that includes the raw message for an unknown code', () => {
    const zh = mountBanner({ code: 'quota_exceeded', message: 'disk is full' }, 'zh-CN')
    expect(zh.get('[data-testid="error-text"]').text()).toBe('发生未知错误：disk is full')
    expect(zh.find('[data-testid="error-detail"]').exists()).toBe(false)

    const english = mountBanner({ code: 'quota_exceeded', message: 'disk is full' }, 'en')
    expect(english.get('[data-testid="error-text"]').text()).toBe('Unexpected error: disk is full')
  })

  it('does not treat a code as a message path', () => {
    const wrapper = mountBanner({ code: 'generic', message: 'm' }, 'en')
    expect(wrapper.get('[data-testid="error-text"]').text()).toBe('Unexpected error: m')
  })

  it('renders markup in the raw message as text', () => {
    const wrapper = mountBanner({ code: 'nope', message: '<b>x</b><script>alert(1)</script>' }, 'en')
    expect(wrapper.get('[data-testid="error-text"]').text()).toBe('Unexpected error: <b>x</b><script>alert(1)</script>')
    expect(wrapper.find('b').exists()).toBe(false)
    expect(wrapper.find('script').exists()).toBe(false)
  })

  it('is an alert for assistive technology', () => {
    const wrapper = mountBanner({ code: 'io', message: '' }, 'zh-CN')
    expect(wrapper.get('[data-testid="error-banner"]').attributes('role')).toBe('alert')
    expect(wrapper.find('[data-testid="error-detail"]').exists()).toBe(false)
  })
})

describe('load errors on the home view', () => {
  it('shows the translated banner when loading fails, and retry recovers', async () => {
    vi.mocked(listDeals).mockRejectedValueOnce(new IpcError('database', 'disk I/O error'))
    const { wrapper } = mountWithApp(HomeView, 'zh-CN')
    await flushPromises()

    expect(wrapper.get('[data-testid="error-text"]').text()).toBe('数据库出错。')
    expect(wrapper.get('[data-testid="error-detail"]').text()).toBe('disk I/O error')
    expect(wrapper.find('[data-testid="deal-row"]').exists()).toBe(false)

    await wrapper.get('[data-testid="error-retry"]').trigger('click')
    await flushPromises()
    expect(wrapper.find('[data-testid="error-banner"]').exists()).toBe(false)
    expect(wrapper.findAll('[data-testid="deal-row"]')).toHaveLength(4)
  })

  it('can be dismissed', async () => {
    vi.mocked(listAccounts).mockRejectedValueOnce(new IpcError('io', 'permission denied'))
    const { wrapper } = mountWithApp(HomeView, 'en')
    await flushPromises()
    expect(wrapper.get('[data-testid="error-text"]').text()).toBe(en.errors.io)
    await wrapper.get('[data-testid="error-dismiss"]').trigger('click')
    expect(wrapper.find('[data-testid="error-banner"]').exists()).toBe(false)
  })
})
