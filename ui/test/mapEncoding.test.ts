// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { badgeKey, badgeSvg, badgeUrl } from '../src/modules/mapBadges'
import {
  ATTITUDES,
  attitudeColours,
  edgeStyle,
  fitText,
  INTERACTIONS,
  interactionBorder,
  orientationMark,
  ORIENTATIONS,
  roleBadge,
  ROLES,
  textWidth,
} from '../src/modules/mapEncoding'
import { encoding } from './mapFixtures'

describe('map encoding (same palette as src/layout/encoding.rs)', () => {
  it('gives every attitude its own colour, strong positive to strong negative', () => {
    expect(ATTITUDES.map(a => attitudeColours(a).strong)).toEqual(['#1a7f37', '#4ac26b', '#8c959f', '#f47067', '#b62324', '#d0d7de'])
    expect(attitudeColours('unknown').tint).toBe('#ffffff')
  })

  it('thickens the border with interaction; none is dashed', () => {
    const widths = INTERACTIONS.map(i => interactionBorder(i).width)
    expect(widths).toEqual([1, 1.2, 2.4, 4])
    expect(interactionBorder('none').dash).toEqual([4, 3])
    expect(interactionBorder('deep').dash).toBeNull()
  })

  it('badges decision roles 批/决/评/用 in Chinese and A/D/E/U in English', () => {
    expect(ROLES.map(r => roleBadge(r, 'zh-CN').glyph)).toEqual(['批', '决', '评', '用', '?'])
    expect(ROLES.map(r => roleBadge(r, 'en').glyph)).toEqual(['A', 'D', 'E', 'U', '?'])
    expect(roleBadge('approver', 'en').colour).toBe(roleBadge('approver', 'zh-CN').colour)
  })

  it('marks every orientation distinctly, unknown with "?"', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const marks = ORIENTATIONS.map(o => orientationMark(o, locale))
      expect(new Set(marks).size).toBe(marks.length)
      expect(orientationMark('unknown', locale)).toBe('?')
    }
    expect(orientationMark('professional_pragmatic', 'zh-CN')).toBe('专务')
  })

  it('draws influence wider with strength, dotted lines dashed', () => {
    expect(edgeStyle('influence', 1).width).toBeCloseTo(1.5)
    expect(edgeStyle('influence', 3).width).toBeCloseTo(3.3)
    expect(edgeStyle('influence', 9).width).toBeCloseTo(3.3)
    expect(edgeStyle('dotted_line', null).dash).toEqual([6, 4])
    expect(edgeStyle('decision', null).directed).toBe(true)
    expect(edgeStyle('reporting', null).directed).toBe(false)
  })

  it('measures and cuts text like the SVG export', () => {
    expect(textWidth('张伟', 10)).toBe(20)
    expect(fitText('短', 12, 100)).toBe('短')
    const cut = fitText('很长很长很长很长的职务名称', 12, 60)
    expect(cut.endsWith('…')).toBe(true)
    expect(textWidth(cut, 12)).toBeLessThanOrEqual(60)
  })
})

describe('box markers', () => {
  const base = { hiddenReports: 0, width: 184, height: 60, layer: 'decision' as const }

  it('draws the role badge in the interface language', () => {
    const zh = badgeSvg({ ...base, encoding: encoding({ role: 'decision_maker' }), locale: 'zh-CN' })
    const en = badgeSvg({ ...base, encoding: encoding({ role: 'decision_maker' }), locale: 'en' })
    expect(zh).toContain('>决</text>')
    expect(en).toContain('>D</text>')
  })

  it('shows an unknown attitude as a hollow dashed stripe and an unknown orientation as "?"', () => {
    const svg = badgeSvg({ ...base, encoding: encoding(), locale: 'zh-CN' })
    expect(svg).toContain('stroke-dasharray="2 2"')
    expect(svg).toContain('>?</text>')
  })

  it('adds the inside-source star, the leaning tag and the folded count', () => {
    const svg = badgeSvg({ ...base, hiddenReports: 12, encoding: encoding({ inside_source: true, leans_to: 'k1', leans_to_name: '<evil>' }), locale: 'zh-CN' })
    expect(svg).toContain('★')
    expect(svg).toContain('>倾向</text>')
    expect(svg).toContain('>+12</text>')
    // The competitor's name is user text: never inside the picture.
    expect(svg).not.toContain('evil')
  })

  it('caches one picture per look', () => {
    const a = { ...base, encoding: encoding({ attitude: 'positive' }), locale: 'zh-CN' as const }
    const b = { ...base, encoding: encoding({ attitude: 'positive', leans_to_name: 'x', leans_to: null }), locale: 'zh-CN' as const }
    expect(badgeKey(a)).toBe(badgeKey(b))
    expect(badgeUrl(a)).toBe(badgeUrl(b))
    expect(badgeUrl(a)).toMatch(/^(data:image\/svg\+xml;base64,|blob:)/)
    expect(badgeKey({ ...a, locale: 'en' })).not.toBe(badgeKey(a))
  })
})
