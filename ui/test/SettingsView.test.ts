import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { applyEdit, backupNow, IpcError, setPassphrase, workspaceEncrypted, workspaceSettings } from '../src/ipc/client'
import SettingsView from '../src/views/SettingsView.vue'
import { mountWithApp, unmountAll } from './mount'

vi.mock('../src/ipc/client', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../src/ipc/client')>()
  return { ...actual, applyEdit: vi.fn(), backupNow: vi.fn(), setPassphrase: vi.fn(), workspaceEncrypted: vi.fn(), workspaceSettings: vi.fn() }
})

const SETTINGS = { tactics: [{ strategy: 'frontal', text: '高层拜访' }], stages: [] } as never

afterEach(() => {
  unmountAll()
  vi.clearAllMocks()
})

describe('settingsView', () => {
  it('takes a backup and shows where it went, or the translated error', async () => {
    vi.mocked(workspaceEncrypted).mockResolvedValue(false)
    vi.mocked(workspaceSettings).mockResolvedValue(SETTINGS)
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

  it('lets "backed up to…" go away by itself after a few seconds', async () => {
    vi.useFakeTimers()
    try {
      vi.mocked(workspaceEncrypted).mockResolvedValue(false)
      vi.mocked(workspaceSettings).mockResolvedValue(SETTINGS)
      const { wrapper } = mountWithApp(SettingsView, 'zh-CN')
      await flushPromises()
      vi.mocked(backupNow).mockResolvedValueOnce('/x/backups/ws-manual.db')
      await wrapper.get('[data-testid="backup-now"]').trigger('click')
      await flushPromises()
      expect(wrapper.get('[data-testid="settings-done"]').text()).toBe('已备份到 /x/backups/ws-manual.db')
      await vi.advanceTimersByTimeAsync(4000)
      expect(wrapper.find('[data-testid="settings-done"]').exists()).toBe(true)
      await vi.advanceTimersByTimeAsync(1500)
      expect(wrapper.find('[data-testid="settings-done"]').exists()).toBe(false)
    }
    finally {
      vi.useRealTimers()
    }
  })

  it('encrypts only when both passphrases agree', async () => {
    vi.mocked(workspaceEncrypted).mockResolvedValueOnce(false).mockResolvedValueOnce(true)
    vi.mocked(setPassphrase).mockResolvedValue('/x/backups/old.db')
    vi.mocked(workspaceSettings).mockResolvedValue(SETTINGS)
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

describe('tactics library', () => {
  it('adds a tactic under its strategy and saves the settings through an edit', async () => {
    vi.mocked(workspaceEncrypted).mockResolvedValue(false)
    vi.mocked(workspaceSettings).mockResolvedValue(SETTINGS)
    vi.mocked(applyEdit).mockResolvedValue({ inverse: { op: 'remove_activity', id: 'x' }, created: null })
    const { wrapper } = mountWithApp(SettingsView, 'zh-CN')
    await flushPromises()
    const library = wrapper.get('[data-testid="tactics-library"]')
    expect(library.text()).toContain('高层拜访')
    const flanking = library.findAll('.strategy')[1]!
    await flanking.get('input').setValue('<b>引入第三方测评</b>')
    await flanking.get('form').trigger('submit')
    expect(flanking.text()).toContain('<b>引入第三方测评</b>')
    await wrapper.get('[data-testid="tactics-save"]').trigger('click')
    await flushPromises()
    expect(applyEdit).toHaveBeenCalledWith({ op: 'update_settings', settings: { tactics: [{ strategy: 'frontal', text: '高层拜访' }, { strategy: 'flanking', text: '<b>引入第三方测评</b>' }], stages: [] } })
    expect(wrapper.get('[data-testid="settings-done"]').text()).toBe('战术库已保存。')
  })
})
