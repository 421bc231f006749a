import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { dealHealth, IpcError, listAccounts, listDeals } from '../src/ipc/client'
import { useWorkspaceStore } from '../src/stores/workspace'
import { accounts, deals, health } from './fixtures'

vi.mock('../src/ipc/client', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../src/ipc/client')>()
  return { ...actual, listAccounts: vi.fn(), listDeals: vi.fn(), dealHealth: vi.fn() }
})

beforeEach(() => {
  setActivePinia(createPinia())
  vi.mocked(listAccounts).mockResolvedValue(accounts)
  vi.mocked(listDeals).mockResolvedValue(deals)
  vi.mocked(dealHealth).mockResolvedValue(health)
})

describe('workspace store: deal health', () => {
  it('loads the health of the deals with the deals, by deal id', async () => {
    const workspace = useWorkspaceStore()
    await workspace.load()
    expect(dealHealth).toHaveBeenCalledTimes(1)
    expect(workspace.healthByDeal.get('deal-core')?.win_rate.rate).toBe(20)
    expect(workspace.healthByDeal.get('deal-crm')?.win_rate.rate).toBeNull()
    expect(workspace.healthByDeal.get('nope')).toBeUndefined()
  })

  it('reports a failed health load like any other load error, and a retry recovers', async () => {
    vi.mocked(dealHealth).mockRejectedValueOnce(new IpcError('database', 'locked'))
    const workspace = useWorkspaceStore()
    await workspace.load()
    expect(workspace.error?.code).toBe('database')
    expect(workspace.loaded).toBe(false)
    await workspace.load()
    expect(workspace.error).toBeNull()
    expect(workspace.health).toHaveLength(4)
  })

  it('opens and closes a deal for the drawer', async () => {
    const workspace = useWorkspaceStore()
    await workspace.load()
    expect(workspace.openDeal).toBeNull()
    workspace.showDeal('deal-crm')
    expect(workspace.openDeal?.name).toBe('CRM 扩容')
    workspace.closeDeal()
    expect(workspace.openDealId).toBeNull()
  })
})
