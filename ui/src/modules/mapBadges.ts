/**
 * The markers drawn on a person's box, as the SVG export draws them
 * (`node_svg` in `src/layout/svg.rs`): the attitude stripe, influence pips,
 * the top-right cluster (orientation mark, decision-role badge, inside-source
 * star), the leaning-to-a-competitor tag and the "+N folded" chip — with the
 * core's palette (colours, glyphs, geometry; `mapEncoding.ts`).
 *
 * Cytoscape draws one label per node, so the markers are one small SVG picture
 * laid over the box. The picture holds only fixed glyphs and numbers — never
 * a name or any other text a user typed, which stays canvas text in the
 * node's label. Pictures are cached by what they show: a 2,000-person map
 * needs a few dozen.
 */
import type { Layer, NodeEncoding } from '../ipc/client'
import type { AppLocale } from './i18n'
import type { MapLook } from './mapEncoding'

/** How far the markers reach below the box (the tags sit on its bottom edge). */
export const OVERLAY_BELOW = 10

const FONT = `'Noto Sans CJK SC','PingFang SC','Microsoft YaHei',sans-serif`

export interface BadgeInput {
  encoding: NodeEncoding
  hiddenReports: number
  width: number
  height: number
  locale: AppLocale
  layer: Layer
}

/** Width of the top-right cluster (from the box's right edge), so the name can be cut before it. */
export function clusterWidth(look: MapLook, encoding: NodeEncoding, locale: AppLocale): number {
  const node = look.palette.node
  const mark = look.orientationMark(encoding.orientation, locale)
  let w = node.cluster_inset + look.textWidth(mark, node.mark.font_size) + node.mark.pad + node.mark.gap
  if (encoding.role)
    w += node.badge.advance
  if (encoding.inside_source)
    w += node.star.advance
  return w
}

function num(v: number): string {
  return String(Math.round(v * 10) / 10)
}

function dashAttr(dash: readonly number[]): string {
  return ` stroke-dasharray="${dash.join(' ')}"`
}

/** The marker picture of one box, as SVG text. */
export function badgeSvg(look: MapLook, input: BadgeInput): string {
  const { encoding: enc, width: w, height: h, locale } = input
  const node = look.palette.node
  const parts: string[] = []
  const { strong } = look.attitudeColours(enc.attitude)
  const { stripe, mark: m, badge: b, star, pips: p } = node
  // A gap the user still has to fill is outlined (dashed) in the mark's grey.
  const gap = m.stroke
  if (enc.attitude === 'unknown') {
    // A hollow, dashed stripe instead of a coloured one.
    parts.push(`<rect x="${num(stripe.x + 0.5)}" y="${num(stripe.y + 0.5)}" width="${num(stripe.width - 1)}" height="${num(h - 2 * stripe.y - 1)}" rx="${num(stripe.radius)}" fill="none" stroke="${gap}" stroke-width="1"${dashAttr([2, 2])}/>`)
  }
  else {
    parts.push(`<rect x="${num(stripe.x)}" y="${num(stripe.y)}" width="${num(stripe.width)}" height="${num(h - 2 * stripe.y)}" rx="${num(stripe.radius)}" fill="${strong}"/>`)
  }
  // Top-right cluster, right to left: orientation mark, role badge, star.
  let right = w - node.cluster_inset
  const mark = look.orientationMark(enc.orientation, locale)
  const mw = look.textWidth(mark, m.font_size) + m.pad
  const unknownMark = enc.orientation === 'unknown'
  parts.push(`<rect x="${num(right - mw)}" y="${num(m.y)}" width="${num(mw)}" height="${num(m.height)}" rx="${num(m.radius)}" fill="${m.fill}" stroke="${m.stroke}" stroke-width="${num(m.stroke_width)}"${unknownMark ? dashAttr([2, 1.5]) : ''}/>`)
  // Latin marks longer than three letters a size smaller, to stay in the box.
  parts.push(`<text x="${num(right - mw / 2)}" y="${num(m.text_y)}" font-size="${num(mark.length > 3 ? m.font_size - 1 : m.font_size)}" fill="${m.ink}" text-anchor="middle">${mark}</text>`)
  right -= mw + m.gap
  if (enc.role) {
    const badge = look.roleBadge(enc.role, locale)
    parts.push(`<circle cx="${num(right - b.radius)}" cy="${num(b.cy)}" r="${num(b.radius)}" fill="${badge.colour}"/>`)
    parts.push(`<text x="${num(right - b.radius)}" y="${num(b.text_y)}" font-size="${num(b.font_size)}" font-weight="700" fill="${b.ink}" text-anchor="middle">${badge.glyph}</text>`)
    right -= b.advance
  }
  if (enc.inside_source) {
    parts.push(`<text x="${num(right - star.font_size / 2)}" y="${num(star.y)}" font-size="${num(star.font_size)}" fill="${star.colour}" text-anchor="middle">${star.glyph}</text>`)
  }
  const pips = look.influencePips(enc.influence)
  if (pips !== null) {
    for (let i = 0; i < p.count; i++)
      parts.push(`<circle cx="${num(p.x + i * p.step)}" cy="${num(p.y)}" r="${num(p.radius)}" fill="${i < pips ? p.ink : 'none'}" stroke="${p.ink}" stroke-width="${num(p.stroke_width)}"/>`)
  }
  else if (input.layer === 'political' || input.layer === 'combined') {
    // Influence is a dimension of the political map: show the gap there.
    parts.push(`<text x="${num(p.x)}" y="${num(p.y + 3)}" font-size="9" font-weight="700" fill="${gap}">?</text>`)
  }
  if (enc.leans_to) {
    const tag = node.leans
    const label = tag.text[locale]
    const lw = look.textWidth(label, tag.font_size) + tag.pad
    parts.push(tagSvg(tag, label, w - lw - tag.inset, h, lw))
  }
  if (input.hiddenReports > 0) {
    const tag = node.folded
    const label = `+${Math.floor(input.hiddenReports)}`
    const lw = look.textWidth(label, tag.font_size) + tag.pad
    parts.push(tagSvg(tag, label, tag.inset, h, lw))
  }
  const H = h + OVERLAY_BELOW
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${num(w)}" height="${num(H)}" viewBox="0 0 ${num(w)} ${num(H)}" font-family="${FONT}">${parts.join('')}</svg>`
}

/** A pill of width `lw` from `left`, centred on the box's bottom edge `bottom` (as the SVG export's `tag_svg`). */
function tagSvg(tag: MapLook['palette']['node']['leans'], label: string, left: number, bottom: number, lw: number): string {
  const half = tag.height / 2
  return `<rect x="${num(left)}" y="${num(bottom - half)}" width="${num(lw)}" height="${num(tag.height)}" rx="${num(half)}" fill="${tag.colour}"/>`
    + `<text x="${num(left + lw / 2)}" y="${num(bottom + tag.text_y)}" font-size="${num(tag.font_size)}"${tag.bold ? ' font-weight="700"' : ''} fill="${tag.ink}" text-anchor="middle">${label}</text>`
}

/** Identity of a picture: everything `badgeSvg` draws from. */
export function badgeKey(input: BadgeInput): string {
  const e = input.encoding
  return [
    input.locale,
    input.layer === 'political' || input.layer === 'combined' ? 'p' : '-',
    e.attitude,
    e.orientation,
    e.role ?? '-',
    e.inside_source ? 1 : 0,
    e.influence,
    e.leans_to ? 1 : 0,
    Math.floor(input.hiddenReports),
    input.width,
    input.height,
  ].join('|')
}

function base64(text: string): string {
  const bytes = new TextEncoder().encode(text)
  let binary = ''
  for (const b of bytes) binary += String.fromCharCode(b)
  return btoa(binary)
}

/** Pictures by what they show, per palette. */
const caches = new WeakMap<MapLook, Map<string, string>>()

/**
 * The picture as a URL, cached: a `blob:` URL in the window (short, so
 * Cytoscape parses and hashes a few dozen bytes per box instead of kilobytes
 * of base64 — most of the style cost of a 2,000-person map), else a data URL.
 * Both are allowed by the window's `img-src 'self' data: blob:`.
 */
export function badgeUrl(look: MapLook, input: BadgeInput): string {
  let cache = caches.get(look)
  if (cache === undefined) {
    cache = new Map()
    caches.set(look, cache)
  }
  const key = badgeKey(input)
  let url = cache.get(key)
  if (url === undefined) {
    const svg = badgeSvg(look, input)
    url = typeof URL.createObjectURL === 'function' && typeof Blob === 'function'
      ? URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }))
      : `data:image/svg+xml;base64,${base64(svg)}`
    cache.set(key, url)
  }
  return url
}
