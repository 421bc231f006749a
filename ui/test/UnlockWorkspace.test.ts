import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import UnlockWorkspace from '../src/components/UnlockWorkspace.vue'
import { IpcError, unlockWorkspace } from '../src/ipc/client'
import { mountWithApp, unmountAll } from './mount'

vi.mock('../src/ipc/client', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../src/ipc/client')>()
  return { ...actual, unlockWorkspace: vi.fn() }
})

afterEach(() => {
  unmountAll()
  vi.mocked(unlockWorkspace).mockReset()
})

describe('unlockWorkspace', () => {
  it('says when the passphrase is wrong and opens with the right one', async () => {
    const { wrapper } = mountWithApp(UnlockWorkspace, 'zh-CN')
    expect(wrapper.text()).toContain('加密的工作区')
    vi.mocked(unlockWorkspace).mockRejectedValueOnce(new IpcError('wrong_passphrase', 'no'))
    await wrapper.get('[data-testid="unlock-passphrase"]').setValue('nope')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(wrapper.get('[data-testid="unlock-wrong"]').text()).toContain('口令不正确')
    expect(wrapper.emitted('unlocked')).toBeUndefined()
    vi.mocked(unlockWorkspace).mockResolvedValueOnce(null)
    await wrapper.get('[data-testid="unlock-passphrase"]').setValue('口令 1')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(unlockWorkspace).toHaveBeenLastCalledWith('口令 1')
    expect(wrapper.emitted('unlocked')).toHaveLength(1)
    expect(wrapper.find('[data-testid="unlock-wrong"]').exists()).toBe(false)
  })
})
