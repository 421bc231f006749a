import { flushPromises } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import App from '../src/App.vue'
import { dealHealth, listAccounts, listDeals } from '../src/ipc/client'
import { createAppI18n, detectLocale, initialLocale, LOCALE_STORAGE_KEY } from '../src/modules/i18n'
import { accounts, deals, health } from './fixtures'
import { mountWithApp } from './mount'

vi.mock('../src/ipc/client', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../src/ipc/client')>()
  return { ...actual, listAccounts: vi.fn(), listDeals: vi.fn(), dealHealth: vi.fn() }
})

beforeEach(() => {
  localStorage.clear()
  document.documentElement.removeAttribute('lang')
  vi.mocked(listAccounts).mockResolvedValue(accounts)
  vi.mocked(listDeals).mockResolvedValue(deals)
  vi.mocked(dealHealth).mockResolvedValue(health)
})

afterEach(() => {
  document.body.innerHTML = ''
})

describe('detectLocale', () => {
  it.each([
    [['zh-CN', 'en-US'], 'zh-CN'],
    [['zh'], 'zh-CN'],
    [['zh-TW', 'en'], 'zh-CN'],
    [['zh-Hans-CN'], 'zh-CN'],
    [['fr-FR', 'zh-CN'], 'zh-CN'],
    [['en-US', 'zh-CN'], 'en'],
    [['en-GB'], 'en'],
    [['de-DE', 'fr'], 'en'],
    [[], 'en'],
  ])('%j → %s', (languages, expected) => {
    expect(detectLocale(languages)).toBe(expected)
  })
})

describe('initialLocale', () => {
  it('follows navigator.languages when nothing is stored', () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['zh-CN', 'en'])
    expect(initialLocale()).toBe('zh-CN')
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['en-US'])
    expect(initialLocale()).toBe('en')
  })

  it('prefers the stored user choice over the system languages', () => {
    localStorage.setItem(LOCALE_STORAGE_KEY, 'en')
    expect(initialLocale(['zh-CN'])).toBe('en')
  })

  it('ignores a stored value that is not a supported locale', () => {
    localStorage.setItem(LOCALE_STORAGE_KEY, 'klingon')
    expect(initialLocale(['zh-CN'])).toBe('zh-CN')
  })

  it('sets <html lang> when the i18n instance is created', () => {
    createAppI18n('en')
    expect(document.documentElement.lang).toBe('en')
    createAppI18n('zh-CN')
    expect(document.documentElement.lang).toBe('zh-CN')
  })
})

describe('language switch', () => {
  it('switches labels, <html lang>, the document title and the stored choice', async () => {
    const { wrapper } = mountWithApp(App, 'zh-CN')
    await flushPromises()

    const accountTitle = () => wrapper.get('[data-testid="account-list"] h2').text()
    const dealHeaders = () => wrapper.findAll('[data-testid="deal-list"] th').map(th => th.text())

    expect(wrapper.get('[data-testid="app-title"]').text()).toBe('沙盘 Sandtable')
    expect(accountTitle()).toBe('客户')
    expect(dealHeaders()).toContain('商机阶段')
    expect(document.documentElement.lang).toBe('zh-CN')
    expect(wrapper.get('[data-testid="lang-zh"]').attributes('aria-pressed')).toBe('true')
    expect(wrapper.get('[data-testid="lang-en"]').attributes('aria-pressed')).toBe('false')

    await wrapper.get('[data-testid="lang-en"]').trigger('click')

    expect(accountTitle()).toBe('Accounts')
    expect(dealHeaders()).toEqual(['Deal', 'Account', 'Amount', 'Stage', 'Grade', 'Win rate', 'Flags', 'Status', 'Expected close'])
    expect(document.documentElement.lang).toBe('en')
    expect(document.title).toBe('Sandtable')
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('en')
    expect(wrapper.get('[data-testid="lang-en"]').attributes('aria-pressed')).toBe('true')

    await wrapper.get('[data-testid="lang-zh"]').trigger('click')

    expect(accountTitle()).toBe('客户')
    expect(document.documentElement.lang).toBe('zh-CN')
    expect(document.title).toBe('沙盘 Sandtable')
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('zh-CN')
    wrapper.unmount()
  })

  it('starts in the stored language on the next launch', async () => {
    localStorage.setItem(LOCALE_STORAGE_KEY, 'en')
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['zh-CN'])
    const { wrapper } = mountWithApp(App, initialLocale())
    await flushPromises()
    expect(wrapper.get('[data-testid="account-list"] h2').text()).toBe('Accounts')
    wrapper.unmount()
  })
})
