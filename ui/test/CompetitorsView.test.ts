import { flushPromises } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { applyEdit, competitorLibrary } from '../src/ipc/client'
import { answerUnsaved, asking } from '../src/modules/unsaved'
import CompetitorsView from '../src/views/CompetitorsView.vue'
import { mountWithApp, unmountAll } from './mount'

vi.mock('../src/ipc/client', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../src/ipc/client')>()
  return { ...actual, applyEdit: vi.fn(), competitorLibrary: vi.fn() }
})

beforeEach(() => {
  vi.mocked(competitorLibrary).mockResolvedValue([
    { id: 'k-yunqing', name: '云擎科技', info: '' },
    { id: 'k-shuheng', name: '数衡软件', info: '' },
  ])
  vi.mocked(applyEdit).mockResolvedValue({ inverse: { op: 'remove_competitor', id: 'k-yunqing' }, created: null })
})

afterEach(() => {
  answerUnsaved('cancel')
  unmountAll()
})

describe('competitor library: typed text', () => {
  it('choosing another competitor asks first; save saves it, cancel keeps it', async () => {
    const { wrapper } = mountWithApp(CompetitorsView)
    await flushPromises()
    const rows = () => wrapper.findAll('[data-testid="competitor-row"]')
    await rows()[0]!.trigger('click')
    await wrapper.get('[data-testid="competitor-form"] textarea').setValue('国内分布式数据库厂商')

    await rows()[1]!.trigger('click')
    await flushPromises()
    expect(asking.value).toBe(true)
    answerUnsaved('cancel')
    await flushPromises()
    expect((wrapper.get('[data-testid="competitor-name"]').element as HTMLInputElement).value).toBe('云擎科技')
    expect((wrapper.get('[data-testid="competitor-form"] textarea').element as HTMLTextAreaElement).value).toBe('国内分布式数据库厂商')

    await rows()[1]!.trigger('click')
    await flushPromises()
    answerUnsaved('save')
    await flushPromises()
    expect(applyEdit).toHaveBeenCalledWith({ op: 'set_competitor', competitor: expect.objectContaining({ id: 'k-yunqing', info: '国内分布式数据库厂商' }) })
    expect((wrapper.get('[data-testid="competitor-name"]').element as HTMLInputElement).value).toBe('数衡软件')
  })
})
