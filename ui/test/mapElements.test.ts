import type { Layout } from '../src/ipc/client'
import type { EdgeData, GroupData, GroupLabelData, PersonData } from '../src/modules/mapElements'
// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { layoutElements, routeGeometry, searchPeople } from '../src/modules/mapElements'
import { encoding, look, node, reportingLayout } from './mapFixtures'

/** The test palette (values of its own, so what is found came from it). */
const l = look()

const words = {
  members: (n: number) => `${n} 人`,
  outside: '圈外',
  role: (r: string) => `role:${r}`,
}

/** Where Cytoscape puts the bends of a segments edge with `edge-distances: endpoints`. */
function cytoscapeBends(data: EdgeData, source: { x: number, y: number }, target: { x: number, y: number }) {
  const parse = (s: string) => s.split(' ').map(v => Number.parseFloat(v))
  const [sx, sy] = parse(data.sourceEndpoint)
  const [tx, ty] = parse(data.targetEndpoint)
  const a = { x: source.x + sx!, y: source.y + sy! }
  const b = { x: target.x + tx!, y: target.y + ty! }
  const dx = b.x - a.x
  const dy = b.y - a.y
  const l = Math.hypot(dx, dy)
  const normal = { x: -dy / l, y: dx / l }
  const ws = data.curve === 'segments' ? parse(data.weights) : []
  const ds = data.curve === 'segments' ? parse(data.distances) : []
  return { start: a, end: b, bends: ws.map((w, i) => ({ x: a.x + dx * w + normal.x * ds[i]!, y: a.y + dy * w + normal.y * ds[i]! })) }
}

describe('layout → Cytoscape elements', () => {
  it('centres each box on the core\'s top-left position and keeps its size', () => {
    const els = layoutElements(reportingLayout(), l, 'zh-CN', words)
    const p1 = els.find(e => e.data.id === 'n:p1')!
    expect(p1.position).toEqual({ x: 138 + 92, y: 24 + 30 })
    const data = p1.data as PersonData
    expect(data.w).toBe(184)
    expect(data.h).toBe(60)
    expect(data.person).toBe('p1')
  })

  it('draws attitude as fill, interaction as border, unknowns as gaps (dashed), from the palette', () => {
    const els = layoutElements(reportingLayout(), l, 'zh-CN', words)
    const p1 = els.find(e => e.data.id === 'n:p1')!.data as PersonData
    expect(p1.fill).toBe('#b00001')
    expect(p1.overview).toBe('#a00001')
    expect(p1.borderWidth).toBe(5)
    expect(p1.borderStyle).toBe('solid')
    const p2 = els.find(e => e.data.id === 'n:p2')!
    expect((p2.data as PersonData).fill).toBe('#b00006')
    expect((p2.data as PersonData).overview).toBe('#b00006')
    expect((p2.data as PersonData).borderStyle).toBe('dashed')
    expect(p2.classes).toContain('attitude-unknown')
  })

  it('labels with name and title as plain text (markup stays text on the canvas)', () => {
    const els = layoutElements(reportingLayout(), l, 'zh-CN', words)
    expect((els.find(e => e.data.id === 'n:p2')!.data as PersonData).label).toBe('<b>李</b>\n科技部总经理')
    expect((els.find(e => e.data.id === 'n:p3')!.data as PersonData).label).toBe('P3')
  })

  it('cuts a long name before the markers and a long title to the box, with an ellipsis', () => {
    const layout = reportingLayout()
    layout.nodes[0]!.name = '欧阳'.repeat(12)
    layout.nodes[0]!.title = '信息科技部总经理兼首席数据官'.repeat(3)
    const data = layoutElements(layout, l, 'zh-CN', words).find(e => e.data.id === 'n:p1')!.data as PersonData
    const [name, title] = data.label.split('\n')
    expect(name!.endsWith('…')).toBe(true)
    expect(title!.endsWith('…')).toBe(true)
    expect(name!.length).toBeLessThan(13)
  })

  it('routes each edge through the core\'s polyline: same endpoints and bends', () => {
    const layout = reportingLayout()
    const els = layoutElements(layout, l, 'zh-CN', words)
    const centre = (id: string) => els.find(e => e.data.id === `n:${id}`)!.position!
    for (const [i, e] of layout.edges.entries()) {
      const data = els.find(x => x.data.id === `e:${e.kind}:${i}`)!.data as EdgeData
      const got = cytoscapeBends(data, centre(e.from), centre(e.to))
      const pts = e.points.map(p => ({ x: p.x!, y: p.y! }))
      expect(got.start.x).toBeCloseTo(pts[0]!.x, 2)
      expect(got.start.y).toBeCloseTo(pts[0]!.y, 2)
      expect(got.end.x).toBeCloseTo(pts[pts.length - 1]!.x, 2)
      expect(got.end.y).toBeCloseTo(pts[pts.length - 1]!.y, 2)
      expect(got.bends.length).toBe(pts.length - 2)
      got.bends.forEach((b, k) => {
        expect(b.x).toBeCloseTo(pts[k + 1]!.x, 2)
        expect(b.y).toBeCloseTo(pts[k + 1]!.y, 2)
      })
      expect(data.curve).toBe(pts.length > 2 ? 'segments' : 'straight')
    }
  })

  it('styles edges as the SVG export: influence width by strength with an arrow, reporting without', () => {
    const els = layoutElements(reportingLayout(), l, 'zh-CN', words)
    const influence = els.find(e => e.data.id === 'e:influence:2')!.data as EdgeData
    expect(influence.colour).toBe('#d00003')
    expect(influence.width).toBe(3.5)
    expect(influence.opacity).toBe(0.5)
    expect(influence.arrow).toBe('triangle')
    const reporting = els.find(e => e.data.id === 'e:reporting:0')!.data as EdgeData
    expect(reporting.arrow).toBe('none')
    expect(reporting.source).toBe('n:p1')
    expect(reporting.target).toBe('n:p2')
  })

  it('drops edges whose ends are not drawn (folded away)', () => {
    const layout = reportingLayout()
    layout.edges.push({ kind: 'reporting', from: 'p3', to: 'gone', strength: null, label: '', points: [] })
    const els = layoutElements(layout, l, 'zh-CN', words)
    expect(els.filter(e => e.group === 'edges')).toHaveLength(3)
  })

  it('turns circles and role bands into boxes below the people, with a label', () => {
    const layout: Layout = {
      ...reportingLayout(),
      layer: 'political',
      edges: [],
      groups: [
        { id: 'c1', name: '技术圈', kind: 'circle', role: null, x: 10, y: 20, width: 300, height: 200, members: 3 },
        { id: 'outside', name: '圈外（不属于任何圈子）', kind: 'outside', role: null, x: 400, y: 20, width: 200, height: 100, members: 1 },
      ],
    }
    const els = layoutElements(layout, l, 'zh-CN', words)
    expect(els[0]!.data.id).toBe('g:c1')
    const circle = els[0]!.data as GroupData
    expect(circle.circle).toBe('c1')
    expect(circle.fill).toBe('#e00001')
    expect(circle.stroke).toBe('#e10001')
    expect(circle.strokeWidth).toBe(1.25)
    expect(circle.strokeOpacity).toBe(0.5)
    expect(els[0]!.position).toEqual({ x: 160, y: 120 })
    expect((els[1]!.data as GroupLabelData).label).toBe('技术圈  3 人')
    const outside = els.find(e => e.data.id === 'g:outside')!.data as GroupData
    expect(outside.circle).toBeNull()
    expect(outside.borderStyle).toBe('dashed')
    expect(outside.fill).toBe('#f00001')
    expect((els.find(e => e.data.id === 'gl:outside')!.data as GroupLabelData).label).toBe('圈外  1 人')
  })

  it('names role bands in the interface language', () => {
    const layout: Layout = {
      ...reportingLayout(),
      layer: 'decision',
      groups: [{ id: 'band-approver', name: '批准者', kind: 'role_band', role: 'approver', x: 0, y: 0, width: 500, height: 96, members: 1 }],
    }
    const els = layoutElements(layout, l, 'en', words)
    expect((els.find(e => e.data.id === 'gl:band-approver')!.data as GroupLabelData).label).toBe('role:approver  1 人')
  })

  it('keeps person ids apart from group ids', () => {
    const layout: Layout = {
      ...reportingLayout(),
      nodes: [node('c1', 0, 0, { encoding: encoding() })],
      edges: [],
      groups: [{ id: 'c1', name: 'c1', kind: 'circle', role: null, x: 0, y: 0, width: 10, height: 10, members: 1 }],
    }
    const ids = layoutElements(layout, l, 'zh-CN', words).map(e => e.data.id)
    expect(new Set(ids).size).toBe(ids.length)
  })
})

describe('routeGeometry', () => {
  it('is a straight line for a two-point route', () => {
    const g = routeGeometry([{ x: 10, y: 0 }, { x: 100, y: 0 }], { x: 0, y: 0 }, { x: 110, y: 0 })
    expect(g.curve).toBe('straight')
    expect(g.sourceEndpoint).toBe('10px 0px')
    expect(g.targetEndpoint).toBe('-10px 0px')
    // Never empty: Cytoscape rejects an empty list even where it is unused.
    expect(g.weights).not.toBe('')
    expect(g.distances).not.toBe('')
  })
})

describe('searchPeople', () => {
  const people = [
    { id: 'a', name: '张伟', title: '信息科技部总经理' },
    { id: 'b', name: '张伟明', title: '行长' },
    { id: 'c', name: 'Li Wei', title: 'CIO' },
  ]

  it('finds by name first, then by title, case-insensitively', () => {
    expect(searchPeople(people, '张伟').map(p => p.id)).toEqual(['a', 'b'])
    expect(searchPeople(people, '行长').map(p => p.id)).toEqual(['b'])
    expect(searchPeople(people, 'cio').map(p => p.id)).toEqual(['c'])
    expect(searchPeople(people, '  ')).toEqual([])
  })
})
