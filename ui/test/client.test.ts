import { beforeEach, describe, expect, it, vi } from 'vitest'
import { commands } from '../src/ipc/bindings'
import { IpcError, listAccounts, listDeals } from '../src/ipc/client'
import { accounts, deals } from './fixtures'

vi.mock('../src/ipc/bindings', () => ({
  commands: { listAccounts: vi.fn(), listDeals: vi.fn() },
}))

beforeEach(() => {
  vi.mocked(commands.listAccounts).mockResolvedValue({ status: 'ok', data: accounts })
  vi.mocked(commands.listDeals).mockResolvedValue({ status: 'ok', data: deals })
})

describe('ipc client', () => {
  it('unwraps ok results', async () => {
    await expect(listAccounts()).resolves.toEqual(accounts)
    await expect(listDeals()).resolves.toEqual(deals)
  })

  it('throws a typed IpcError carrying the code and message of an error result', async () => {
    vi.mocked(commands.listDeals).mockResolvedValue({
      status: 'error',
      error: { code: 'schema_too_new', message: 'workspace schema 7 is newer than 3', problems: [] },
    })
    const error = await listDeals().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(IpcError)
    expect(error).toBeInstanceOf(Error)
    expect(error).toMatchObject({ code: 'schema_too_new', message: 'workspace schema 7 is newer than 3', name: 'IpcError' })
  })

  it('reports a thrown Error (no Tauri runtime, bad payload) as internal', async () => {
    vi.mocked(commands.listAccounts).mockRejectedValue(new TypeError('window.__TAURI_INTERNALS__ is undefined'))
    await expect(listAccounts()).rejects.toMatchObject({
      code: 'internal',
      message: 'window.__TAURI_INTERNALS__ is undefined',
    })
  })

  it('builds an IpcError from an error body, an Error or anything else', () => {
    expect(IpcError.from({ code: 'conflict', message: 'stale' })).toMatchObject({ code: 'conflict', message: 'stale' })
    expect(IpcError.from(new Error('boom'))).toMatchObject({ code: 'internal', message: 'boom' })
    expect(IpcError.from('oops')).toMatchObject({ code: 'internal', message: 'oops' })
    const original = new IpcError('io', 'x')
    expect(IpcError.from(original)).toBe(original)
  })
})
