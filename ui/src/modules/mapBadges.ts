/**
 * The markers drawn on a person's box, as the SVG export draws them
 * (`node_svg` in `src/layout/svg.rs`): the attitude stripe, influence pips,
 * the top-right cluster (orientation mark, decision-role badge, inside-source
 * star), the leaning-to-a-competitor tag and the "+N folded" chip.
 *
 * Cytoscape draws one label per node, so the markers are one small SVG picture
 * laid over the box. The picture holds only fixed glyphs and numbers — never
 * a name or any other text a user typed, which stays canvas text in the
 * node's label. Pictures are cached by what they show: a 2,000-person map
 * needs a few dozen.
 */
import type { Layer, NodeEncoding } from '../ipc/client'
import type { AppLocale } from './i18n'
import {
  attitudeColours,
  HIDDEN_CHIP_COLOUR,
  influencePips,
  INSIDE_SOURCE_COLOUR,
  LEANS_TO_COLOUR,
  orientationMark,
  roleBadge,
  textWidth,
} from './mapEncoding'

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

/** Width of the top-right cluster, so the name can be cut before it. */
export function clusterWidth(encoding: NodeEncoding, locale: AppLocale): number {
  const mark = orientationMark(encoding.orientation, locale)
  let w = 6 + textWidth(mark, 11) + 8 + 4
  if (encoding.role)
    w += 23
  if (encoding.inside_source)
    w += 18
  return w
}

function leansLabel(locale: AppLocale): string {
  return locale === 'zh-CN' ? '倾向' : 'leans'
}

function num(v: number): string {
  return String(Math.round(v * 10) / 10)
}

/** The marker picture of one box, as SVG text. */
export function badgeSvg(input: BadgeInput): string {
  const { encoding: enc, width: w, height: h, locale } = input
  const parts: string[] = []
  const { strong } = attitudeColours(enc.attitude)
  if (enc.attitude === 'unknown') {
    // A gap to fill: a hollow, dashed stripe instead of a coloured one.
    parts.push(`<rect x="3.5" y="4.5" width="5" height="${num(h - 9)}" rx="2" fill="none" stroke="#8c959f" stroke-width="1" stroke-dasharray="2 2"/>`)
  }
  else {
    parts.push(`<rect x="3" y="4" width="6" height="${num(h - 8)}" rx="2" fill="${strong}"/>`)
  }
  // Top-right cluster, right to left: orientation mark, role badge, star.
  let right = w - 6
  const mark = orientationMark(enc.orientation, locale)
  const mw = textWidth(mark, 11) + 8
  const unknownMark = enc.orientation === 'unknown'
  parts.push(`<rect x="${num(right - mw)}" y="5" width="${num(mw)}" height="16" rx="3" fill="#ffffff" stroke="#8c959f" stroke-width="0.8"${unknownMark ? ' stroke-dasharray="2 1.5"' : ''}/>`)
  parts.push(`<text x="${num(right - mw / 2)}" y="17" font-size="${mark.length > 3 ? 10 : 11}" fill="#57606a" text-anchor="middle">${mark}</text>`)
  right -= mw + 4
  if (enc.role) {
    const badge = roleBadge(enc.role, locale)
    parts.push(`<circle cx="${num(right - 9.5)}" cy="13" r="9.5" fill="${badge.colour}"/>`)
    parts.push(`<text x="${num(right - 9.5)}" y="17" font-size="11.5" font-weight="700" fill="#ffffff" text-anchor="middle">${badge.glyph}</text>`)
    right -= 23
  }
  if (enc.inside_source) {
    parts.push(`<text x="${num(right - 8)}" y="19" font-size="16" fill="${INSIDE_SOURCE_COLOUR}" text-anchor="middle">★</text>`)
  }
  const pips = influencePips(enc.influence)
  if (pips !== null) {
    for (let i = 0; i < 3; i++)
      parts.push(`<circle cx="${15 + i * 7}" cy="8" r="2.4" fill="${i < pips ? '#24292f' : 'none'}" stroke="#24292f" stroke-width="0.8"/>`)
  }
  else if (input.layer === 'political' || input.layer === 'combined') {
    // Influence is a dimension of the political map: show the gap there.
    parts.push(`<text x="15" y="11" font-size="9" font-weight="700" fill="#8c959f">?</text>`)
  }
  if (enc.leans_to) {
    const label = leansLabel(locale)
    const lw = textWidth(label, 10) + 10
    parts.push(`<rect x="${num(w - lw - 8)}" y="${num(h - 7)}" width="${num(lw)}" height="14" rx="7" fill="${LEANS_TO_COLOUR}"/>`)
    parts.push(`<text x="${num(w - lw / 2 - 8)}" y="${num(h + 3.5)}" font-size="10" fill="#ffffff" text-anchor="middle">${label}</text>`)
  }
  if (input.hiddenReports > 0) {
    const label = `+${Math.floor(input.hiddenReports)}`
    const lw = textWidth(label, 10.5) + 12
    parts.push(`<rect x="14" y="${num(h - 7.5)}" width="${num(lw)}" height="15" rx="7.5" fill="${HIDDEN_CHIP_COLOUR}"/>`)
    parts.push(`<text x="${num(14 + lw / 2)}" y="${num(h + 3.5)}" font-size="10.5" font-weight="700" fill="#ffffff" text-anchor="middle">${label}</text>`)
  }
  const H = h + OVERLAY_BELOW
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${num(w)}" height="${num(H)}" viewBox="0 0 ${num(w)} ${num(H)}" font-family="${FONT}">${parts.join('')}</svg>`
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

const cache = new Map<string, string>()

/**
 * The picture as a URL, cached: a `blob:` URL in the window (short, so
 * Cytoscape parses and hashes a few dozen bytes per box instead of kilobytes
 * of base64 — most of the style cost of a 2,000-person map), else a data URL.
 * Both are allowed by the window's `img-src 'self' data: blob:`.
 */
export function badgeUrl(input: BadgeInput): string {
  const key = badgeKey(input)
  let url = cache.get(key)
  if (url === undefined) {
    const svg = badgeSvg(input)
    url = typeof URL.createObjectURL === 'function' && typeof Blob === 'function'
      ? URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }))
      : `data:image/svg+xml;base64,${base64(svg)}`
    cache.set(key, url)
  }
  return url
}
