import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import TransferStatus from '../src/components/TransferStatus.vue'
import { useTransfersStore } from '../src/stores/transfers'
import { mountWithApp, unmountAll } from './mount'

afterEach(() => {
  vi.useRealTimers()
  unmountAll()
})

describe('status lines of imports and exports', () => {
  it('go away by themselves after a few seconds', async () => {
    vi.useFakeTimers()
    const { wrapper } = mountWithApp(TransferStatus, 'zh-CN')
    const transfers = useTransfersStore()
    transfers.result = { kind: 'exportSvg', path: '/home/u/华信银行.svg' }
    await flushPromises()
    expect(wrapper.get('[data-testid="transfer-result"]').text()).toBe('已保存到 /home/u/华信银行.svg ×')
    await vi.advanceTimersByTimeAsync(4500)
    expect(wrapper.find('[data-testid="transfer-result"]').exists()).toBe(true)
    await vi.advanceTimersByTimeAsync(1000)
    expect(wrapper.find('[data-testid="transfer-result"]').exists()).toBe(false)
    expect(transfers.result).toBeNull()
  })

  it('do not follow the user to another screen (cleared when the screen showing them goes away)', async () => {
    const { wrapper } = mountWithApp(TransferStatus, 'en')
    const transfers = useTransfersStore()
    transfers.result = { kind: 'importPeople', people: 12 }
    await flushPromises()
    expect(wrapper.get('[data-testid="transfer-result"]').text()).toContain('12')
    wrapper.unmount()
    // Another screen's status line (same store) has nothing left to show.
    expect(transfers.result).toBeNull()
  })
})
