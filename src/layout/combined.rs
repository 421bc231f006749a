//! The combined view: every layer on one canvas. Positions come from the
//! reporting layout (same arrangement, same collapsed people), so nobody
//! moves when a layer is switched on or off; influence lines and, when a deal
//! is given, its decision links are drawn on top, as straight lines between
//! the boxes bent round any box in the way ([`super::route`]), and the deal's
//! roles and attitudes show on the participants.

use super::reporting::{assemble, geometry, Forest};
use super::route::Obstacles;
use super::{EdgeKind, Layer, Layout, LayoutEdge, LayoutOptions, Scene};

pub(crate) fn combined_layout(scene: &Scene<'_>, opts: &LayoutOptions) -> Layout {
    let forest = Forest::new(&scene.account.people, &scene.index, &opts.collapsed);
    let geo = geometry(&forest, opts.mode);
    let mut out = scene.empty_layout(Layer::Combined, opts);
    assemble(scene, &forest, geo, &mut out);
    let mut slot = vec![usize::MAX; scene.len()];
    for (k, &v) in forest.order.iter().enumerate() {
        slot[v] = k;
    }
    let obstacles = Obstacles::new(out.nodes.iter().map(|n| n.rect()).collect());
    let visible = |id: &str| scene.index.get(id).map(|&i| slot[i]).filter(|&k| k != usize::MAX);
    let overlay = |kind: EdgeKind, from: &str, to: &str, strength: Option<u8>, label: &str, out: &mut Layout| {
        let (Some(a), Some(b)) = (visible(from), visible(to)) else { return };
        if a == b {
            return;
        }
        let points = obstacles.route(a, b);
        out.edges.push(LayoutEdge {
            kind,
            from: from.to_string(),
            to: to.to_string(),
            strength,
            label: label.to_string(),
            points,
        });
    };
    for l in &scene.account.influences {
        overlay(EdgeKind::Influence, &l.from, &l.to, Some(l.strength), "", &mut out);
    }
    if let Some(deal) = scene.deal {
        for l in &deal.decision_links {
            overlay(EdgeKind::Decision, &l.from, &l.to, None, &l.label, &mut out);
        }
    }
    out
}
