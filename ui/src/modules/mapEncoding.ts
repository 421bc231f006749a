/**
 * The visual encoding of the relationship map (tas-plus.md §3.4) as lookups
 * over the core's palette (`PALETTE` in `src/layout/encoding.rs`, fetched once
 * per window by the `mapLook` store): attitude fill, interaction border, role
 * badge and orientation mark in the interface language, influence pips,
 * inside source, leaning to a competitor, edge strokes, region fills, the box
 * and its markers, and the text metrics. The SVG export draws with the same
 * palette, so the screen and the exported picture agree; no value of it is
 * written here.
 */
import type {
  Attitude,
  EdgeKind,
  Influence,
  Interaction,
  MapPalette,
  Orientation,
  Role,
} from '../ipc/client'
import type { AppLocale } from './i18n'

/**
 * The generated type with each float as `number`: specta types every Rust
 * `f64` `number | null` (serde sends NaN and infinities as null), and the
 * palette's floats are finite constants (`tests/core/encoding.rs` checks that
 * its only nulls are the unknown influence's pips and the undashed `dash`es,
 * which keep their `null`).
 */
type Finite<T>
  = [T] extends [number | null] ? number
    : T extends readonly (infer E)[] ? Finite<E>[]
      : T extends object ? { [K in keyof T]: Finite<T[K]> }
        : T

/** The core's palette as the window uses it. */
export type Palette = Finite<Omit<MapPalette, 'influences'>> & Pick<MapPalette, 'influences'>
export type Region = Palette['outside']

export interface EdgeStyle {
  colour: string
  width: number
  dash: number[] | null
  opacity: number
  directed: boolean
}

/** The palette with a lookup per dimension. */
export interface MapLook {
  readonly palette: Palette
  /** Every value of each dimension, in the core's (the spec's) order. */
  readonly attitudes: readonly Attitude[]
  readonly interactions: readonly Interaction[]
  readonly roles: readonly Role[]
  readonly orientations: readonly Orientation[]
  readonly influences: readonly Influence[]
  readonly edgeKinds: readonly EdgeKind[]
  /** Strong colour (stripe, legend) and light tint (box fill) of an attitude. */
  attitudeColours: (a: Attitude) => { strong: string, tint: string }
  /** Border width and dash of an interaction level. */
  interactionBorder: (i: Interaction) => { width: number, dash: number[] | null }
  /** The decision-role badge: 批/决/评/用 in Chinese, A/D/E/U in English. */
  roleBadge: (role: Role, locale: AppLocale) => { glyph: string, colour: string }
  /** The short mark of a behaviour orientation in the box's top-right corner. */
  orientationMark: (o: Orientation, locale: AppLocale) => string
  /** Filled pips for an influence level; `null` when unknown. */
  influencePips: (i: Influence) => number | null
  /** Stroke of an edge kind; the width by strength where the kind has one. */
  edgeStyle: (kind: EdgeKind, strength: number | null) => EdgeStyle
  /** The region of the n-th circle (cycling). */
  circleColours: (n: number) => Region
  /** The k-th role band (alternating). */
  bandColours: (k: number) => Region
  /** Approximate advance of `s` at `size` px, as the SVG export measures it. */
  textWidth: (s: string, size: number) => number
  /** `s` cut with "…" to fit `width` at `size` px, as the SVG export cuts it. */
  fitText: (s: string, size: number, width: number) => string
}

function lookup<K, V>(rows: readonly V[], key: (row: V) => K, what: string): (k: K) => V {
  const byKey = new Map(rows.map(row => [key(row), row]))
  return (k) => {
    const row = byKey.get(k)
    if (row === undefined)
      throw new Error(`the core's palette has no ${what} "${String(k)}"`)
    return row
  }
}

function cycle<T>(rows: readonly T[], n: number): T {
  return rows[((n % rows.length) + rows.length) % rows.length]!
}

/** Lookups over the core's palette. */
export function mapLook(core: MapPalette): MapLook {
  const palette = core as Palette
  const attitude = lookup(palette.attitudes, l => l.attitude, 'attitude')
  const interaction = lookup(palette.interactions, l => l.interaction, 'interaction level')
  const role = lookup(palette.roles, l => l.role, 'role')
  const orientation = lookup(palette.orientations, l => l.orientation, 'orientation')
  const influence = lookup(palette.influences, l => l.influence, 'influence level')
  const edge = lookup(palette.edges, l => l.kind, 'edge kind')
  const metrics = palette.text

  function em(ch: string): number {
    const c = ch.codePointAt(0) ?? 0
    if (metrics.wide.some(r => r.first <= c && c <= r.last))
      return metrics.wide_em
    if (ch === ' ')
      return metrics.space_em
    if (/^[A-Z0-9]$/.test(ch))
      return metrics.capital_em
    return metrics.other_em
  }

  function textWidth(s: string, size: number): number {
    let sum = 0
    for (const ch of s)
      sum += em(ch)
    return sum * size
  }

  return {
    palette,
    attitudes: palette.attitudes.map(l => l.attitude),
    interactions: palette.interactions.map(l => l.interaction),
    roles: palette.roles.map(l => l.role),
    orientations: palette.orientations.map(l => l.orientation),
    influences: palette.influences.map(l => l.influence),
    edgeKinds: palette.edges.map(l => l.kind),
    attitudeColours: (a) => {
      const l = attitude(a)
      return { strong: l.strong, tint: l.tint }
    },
    interactionBorder: (i) => {
      const l = interaction(i)
      return { width: l.width, dash: l.dash ?? null }
    },
    roleBadge: (r, locale) => {
      const l = role(r)
      return { glyph: l.glyph[locale], colour: l.colour }
    },
    orientationMark: (o, locale) => orientation(o).mark[locale],
    influencePips: i => influence(i).pips ?? null,
    edgeStyle: (kind, strength) => {
      const l = edge(kind)
      // As `EdgeLook::width`: no strength draws as 1, a larger one as the last.
      const s = Math.min(Math.max(strength ?? 1, 1), l.widths.length)
      return { colour: l.colour, width: l.widths[s - 1]!, dash: l.dash ?? null, opacity: l.opacity, directed: l.directed }
    },
    circleColours: n => cycle(palette.circles, n),
    bandColours: k => cycle(palette.bands, k),
    textWidth,
    fitText: (s, size, width) => {
      if (textWidth(s, size) <= width)
        return s
      const budget = width - textWidth(metrics.ellipsis, size)
      let out = ''
      let used = 0
      for (const ch of s) {
        const next = used + em(ch)
        if (next * size > budget)
          break
        used = next
        out += ch
      }
      return `${out}${metrics.ellipsis}`
    },
  }
}
