// @vitest-environment node
import cytoscape from 'cytoscape'
import { describe, expect, it } from 'vitest'
import { badgeKey, badgeSvg, badgeUrl, clusterWidth } from '../src/modules/mapBadges'
import { layoutElements } from '../src/modules/mapElements'
import { mapLook } from '../src/modules/mapEncoding'
import { mapStylesheet } from '../src/modules/mapStyle'
import { encoding, look, palette, reportingLayout } from './mapFixtures'

describe('map encoding: lookups over the core\'s palette', () => {
  const l = look()

  it('lists every value of each dimension in the palette\'s order', () => {
    expect(l.attitudes).toEqual(['strong_positive', 'positive', 'neutral', 'negative', 'strong_negative', 'unknown'])
    expect(l.interactions).toEqual(['none', 'occasional', 'frequent', 'deep'])
    expect(l.roles).toEqual(['approver', 'decision_maker', 'evaluator', 'user', 'unknown'])
    expect(l.influences).toEqual(['high', 'medium', 'low', 'unknown'])
    expect(l.edgeKinds).toEqual(['reporting', 'dotted_line', 'influence', 'decision'])
    const reordered = palette()
    reordered.attitudes.reverse()
    expect(mapLook(reordered).attitudes[0]).toBe('unknown')
  })

  it('takes colours, borders and pips from the palette', () => {
    expect(l.attitudes.map(a => l.attitudeColours(a).strong)).toEqual(['#a00001', '#a00002', '#a00003', '#a00004', '#a00005', '#a00006'])
    expect(l.attitudeColours('unknown').tint).toBe('#b00006')
    expect(l.interactions.map(i => l.interactionBorder(i).width)).toEqual([1.5, 2, 3, 5])
    expect(l.interactionBorder('none').dash).toEqual([5, 2])
    expect(l.interactionBorder('deep').dash).toBeNull()
    expect(l.influencePips('high')).toBe(4)
    expect(l.influencePips('unknown')).toBeNull()
  })

  it('draws role badges and orientation marks in the interface language', () => {
    expect(l.roles.map(r => l.roleBadge(r, 'zh-CN').glyph)).toEqual(['甲', '乙', '丙', '丁', '？'])
    expect(l.roles.map(r => l.roleBadge(r, 'en').glyph)).toEqual(['Ap', 'Dm', 'Ev', 'Us', '??'])
    expect(l.roleBadge('approver', 'en').colour).toBe('#c00001')
    expect(l.roleBadge('approver', 'zh-CN').colour).toBe('#c00001')
    expect(l.orientationMark('professional_pragmatic', 'zh-CN')).toBe('专务x')
    expect(l.orientationMark('professional_pragmatic', 'en')).toBe('P3')
  })

  it('widens an edge by strength from the palette\'s widths, capped at the last', () => {
    expect(l.edgeStyle('influence', null).width).toBe(1)
    expect(l.edgeStyle('influence', 2).width).toBe(2)
    expect(l.edgeStyle('influence', 3).width).toBe(3.5)
    expect(l.edgeStyle('influence', 9).width).toBe(3.5)
    expect(l.edgeStyle('influence', 0).width).toBe(1)
    expect(l.edgeStyle('reporting', 3).width).toBe(1.1)
    expect(l.edgeStyle('influence', 1)).toMatchObject({ colour: '#d00003', opacity: 0.5, directed: true, dash: null })
    expect(l.edgeStyle('dotted_line', null)).toMatchObject({ dash: [7, 3], directed: false })
  })

  it('cycles circle and band regions', () => {
    expect(l.circleColours(0).fill).toBe('#e00001')
    expect(l.circleColours(3).fill).toBe('#e00002')
    expect(l.circleColours(-1).fill).toBe('#e00002')
    expect(l.bandColours(1).fill).toBe('#f00003')
  })

  it('measures and cuts text with the palette\'s metrics', () => {
    expect(l.textWidth('张伟', 10)).toBeCloseTo(22)
    expect(l.textWidth('A a', 10)).toBeCloseTo(7 + 2.5 + 5)
    expect(l.fitText('短', 12, 100)).toBe('短')
    const cut = l.fitText('很长很长很长很长的职务名称', 12, 60)
    expect(cut.endsWith('…')).toBe(true)
    expect(l.textWidth(cut, 12)).toBeLessThanOrEqual(60)
    expect(l.textWidth(`${cut.slice(0, -1)}长…`, 12)).toBeGreaterThan(60)
  })

  it('refuses a palette that misses a value', () => {
    const broken = palette()
    broken.roles = broken.roles.filter(r => r.role !== 'user')
    expect(() => mapLook(broken).roleBadge('user', 'zh-CN')).toThrow(/no role "user"/)
  })
})

describe('the Cytoscape stylesheet', () => {
  const l = look()
  const sheet = mapStylesheet(l)
  const rule = (selector: string) => {
    const found = sheet.find(r => 'selector' in r && r.selector === selector)
    return found && 'style' in found ? found.style as Record<string, unknown> : undefined
  }

  it('outlines boxes, rounds them and inks their labels with the palette', () => {
    expect(rule('node.person')).toMatchObject({ 'border-color': '#123456', 'corner-radius': 7 })
    expect(rule('node.person.detail')).toMatchObject({ color: '#234567' })
  })

  it('dashes exactly what the palette dashes, with its patterns', () => {
    expect(rule('node.person.detail.interaction-none')).toEqual({ 'border-dash-pattern': [5, 2] })
    expect(rule('node.person.detail.interaction-deep')).toBeUndefined()
    expect(rule('node.group-outside')).toEqual({ 'border-dash-pattern': [9, 5] })
    expect(rule('edge.edge-dotted_line')).toEqual({ 'line-style': 'dashed', 'line-dash-pattern': [7, 3] })
    expect(rule('edge.edge-reporting')).toBeUndefined()
  })

  it('gives a real (headless) Cytoscape the palette\'s strokes and dashes', () => {
    const layout = reportingLayout()
    layout.edges.push({ kind: 'dotted_line', from: 'p3', to: 'p2', strength: null, label: '', points: [{ x: 252, y: 166 }, { x: 208, y: 166 }] })
    const cy = cytoscape({ headless: true, styleEnabled: true, elements: layoutElements(layout, l, 'zh-CN', { members: n => `${n}`, outside: 'o', role: r => r }), style: mapStylesheet(l) })
    try {
      cy.nodes('.person').addClass('detail')
      const p2 = cy.$id('n:p2')
      expect(p2.style('border-color')).toBe('rgb(18,52,86)')
      expect(p2.style('background-color')).toBe('rgb(176,0,6)')
      expect(p2.style('border-style')).toBe('dashed')
      expect(p2.style('border-dash-pattern')).toBe('5 2')
      const p1 = cy.$id('n:p1')
      expect(p1.style('border-width')).toBe('5px')
      expect(p1.style('background-color')).toBe('rgb(176,0,1)')
      const influence = cy.$id('e:influence:2')
      expect(influence.style('line-color')).toBe('rgb(208,0,3)')
      expect(influence.style('width')).toBe('3.5px')
      expect(influence.style('target-arrow-shape')).toBe('triangle')
      const dotted = cy.$id('e:dotted_line:3')
      expect(dotted.style('line-style')).toBe('dashed')
      expect(dotted.style('line-dash-pattern')).toBe('7 3')
      expect(cy.$id('e:reporting:0').style('line-style')).toBe('solid')
    }
    finally {
      cy.destroy()
    }
  })
})

describe('box markers', () => {
  const l = look()
  const base = { hiddenReports: 0, width: 184, height: 60, layer: 'decision' as const }

  it('draws the role badge in the interface language with the palette\'s colour', () => {
    const zh = badgeSvg(l, { ...base, encoding: encoding({ role: 'decision_maker' }), locale: 'zh-CN' })
    const en = badgeSvg(l, { ...base, encoding: encoding({ role: 'decision_maker' }), locale: 'en' })
    expect(zh).toContain('>乙</text>')
    expect(en).toContain('>Dm</text>')
    expect(zh).toContain('fill="#c00002"')
    expect(zh).toContain('fill="#789abc"')
  })

  it('shows an unknown attitude as a hollow dashed stripe and marks the orientation in the language', () => {
    const svg = badgeSvg(l, { ...base, encoding: encoding(), locale: 'zh-CN' })
    expect(svg).toContain('stroke-dasharray="2 2"')
    expect(svg).toContain('stroke="#56789a"')
    expect(svg).toContain('>？x</text>')
    const known = badgeSvg(l, { ...base, encoding: encoding({ attitude: 'negative', orientation: 'balanced' }), locale: 'en' })
    expect(known).toContain('<rect x="2" y="5" width="7" height="50" rx="3" fill="#a00004"/>')
    expect(known).toContain('>P5</text>')
  })

  it('draws the palette\'s number of pips, filled by influence', () => {
    const svg = badgeSvg(l, { ...base, encoding: encoding({ influence: 'medium' }), locale: 'zh-CN' })
    expect(svg.match(/<circle[^>]*r="2.2"/g)).toHaveLength(4)
    expect(svg.match(/fill="#9abcde"/g)).toHaveLength(2)
  })

  it('adds the inside-source star, the leaning tag and the folded count as the palette draws them', () => {
    const svg = badgeSvg(l, { ...base, hiddenReports: 12, encoding: encoding({ inside_source: true, leans_to: 'k1', leans_to_name: '<evil>' }), locale: 'zh-CN' })
    expect(svg).toContain('fill="#89abcd" text-anchor="middle">✦</text>')
    expect(svg).toContain('fill="#abcdef"')
    expect(svg).toContain('>偏向</text>')
    expect(svg).toContain('font-weight="700" fill="#def012" text-anchor="middle">+12</text>')
    expect(badgeSvg(l, { ...base, encoding: encoding({ leans_to: 'k1' }), locale: 'en' })).toContain('>tilts</text>')
    // The competitor's name is user text: never inside the picture.
    expect(svg).not.toContain('evil')
  })

  it('measures the top-right cluster with the palette\'s geometry', () => {
    const enc = encoding({ orientation: 'balanced', role: 'user', inside_source: true })
    // inset 5 + mark ("P5": 0.7 + 0.7 em at 12 px) + pad 9 + gap 5 + badge 24 + star 19
    expect(clusterWidth(l, enc, 'en')).toBeCloseTo(5 + 1.4 * 12 + 9 + 5 + 24 + 19)
  })

  it('caches one picture per look and palette', () => {
    const a = { ...base, encoding: encoding({ attitude: 'positive' }), locale: 'zh-CN' as const }
    const b = { ...base, encoding: encoding({ attitude: 'positive', leans_to_name: 'x', leans_to: null }), locale: 'zh-CN' as const }
    expect(badgeKey(a)).toBe(badgeKey(b))
    expect(badgeUrl(l, a)).toBe(badgeUrl(l, b))
    expect(badgeUrl(l, a)).toMatch(/^(data:image\/svg\+xml;base64,|blob:)/)
    expect(badgeKey({ ...a, locale: 'en' })).not.toBe(badgeKey(a))
    const other = mapLook({ ...palette(), attitudes: palette().attitudes.map(x => ({ ...x, strong: '#000000' })) })
    expect(badgeUrl(other, a)).not.toBe(badgeUrl(l, a))
    expect(badgeSvg(other, a)).toContain('fill="#000000"')
  })
})
