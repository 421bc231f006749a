/**
 * The core's finished layout as Cytoscape elements. Nothing is laid out here:
 * every box keeps the position the core gave it (the core's `x`, `y` are the
 * top-left corner; Cytoscape positions a node by its centre), and every edge
 * follows the core's route (a polyline from the border of one box to the
 * border of the other) through manual endpoints and segment points.
 *
 * Colours, widths and glyphs come from the core's palette (`MapLook`), as the
 * SVG export draws them.
 *
 * Element ids carry a prefix (`n:` person, `g:` group, `gl:` group label,
 * `e:` edge) so a person id can never collide with a group id.
 */
import type { Attitude, EdgeKind, Layout, LayoutEdge, LayoutGroup, LayoutNode, Role } from '../ipc/client'
import type { AppLocale } from './i18n'
import type { MapLook, Region } from './mapEncoding'
import { badgeUrl, clusterWidth, OVERLAY_BELOW } from './mapBadges'

export interface Point { x: number, y: number }

/** Data of a person's box. */
export interface PersonData {
  id: string
  kind: 'person'
  person: string
  name: string
  title: string
  label: string
  w: number
  h: number
  fill: string
  /** Fill of the box seen from afar (no text): the strong attitude colour, white when unknown. */
  overview: string
  borderWidth: number
  borderStyle: 'solid' | 'dashed'
  badge: string
  badgeH: number
  hidden: number
  circle: string | null
  attitude: Attitude
}

export interface GroupData {
  id: string
  kind: 'group'
  group: string
  groupKind: LayoutGroup['kind']
  /** The circle id for circle regions, `null` otherwise (drop target of "assign circle"). */
  circle: string | null
  w: number
  h: number
  fill: string
  stroke: string
  strokeWidth: number
  strokeOpacity: number
  borderStyle: 'solid' | 'dashed'
  radius: number
}

export interface GroupLabelData {
  id: string
  kind: 'group-label'
  label: string
  ink: string
}

export interface EdgeData {
  id: string
  kind: EdgeKind
  source: string
  target: string
  from: string
  to: string
  colour: string
  width: number
  dash: string
  opacity: number
  arrow: 'triangle' | 'none'
  label: string
  curve: 'straight' | 'segments'
  sourceEndpoint: string
  targetEndpoint: string
  weights: string
  distances: string
}

export type ElementData = PersonData | GroupData | GroupLabelData | EdgeData

export interface Element {
  group: 'nodes' | 'edges'
  data: ElementData
  position?: Point
  classes?: string
}

/** Words the elements need in the current language. */
export interface ElementWords {
  members: (n: number) => string
  outside: string
  role: (r: Role) => string
}

export const personElementId = (person: string) => `n:${person}`
export const groupElementId = (group: string) => `g:${group}`

const n = (v: number | null | undefined): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0)

/** Font size of the box label (name and title share it: one label per node). */
export const LABEL_SIZE = 12.5

function personElement(look: MapLook, node: LayoutNode, locale: AppLocale, layer: Layout['layer']): Element {
  const w = n(node.width)
  const h = n(node.height)
  const enc = node.encoding
  const box = look.palette.node
  const border = look.interactionBorder(enc.interaction)
  const colours = look.attitudeColours(enc.attitude)
  // Cut the name before the top-right markers and the title to the box, as
  // the SVG export does; canvas metrics differ a little, so measure a size up.
  const name = look.fitText(node.name, LABEL_SIZE + 1, w - box.text_x - clusterWidth(look, enc, locale) - box.text_gap)
  const title = node.title ? look.fitText(node.title, LABEL_SIZE + 0.5, w - (box.text_x + box.text_right)) : ''
  const hidden = Math.max(0, n(node.hidden_reports))
  const classes = ['person', `attitude-${enc.attitude}`, `interaction-${enc.interaction}`]
  if (hidden > 0)
    classes.push('collapsed')
  return {
    group: 'nodes',
    data: {
      id: personElementId(node.person),
      kind: 'person',
      person: node.person,
      name: node.name,
      title: node.title,
      label: title ? `${name}\n${title}` : name,
      w,
      h,
      fill: colours.tint,
      overview: enc.attitude === 'unknown' ? colours.tint : colours.strong,
      borderWidth: border.width,
      borderStyle: border.dash ? 'dashed' : 'solid',
      badge: badgeUrl(look, { encoding: enc, hiddenReports: hidden, width: w, height: h, locale, layer }),
      badgeH: h + OVERLAY_BELOW,
      hidden,
      circle: node.circle,
      attitude: enc.attitude,
    },
    position: { x: n(node.x) + w / 2, y: n(node.y) + h / 2 },
    classes: classes.join(' '),
  }
}

function groupElements(look: MapLook, groups: readonly LayoutGroup[], words: ElementWords): Element[] {
  const out: Element[] = []
  let circle = 0
  groups.forEach((g, k) => {
    const w = n(g.width)
    const h = n(g.height)
    let region: Region
    let label: string
    switch (g.kind) {
      case 'circle':
        region = look.circleColours(circle++)
        label = `${g.name}  ${words.members(g.members)}`
        break
      case 'outside':
        region = look.palette.outside
        label = `${words.outside}  ${words.members(g.members)}`
        break
      default:
        region = look.bandColours(k)
        label = `${g.role ? words.role(g.role) : g.name}  ${words.members(g.members)}`
    }
    const ink = region.ink
    out.push({
      group: 'nodes',
      data: {
        id: groupElementId(g.id),
        kind: 'group',
        group: g.id,
        groupKind: g.kind,
        circle: g.kind === 'circle' ? g.id : null,
        w,
        h,
        fill: region.fill,
        stroke: region.stroke,
        strokeWidth: region.stroke_width,
        strokeOpacity: region.stroke_opacity,
        borderStyle: region.dash ? 'dashed' : 'solid',
        radius: region.radius,
      },
      position: { x: n(g.x) + w / 2, y: n(g.y) + h / 2 },
      classes: `group group-${g.kind}`,
    })
    out.push({
      group: 'nodes',
      data: { id: `gl:${g.id}`, kind: 'group-label', label, ink },
      // The label starts right of this point (text-halign: right).
      position: { x: n(g.x) + 14, y: n(g.y) + 20 },
      classes: 'group-label',
    })
  })
  return out
}

/**
 * A route as Cytoscape's `segments` curve: manual endpoints relative to the
 * box centres, and each bend as a weight along the endpoint-to-endpoint line
 * and a signed distance from it (`edge-distances: endpoints`).
 */
export function routeGeometry(points: readonly Point[], sourceCentre: Point, targetCentre: Point) {
  const first = points[0] ?? sourceCentre
  const last = points[points.length - 1] ?? targetCentre
  const dx = last.x - first.x
  const dy = last.y - first.y
  const len = Math.hypot(dx, dy)
  const weights: number[] = []
  const distances: number[] = []
  if (len > 1e-6) {
    for (const p of points.slice(1, -1)) {
      const px = p.x - first.x
      const py = p.y - first.y
      weights.push((px * dx + py * dy) / (len * len))
      // Cytoscape's normal is (-dy, dx) / len.
      distances.push((px * -dy + py * dx) / len)
    }
  }
  const rel = (p: Point, c: Point) => `${round(p.x - c.x)}px ${round(p.y - c.y)}px`
  if (weights.length === 0) {
    // Straight: the segment values are unused, but Cytoscape still parses
    // them (an empty list is invalid and stops the whole stylesheet).
    return {
      curve: 'straight' as const,
      sourceEndpoint: rel(first, sourceCentre),
      targetEndpoint: rel(last, targetCentre),
      weights: '0.5',
      distances: '0',
    }
  }
  return {
    curve: 'segments' as const,
    sourceEndpoint: rel(first, sourceCentre),
    targetEndpoint: rel(last, targetCentre),
    // Weights multiply the whole line's length: keep enough digits for sub-pixel bends.
    weights: weights.map(w => Math.round(w * 1e6) / 1e6).join(' '),
    distances: distances.map(round).join(' '),
  }
}

function round(v: number): number {
  return Math.round(v * 1000) / 1000
}

function edgeElement(look: MapLook, e: LayoutEdge, index: number, centres: Map<string, Point>): Element | null {
  const source = centres.get(e.from)
  const target = centres.get(e.to)
  if (!source || !target || e.from === e.to)
    return null
  const points = e.points.map(p => ({ x: n(p.x), y: n(p.y) }))
  const style = look.edgeStyle(e.kind, e.strength)
  return {
    group: 'edges',
    data: {
      id: `e:${e.kind}:${index}`,
      kind: e.kind,
      source: personElementId(e.from),
      target: personElementId(e.to),
      from: e.from,
      to: e.to,
      colour: style.colour,
      width: style.width,
      dash: style.dash ? style.dash.join(' ') : '',
      opacity: style.opacity,
      arrow: style.directed ? 'triangle' : 'none',
      label: e.label,
      ...routeGeometry(points, source, target),
    },
    classes: `edge edge-${e.kind}${style.dash ? ' dashed' : ''}${e.label ? ' labelled' : ''}`,
  }
}

/** Every element of a layout: groups first (drawn below), then people, then edges. */
export function layoutElements(layout: Layout, look: MapLook, locale: AppLocale, words: ElementWords): Element[] {
  const out = groupElements(look, layout.groups, words)
  const centres = new Map<string, Point>()
  for (const node of layout.nodes) {
    const el = personElement(look, node, locale, layout.layer)
    centres.set(node.person, el.position!)
    out.push(el)
  }
  layout.edges.forEach((e, i) => {
    const el = edgeElement(look, e, i, centres)
    if (el)
      out.push(el)
  })
  return out
}

/** People whose name or title contains `query` (case-insensitive), best matches first. */
export function searchPeople<T extends { name: string, title: string }>(people: readonly T[], query: string, limit = 12): T[] {
  const q = query.trim().toLocaleLowerCase()
  if (!q)
    return []
  const scored: { p: T, score: number }[] = []
  for (const p of people) {
    const name = p.name.toLocaleLowerCase()
    const title = p.title.toLocaleLowerCase()
    let score = -1
    if (name === q)
      score = 0
    else if (name.startsWith(q))
      score = 1
    else if (name.includes(q))
      score = 2
    else if (title.includes(q))
      score = 3
    if (score >= 0)
      scored.push({ p, score })
  }
  scored.sort((a, b) => a.score - b.score)
  return scored.slice(0, limit).map(s => s.p)
}
