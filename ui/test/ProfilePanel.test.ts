import type { LegendEntry, Profile } from '../src/ipc/client'
import { flushPromises } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import MapLegend from '../src/components/map/MapLegend.vue'
import ProfilePanel from '../src/components/map/ProfilePanel.vue'
import { applyEdit, mapPalette, personProfile } from '../src/ipc/client'
import { look, palette } from './mapFixtures'
import { mountWithApp, unmountAll } from './mount'

vi.mock('../src/ipc/client', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../src/ipc/client')>()
  return { ...actual, personProfile: vi.fn(), applyEdit: vi.fn(), listCompetitors: vi.fn().mockResolvedValue([]), mapPalette: vi.fn() }
})

function profile(partial: Partial<Profile> = {}): Profile {
  return {
    person: 'p1',
    name: '<img src=x onerror=alert(1)>',
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
      interaction: { level: 'occasional', activities: ['a1', 'a2'] },
      circles: [],
      leans_to: null,
    },
    deal_level: null,
    ...partial,
  }
}

beforeEach(() => {
  vi.mocked(mapPalette).mockResolvedValue(palette())
  vi.mocked(personProfile).mockResolvedValue(profile())
  vi.mocked(applyEdit).mockResolvedValue({ inverse: { op: 'update_person', id: 'p1', patch: {} } })
})

afterEach(() => {
  unmountAll()
  document.body.innerHTML = ''
})

describe('profilePanel', () => {
  it('shows the four dimensions, user text as text, unknowns marked', async () => {
    const { wrapper } = mountWithApp(ProfilePanel, 'zh-CN', { person: 'p1' })
    await flushPromises()
    expect(wrapper.get('[data-testid="profile-heading"]').text()).toBe('<img src=x onerror=alert(1)>')
    expect(wrapper.find('img').exists()).toBe(false)
    expect((wrapper.get('[data-testid="profile-attitude"]').element as HTMLSelectElement).value).toBe('positive')
    // The choices are the core's values, in the core's order (its palette).
    expect(wrapper.findAll('[data-testid="profile-influence"] option').map(o => o.attributes('value'))).toEqual(palette().influences.map(i => i.influence))
    expect(wrapper.get('[data-testid="profile-orientation"]').classes()).toContain('unknown')
    expect(wrapper.get('[data-testid="profile-interaction"]').text()).toContain('偶尔接触')
    expect(wrapper.get('[data-testid="profile-activities"]').text()).toContain('a2')
  })

  it('saves edited text fields with Enter, sending only what changed', async () => {
    const { wrapper } = mountWithApp(ProfilePanel, 'zh-CN', { person: 'p1' })
    await flushPromises()
    const title = wrapper.get('[data-testid="profile-title"]')
    await title.setValue('党委书记、行长')
    await title.trigger('keydown', { key: 'Enter' })
    await flushPromises()
    expect(applyEdit).toHaveBeenCalledWith({ op: 'update_person', id: 'p1', patch: { title: '党委书记、行长' } })
  })

  it('applies a dimension at once and closes with Esc', async () => {
    const { wrapper } = mountWithApp(ProfilePanel, 'en', { person: 'p1' })
    await flushPromises()
    await wrapper.get('[data-testid="profile-attitude"]').setValue('strong_negative')
    await flushPromises()
    expect(applyEdit).toHaveBeenCalledWith({ op: 'update_person', id: 'p1', patch: { attitude: 'strong_negative' } })
    await wrapper.get('[data-testid="profile-panel"]').trigger('keydown', { key: 'Escape' })
    expect(wrapper.emitted('close')).toHaveLength(1)
  })
})

describe('mapLegend', () => {
  const entry = (channel: LegendEntry['channel'], key: string, label: string, label_en: string, mark = ''): LegendEntry =>
    ({ channel, key, label, label_en, colour: '#6639ba', stroke_width: 1, dash: null, mark })
  const entries = [
    entry('attitude_fill', 'strong_positive', '强正向', 'strong positive'),
    entry('role_badge', 'approver', '批准者', 'approver', '批'),
    entry('orientation_mark', 'professional', '专业型', 'professional', '专'),
  ]

  it('badges roles and marks orientations with the palette\'s glyph for the interface language', async () => {
    const zh = mountWithApp(MapLegend, 'zh-CN', { entries, look: look() })
    expect(zh.wrapper.get('[data-channel="role_badge"]').text()).toBe('甲批准者')
    expect(zh.wrapper.text()).toContain('强正向')
    const en = mountWithApp(MapLegend, 'en', { entries, look: look() })
    expect(en.wrapper.get('[data-channel="role_badge"]').text()).toBe('Apapprover')
    expect(en.wrapper.get('[data-channel="orientation_mark"]').text()).toBe('P1professional')
  })

  it('draws the markers with the palette\'s colours and words', async () => {
    const more = [...entries, entry('inside_source', 'inside_source', '内线', 'inside source', '★'), entry('leans_to', 'leans_to', '倾向竞争对手', 'leans to a competitor', '倾')]
    const { wrapper } = mountWithApp(MapLegend, 'en', { entries: more, look: look() })
    const star = wrapper.get('[data-channel="inside_source"] .sw-star')
    expect(star.text()).toBe('✦')
    expect((star.element as HTMLElement).style.color).toBe('rgb(137, 171, 205)')
    const leans = wrapper.get('[data-channel="leans_to"] .sw-leans')
    expect(leans.text()).toBe('tilts')
    expect((leans.element as HTMLElement).style.background).toContain('rgb(171, 205, 239)')
    expect((wrapper.get('[data-channel="orientation_mark"] .sw-mark').element as HTMLElement).style.color).toBe('rgb(103, 137, 171)')
  })
})
