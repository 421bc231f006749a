import type { Profile } from '../src/ipc/client'
import { emit } from '@tauri-apps/api/event'
import { clearMocks, mockIPC, mockWindows } from '@tauri-apps/api/mocks'
import { flushPromises } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import ProfilePanel from '../src/components/map/ProfilePanel.vue'
import UnsavedPrompt from '../src/components/UnsavedPrompt.vue'
import { applyEdit, IpcError, mapPalette, personProfile } from '../src/ipc/client'
import { onCloseRequested } from '../src/ipc/window'
import { answerUnsaved, asking, registerEditor, settleUnsaved } from '../src/modules/unsaved'
import { useAccountMapStore } from '../src/stores/accountMap'
import { palette } from './mapFixtures'
import { mountWithApp, unmountAll } from './mount'

vi.mock('../src/ipc/client', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../src/ipc/client')>()
  return { ...actual, personProfile: vi.fn(), applyEdit: vi.fn(), listCompetitors: vi.fn().mockResolvedValue([]), mapPalette: vi.fn() }
})

function profile(person: string): Profile {
  return {
    person,
    name: person === 'p1' ? '王建国' : '李娜',
    title: '行长',
    department: '行领导',
    notes: '',
    email: '',
    phone: '',
    account: 'acc',
    account_name: '华信银行',
    as_of: '2026-11-27',
    account_level: {
      orientation: 'unknown',
      attitude: 'positive',
      influence: 'high',
      interaction: { level: 'none', activities: [] },
      circles: [],
      leans_to: null,
    },
    deal_level: null,
  }
}

/** The account screen's part that matters here: the profile of the selected person, and the prompt. */
const Screen = defineComponent({
  setup() {
    const map = useAccountMapStore()
    return () => h('div', [
      map.selected ? h(ProfilePanel, { key: map.selected, person: map.selected }) : null,
      h(UnsavedPrompt),
    ])
  },
})

const offs: (() => void)[] = []

beforeEach(() => {
  vi.mocked(mapPalette).mockResolvedValue(palette())
  vi.mocked(personProfile).mockImplementation(async person => profile(person))
  vi.mocked(applyEdit).mockResolvedValue({ inverse: { op: 'update_person', id: 'p1', patch: {} } })
})

afterEach(() => {
  answerUnsaved('cancel')
  for (const off of offs.splice(0))
    off()
  unmountAll()
  clearMocks()
  document.body.innerHTML = ''
})

async function screenWithNotes(locale: 'zh-CN' | 'en' = 'zh-CN') {
  const mounted = mountWithApp(Screen, locale)
  const map = useAccountMapStore()
  map.select('p1')
  await flushPromises()
  await mounted.wrapper.get('[data-testid="profile-notes"]').setValue('周三约了技术交流')
  return { ...mounted, map }
}

describe('unsaved text when switching person', () => {
  it('marks the typed text as unsaved and states the rule', async () => {
    const { wrapper } = await screenWithNotes()
    expect(wrapper.get('[data-testid="unsaved-marker"]').text()).toBe('未保存的更改')
    expect(wrapper.get('[data-testid="unsaved-rule"]').text()).toContain('文字按「保存」才保存')
  })

  it('asks, and saves the text before showing the other person', async () => {
    const { wrapper, map } = await screenWithNotes()
    const switching = map.choose('p2')
    await flushPromises()
    const prompt = wrapper.get('[data-testid="unsaved-prompt"]')
    expect(prompt.text()).toContain('你输入的文字还没有保存')
    expect(prompt.findAll('button').map(b => b.text())).toEqual(['×', '取消', '不保存', '保存'])
    expect(map.selected).toBe('p1')
    await prompt.get('[data-testid="unsaved-save"]').trigger('click')
    expect(await switching).toBe(true)
    await flushPromises()
    expect(applyEdit).toHaveBeenCalledWith({ op: 'update_person', id: 'p1', patch: { notes: '周三约了技术交流' } })
    expect(map.selected).toBe('p2')
    expect(wrapper.find('[data-testid="unsaved-prompt"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="profile-panel"]').attributes('data-person')).toBe('p2')
  })

  it('stays on the person, text kept, when the user cancels (Esc)', async () => {
    const { wrapper, map } = await screenWithNotes('en')
    const switching = map.choose('p2')
    await flushPromises()
    const prompt = wrapper.get('[data-testid="unsaved-prompt"]')
    expect(prompt.findAll('.actions button').map(b => b.text())).toEqual(['Cancel', 'Discard', 'Save'])
    await prompt.trigger('keydown', { key: 'Escape' })
    expect(await switching).toBe(false)
    await flushPromises()
    expect(map.selected).toBe('p1')
    expect((wrapper.get('[data-testid="profile-notes"]').element as HTMLTextAreaElement).value).toBe('周三约了技术交流')
    expect(applyEdit).not.toHaveBeenCalled()
  })

  it('discards only when the user says so', async () => {
    const { wrapper, map } = await screenWithNotes()
    const switching = map.choose('p2')
    await flushPromises()
    await wrapper.get('[data-testid="unsaved-discard"]').trigger('click')
    expect(await switching).toBe(true)
    expect(map.selected).toBe('p2')
    expect(applyEdit).not.toHaveBeenCalled()
  })

  it('stays when the save is refused, and the text is still there', async () => {
    vi.mocked(applyEdit).mockRejectedValueOnce(new IpcError('invalid_input', 'name is empty'))
    const { wrapper, map } = await screenWithNotes()
    const switching = map.choose('p2')
    await flushPromises()
    await wrapper.get('[data-testid="unsaved-save"]').trigger('click')
    expect(await switching).toBe(false)
    await flushPromises()
    expect(map.selected).toBe('p1')
    expect((wrapper.get('[data-testid="profile-notes"]').element as HTMLTextAreaElement).value).toBe('周三约了技术交流')
  })

  it('does not ask when nothing was typed', async () => {
    mountWithApp(Screen)
    const map = useAccountMapStore()
    map.select('p1')
    await flushPromises()
    expect(await map.choose('p2')).toBe(true)
    expect(asking.value).toBe(false)
  })
})

describe('unsaved text when leaving a screen', () => {
  it('the router asks first, and stays on cancel', async () => {
    const { router } = mountWithApp(UnsavedPrompt)
    await router.isReady()
    const save = vi.fn(async () => true)
    offs.push(registerEditor({ dirty: () => true, save, discard: vi.fn() }))
    const leaving = router.push('/settings')
    await flushPromises()
    expect(asking.value).toBe(true)
    answerUnsaved('cancel')
    await leaving
    expect(router.currentRoute.value.path).toBe('/')
    const leavingAgain = router.push('/settings')
    await flushPromises()
    answerUnsaved('save')
    await leavingAgain
    expect(save).toHaveBeenCalledTimes(1)
    expect(router.currentRoute.value.path).toBe('/settings')
  })
})

describe('unsaved text when closing the window', () => {
  // Tauri's API mocked at its IPC boundary: the close request arrives as the
  // real event, and closing is the real `destroy` call.
  function desktopWindow(): string[] {
    const calls: string[] = []
    mockWindows('main')
    mockIPC((cmd) => {
      calls.push(cmd)
      return null
    }, { shouldMockEvents: true })
    return calls
  }

  it('asks; cancel keeps the window, save saves then closes', async () => {
    const calls = desktopWindow()
    offs.push(await onCloseRequested(settleUnsaved))
    let typed = true
    const save = vi.fn(async () => {
      typed = false
      return true
    })
    offs.push(registerEditor({ dirty: () => typed, save, discard: vi.fn() }))

    await emit('tauri://close-requested')
    await flushPromises()
    expect(asking.value).toBe(true)
    answerUnsaved('cancel')
    await flushPromises()
    expect(calls).not.toContain('plugin:window|destroy')

    await emit('tauri://close-requested')
    await flushPromises()
    answerUnsaved('save')
    await flushPromises()
    expect(save).toHaveBeenCalledTimes(1)
    expect(calls).toContain('plugin:window|destroy')
  })

  it('closes at once when nothing is unsaved', async () => {
    const calls = desktopWindow()
    offs.push(await onCloseRequested(settleUnsaved))
    await emit('tauri://close-requested')
    await flushPromises()
    expect(asking.value).toBe(false)
    expect(calls).toContain('plugin:window|destroy')
  })
})
