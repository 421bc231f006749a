import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { backupNow, IpcError, setPassphrase, workspaceEncrypted } from '../src/ipc/client'
import SettingsView from '../src/views/SettingsView.vue'
import { mountWithApp, unmountAll } from './mount'

vi.mock('../src/ipc/client', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../src/ipc/client')>()
  return { ...actual, backupNow: vi.fn(), setPassphrase: vi.fn(), workspaceEncrypted: vi.fn() }
})

afterEach(() => {
  unmountAll()
  vi.clearAllMocks()
})

describe('SettingsView', () => {
  it('takes a backup and shows where it went, or the translated error', async () => {
    vi.mocked(workspaceEncrypted).mockResolvedValue(false)
    const { wrapper } = mountWithApp(SettingsView, 'en')
    await flushPromises()
    expect(wrapper.get('[data-testid="encryption-state"]').text()).toBe('This workspace is not encrypted.')
    vi.mocked(backupNow).mockResolvedValueOnce('/x/backups/ws-manual.db')
    await wrapper.get('[data-testid="backup-now"]').trigger('click')
    await flushPromises()
    expect(wrapper.get('[data-testid="settings-done"]').text()).toBe('Backed up to /x/backups/ws-manual.db')
    vi.mocked(backupNow).mockRejectedValueOnce(new IpcError('io', 'disk full'))
    await wrapper.get('[data-testid="backup-now"]').trigger('click')
    await flushPromises()
    expect(wrapper.text()).toContain('Reading or writing a file failed.')
  })

  it('encrypts only when both passphrases agree', async () => {
    vi.mocked(workspaceEncrypted).mockResolvedValueOnce(false).mockResolvedValueOnce(true)
    vi.mocked(setPassphrase).mockResolvedValue('/x/backups/old.db')
    const { wrapper } = mountWithApp(SettingsView, 'zh-CN')
    await flushPromises()
    const [first, second] = wrapper.findAll('input[type="password"]')
    await first!.setValue('口令一')
    await second!.setValue('口令二')
    expect(wrapper.text()).toContain('两次输入的口令不一致')
    await wrapper.get('form').trigger('submit')
    expect(setPassphrase).not.toHaveBeenCalled()
    await second!.setValue('口令一')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(setPassphrase).toHaveBeenCalledWith('口令一')
    expect(wrapper.get('[data-testid="encryption-state"]').text()).toBe('此工作区已加密。')
  })
})
