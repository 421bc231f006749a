/**
 * The Cytoscape stylesheet of the relationship map. Colours and widths come
 * with each element (`mapElements.ts`, from the core's palette); this sheet
 * says which data drives which property, takes what cannot travel as element
 * data (dash patterns, the box outline, corner radius, ink) from the same
 * palette, and says how selection, search hits and the drawing gesture look.
 */
import type { StylesheetJson } from 'cytoscape'
import type { MapLook } from './mapEncoding'
import { LABEL_SIZE } from './mapElements'

export const MAP_FONT = `"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif`
export const SELECTION_COLOUR = '#5160d8'

/** Rules for what is dashed: interaction levels, the outside region, edge kinds (Cytoscape cannot map a dash pattern from data). */
function dashRules(look: MapLook): StylesheetJson {
  const rules: StylesheetJson = []
  for (const l of look.palette.interactions) {
    if (l.dash)
      rules.push({ selector: `node.person.detail.interaction-${l.interaction}`, style: { 'border-dash-pattern': [...l.dash] } })
  }
  const outside = look.palette.outside.dash
  if (outside)
    rules.push({ selector: 'node.group-outside', style: { 'border-dash-pattern': [...outside] } })
  for (const l of look.palette.edges) {
    if (l.dash)
      rules.push({ selector: `edge.edge-${l.kind}`, style: { 'line-style': 'dashed', 'line-dash-pattern': [...l.dash] } })
  }
  return rules
}

export function mapStylesheet(look: MapLook): StylesheetJson {
  const box = look.palette.node
  return [
    {
      selector: 'node.group',
      style: {
        'shape': 'round-rectangle',
        'width': 'data(w)',
        'height': 'data(h)',
        'background-color': 'data(fill)',
        'border-color': 'data(stroke)',
        'border-opacity': 'data(strokeOpacity)' as never,
        'border-width': 'data(strokeWidth)',
        'border-style': 'data(borderStyle)' as 'solid',
        'corner-radius': 'data(radius)' as never,
        'events': 'no',
        'z-index-compare': 'manual',
        'z-index': 0,
      },
    },
    {
      selector: 'node.group.drop-target',
      style: { 'border-width': 3, 'border-opacity': 1, 'border-color': SELECTION_COLOUR },
    },
    {
      selector: 'node.group-label',
      style: {
        'width': 1,
        'height': 1,
        'background-opacity': 0,
        'border-width': 0,
        'label': 'data(label)',
        'color': 'data(ink)',
        'font-family': MAP_FONT,
        'font-size': 14,
        'font-weight': 700,
        'text-halign': 'right',
        'text-valign': 'center',
        'events': 'no',
        'z-index-compare': 'manual',
        'z-index': 1,
        'min-zoomed-font-size': 4,
      },
    },
    {
      selector: 'node.person',
      style: {
        'shape': 'round-rectangle',
        'corner-radius': box.radius,
        'width': 'data(w)',
        'height': 'data(h)',
        'background-color': 'data(overview)',
        'border-color': box.stroke,
        // Seen from afar: a thin solid outline (dashed borders cost a third of a frame on 2,000 boxes).
        'border-width': 1,
        'border-style': 'solid',
        'z-index-compare': 'manual',
        'z-index': 3,
        'overlay-opacity': 0,
      } as never,
    },
    // Name, title and markers: every box of a small map; on a large map only
    // the boxes seen close enough to read (MapCanvas adds the class), since
    // measuring 2,000 labels would hold the first frame for seconds.
    {
      selector: 'node.person.detail',
      style: {
        'background-color': 'data(fill)',
        'border-width': 'data(borderWidth)',
        'border-style': 'data(borderStyle)' as 'solid',
        'background-image': 'data(badge)',
        'background-width': 'data(w)',
        'background-height': 'data(badgeH)',
        'background-position-x': 0,
        'background-position-y': 0,
        'background-clip': 'none',
        'background-image-containment': 'over',
        'background-fit': 'none',
        'bounds-expansion': 12,
        'label': 'data(label)',
        'color': box.name_ink,
        'font-family': MAP_FONT,
        'font-size': LABEL_SIZE,
        'line-height': 1.5,
        'text-wrap': 'wrap',
        'text-max-width': '400px',
        'text-halign': 'right',
        'text-valign': 'center',
        'text-justification': 'left',
        // The label starts at the box's right edge (halign right); bring it
        // back inside the left edge, where the SVG export writes it.
        'text-margin-x': (ele: { data: (k: string) => number }) => -(ele.data('w') - box.text_x),
        'text-margin-y': 4,
        'min-zoomed-font-size': 6,
      } as never,
    },
    {
      selector: 'node.person.chosen',
      style: {
        'outline-width': 3,
        'outline-color': SELECTION_COLOUR,
        'outline-offset': 2,
        'outline-opacity': 1,
      } as never,
    },
    {
      selector: 'node.person.drop-target',
      style: { 'outline-width': 3, 'outline-color': '#1a7f37', 'outline-offset': 2 } as never,
    },
    {
      selector: 'edge.edge',
      style: {
        'curve-style': 'data(curve)' as 'straight',
        'edge-distances': 'endpoints',
        'source-endpoint': 'data(sourceEndpoint)',
        'target-endpoint': 'data(targetEndpoint)',
        'segment-weights': 'data(weights)',
        'segment-distances': 'data(distances)',
        'line-color': 'data(colour)',
        'width': 'data(width)',
        'line-opacity': 'data(opacity)',
        'target-arrow-shape': 'data(arrow)' as 'triangle',
        'target-arrow-color': 'data(colour)',
        'arrow-scale': 0.9,
        'line-cap': 'butt',
        'z-index-compare': 'manual',
        'z-index': 2,
        'overlay-opacity': 0,
        'events': 'no',
      } as never,
    },
    {
      selector: 'edge.labelled',
      style: {
        'label': 'data(label)',
        'font-family': MAP_FONT,
        'font-size': 11,
        'color': 'data(colour)',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.9,
        'text-background-padding': '2px',
        'text-background-shape': 'roundrectangle',
        'min-zoomed-font-size': 6,
      },
    },
    ...dashRules(look),
    {
      selector: 'edge.kind-hidden',
      style: { display: 'none' },
    },
    {
      selector: 'edge.incident',
      style: { 'z-index': 4, 'line-opacity': 1 },
    },
    // The drawing gesture (cytoscape-edgehandles).
    {
      selector: '.eh-ghost-node, node.eh-handle',
      style: { 'width': 8, 'height': 8, 'background-color': SELECTION_COLOUR, 'border-width': 0, 'label': '', 'background-image': 'none' },
    },
    {
      selector: 'edge.eh-preview, edge.eh-ghost-edge',
      style: {
        'curve-style': 'straight',
        'line-color': SELECTION_COLOUR,
        'target-arrow-color': SELECTION_COLOUR,
        'target-arrow-shape': 'triangle',
        'width': 2,
        'line-style': 'dashed',
        'z-index-compare': 'manual',
        'z-index': 9,
      },
    },
    {
      selector: 'node.eh-source, node.eh-target, node.eh-hover',
      style: { 'outline-width': 3, 'outline-color': SELECTION_COLOUR, 'outline-offset': 2 } as never,
    },
  ]
}
