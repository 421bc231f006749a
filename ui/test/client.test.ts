import type { Forecast } from '../src/ipc/client'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { commands } from '../src/ipc/bindings'
import { dealCurve, dealHealth, forecast, IpcError, listAccounts, listDeals, listPeople } from '../src/ipc/client'
import { accounts, coreCurve, deals, health } from './fixtures'

vi.mock('../src/ipc/bindings', () => ({
  commands: {
    listAccounts: vi.fn(),
    listDeals: vi.fn(),
    listPeople: vi.fn(),
    dealHealth: vi.fn(),
    dealCurve: vi.fn(),
    forecast: vi.fn(),
  },
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

  it('unwraps deal health, a deal\'s curve, the forecast and the people of an account', async () => {
    const empty: Forecast = {
      as_of: '2026-11-02',
      currency: 'CNY',
      open_deals: 0,
      total_amount: null,
      weighted: null,
      by_stage: [],
      by_grade: [],
      lines: [],
      unrated: [],
    }
    vi.mocked(commands.dealHealth).mockResolvedValue({ status: 'ok', data: health })
    vi.mocked(commands.dealCurve).mockResolvedValue({ status: 'ok', data: coreCurve })
    vi.mocked(commands.forecast).mockResolvedValue({ status: 'ok', data: empty })
    vi.mocked(commands.listPeople).mockResolvedValue({ status: 'ok', data: [] })
    await expect(dealHealth()).resolves.toEqual(health)
    await expect(dealCurve('deal-core')).resolves.toEqual(coreCurve)
    expect(commands.dealCurve).toHaveBeenCalledWith('deal-core')
    await expect(forecast()).resolves.toEqual(empty)
    await expect(listPeople('acc-hx')).resolves.toEqual([])
    expect(commands.listPeople).toHaveBeenCalledWith('acc-hx')
  })

  it('throws the core\'s error for a curve of an unknown deal', async () => {
    vi.mocked(commands.dealCurve).mockResolvedValue({
      status: 'error',
      error: { code: 'not_found', message: 'deal d-x not found', problems: [] },
    })
    await expect(dealCurve('d-x')).rejects.toMatchObject({ name: 'IpcError', code: 'not_found' })
  })
})
