//! The map's palette (`layout::encoding::PALETTE`), the one source the SVG
//! export and the window draw with: every value of every encoded dimension,
//! in the spec's order, with a glyph in each interface language; and the
//! export really draws with it.

use std::collections::HashSet;

use sandtable::demo::practice_workspace;
use sandtable::layout::encoding::{Lang, LocalText, MapPalette, PALETTE};
use sandtable::layout::{layout, svg, EdgeKind, Layer, LayoutOptions};
use sandtable::model::{Attitude, Influence, Interaction, Orientation, Role};

fn is_colour(c: &str) -> bool {
    c.len() == 7 && c.starts_with('#') && c[1..].chars().all(|d| d.is_ascii_hexdigit())
}

fn assert_local(what: &str, t: &LocalText) {
    for lang in Lang::ALL {
        assert!(!t.get(lang).trim().is_empty(), "{what}: no text in {lang:?}");
    }
}

#[test]
fn covers_every_value_of_every_dimension_in_order() {
    let p: &MapPalette = &PALETTE;
    assert_eq!(p.attitudes.iter().map(|l| l.attitude).collect::<Vec<_>>(), Attitude::ALL);
    assert_eq!(p.interactions.iter().map(|l| l.interaction).collect::<Vec<_>>(), Interaction::ALL);
    assert_eq!(p.roles.iter().map(|l| l.role).collect::<Vec<_>>(), Role::ALL);
    assert_eq!(p.orientations.iter().map(|l| l.orientation).collect::<Vec<_>>(), Orientation::ALL);
    assert_eq!(p.influences.iter().map(|l| l.influence).collect::<Vec<_>>(), Influence::ALL);
    assert_eq!(p.edges.iter().map(|l| l.kind).collect::<Vec<_>>(), EdgeKind::ALL);
    // A new edge kind must be added to `EdgeKind::ALL` (and so to the palette).
    for kind in EdgeKind::ALL {
        match kind {
            EdgeKind::Reporting | EdgeKind::DottedLine | EdgeKind::Influence | EdgeKind::Decision => {}
        }
    }
}

#[test]
fn has_a_glyph_for_every_role_and_orientation_in_both_languages() {
    for lang in Lang::ALL {
        let roles: HashSet<_> = PALETTE.roles.iter().map(|l| l.glyph.get(lang)).collect();
        assert_eq!(roles.len(), Role::ALL.len(), "role badges are told apart in {lang:?}");
        let marks: HashSet<_> = PALETTE.orientations.iter().map(|l| l.mark.get(lang)).collect();
        assert_eq!(marks.len(), Orientation::ALL.len(), "orientation marks are told apart in {lang:?}");
    }
    for l in PALETTE.roles {
        assert_local(l.role.key(), &l.glyph);
    }
    for l in PALETTE.orientations {
        assert_local(l.orientation.key(), &l.mark);
    }
    assert_local("leaning tag", &PALETTE.node.leans.text);
    let glyphs = |lang| PALETTE.roles.iter().map(|l| l.glyph.get(lang)).collect::<Vec<_>>();
    assert_eq!(glyphs(Lang::ZhCn), ["批", "决", "评", "用", "?"]);
    assert_eq!(glyphs(Lang::En), ["A", "D", "E", "U", "?"]);
    let marks = |lang| PALETTE.orientations.iter().map(|l| l.mark.get(lang)).collect::<Vec<_>>();
    assert_eq!(marks(Lang::ZhCn), ["专", "务", "专务", "务专", "均", "?"]);
    assert_eq!(marks(Lang::En), ["Pro", "Prg", "Pro+", "Prg+", "Bal", "?"]);
}

#[test]
fn every_value_looks_different() {
    let strong: HashSet<_> = PALETTE.attitudes.iter().map(|l| l.strong).collect();
    assert_eq!(strong.len(), Attitude::ALL.len());
    let tints: HashSet<_> = PALETTE.attitudes.iter().map(|l| l.tint).collect();
    assert_eq!(tints.len(), Attitude::ALL.len());
    for w in PALETTE.interactions.windows(2) {
        assert!(w[0].width < w[1].width, "deeper interaction, thicker border");
    }
    let pips: Vec<_> = PALETTE.influences.iter().map(|l| l.pips).collect();
    assert_eq!(pips, [Some(3), Some(2), Some(1), None]);
    assert!(pips.iter().flatten().all(|&k| k <= PALETTE.node.pips.count));
    let edges: HashSet<_> = PALETTE.edges.iter().map(|l| l.colour).collect();
    assert_eq!(edges.len(), EdgeKind::ALL.len());
}

#[test]
fn every_colour_is_a_hex_colour_and_every_table_is_filled() {
    let p = &PALETTE;
    let mut colours: Vec<&str> = Vec::new();
    colours.extend(p.attitudes.iter().flat_map(|l| [l.strong, l.tint]));
    colours.extend(p.roles.iter().map(|l| l.colour));
    colours.extend(p.edges.iter().map(|l| l.colour));
    for r in p.circles.iter().chain(p.bands).chain([&p.outside]) {
        colours.extend([r.fill, r.stroke, r.ink]);
    }
    let n = &p.node;
    colours.extend([n.stroke, n.name_ink, n.title_ink, n.mark.fill, n.mark.stroke, n.mark.ink, n.badge.ink, n.star.colour, n.pips.ink]);
    colours.extend([n.leans.colour, n.leans.ink, n.folded.colour, n.folded.ink]);
    for c in colours {
        assert!(is_colour(c), "{c:?} is not #rrggbb");
    }
    assert!(!p.circles.is_empty() && !p.bands.is_empty());
    assert!(p.edges.iter().all(|l| !l.widths.is_empty() && l.widths.iter().all(|w| *w > 0.0)));
    assert!(p.interactions.iter().all(|l| l.width > 0.0));
}

#[test]
fn serialises_glyphs_under_the_window_locale_tags() {
    let json = serde_json::to_value(PALETTE).unwrap();
    let approver = &json["roles"][0];
    assert_eq!(approver["role"], "approver");
    assert_eq!(approver["glyph"]["zh-CN"], "批");
    assert_eq!(approver["glyph"]["en"], "A");
    assert_eq!(json["orientations"][2]["mark"]["en"], "Pro+");
    assert_eq!(json["interactions"][0]["dash"], serde_json::json!([4.0, 3.0]));
    assert_eq!(json["edges"][2]["kind"], "influence");
    assert_eq!(json["edges"][2]["widths"].as_array().unwrap().len(), 3);
}

/// The window types the palette's floats as plain numbers: serde would send a
/// NaN or infinity as null, so the only nulls may be the optional values.
#[test]
fn sends_a_null_only_for_an_optional_value() {
    fn walk(v: &serde_json::Value, path: &str, nulls: &mut Vec<String>) {
        match v {
            serde_json::Value::Null => nulls.push(path.to_string()),
            serde_json::Value::Array(items) => items.iter().enumerate().for_each(|(i, x)| walk(x, &format!("{path}[{i}]"), nulls)),
            serde_json::Value::Object(fields) => fields.iter().for_each(|(k, x)| walk(x, &format!("{path}.{k}"), nulls)),
            _ => {}
        }
    }
    let mut nulls = Vec::new();
    walk(&serde_json::to_value(PALETTE).unwrap(), "", &mut nulls);
    let unexpected: Vec<_> = nulls.iter().filter(|p| !(p.ends_with(".dash") || p.as_str() == ".influences[3].pips")).collect();
    assert!(unexpected.is_empty(), "nulls in the palette: {unexpected:?}");
    assert!(nulls.iter().any(|p| p.ends_with(".pips")), "the unknown influence has no pips");
}

#[test]
fn the_svg_export_draws_with_the_palette() {
    let ws = practice_workspace();
    let opts = LayoutOptions { deal: Some("d-bank-core".into()), ..LayoutOptions::new(chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()) };
    let l = layout(&ws, "acc-bank", Layer::Combined, &opts).unwrap();
    let picture = svg::to_svg(&l);
    for n in &l.nodes {
        let enc = &n.encoding;
        assert!(picture.contains(&format!(r#"fill="{}""#, PALETTE.attitude(enc.attitude).tint)));
        assert!(picture.contains(&format!(">{}</text>", PALETTE.orientation(enc.orientation).mark.zh_cn)));
        if let Some(r) = enc.role {
            let look = PALETTE.role(r);
            assert!(picture.contains(&format!(r#"fill="{}"/><text"#, look.colour)));
            assert!(picture.contains(&format!(">{}</text>", look.glyph.zh_cn)));
        }
    }
    for e in &l.edges {
        let look = PALETTE.edge(e.kind);
        let width = (look.width(e.strength) * 10.0).round() / 10.0;
        assert!(picture.contains(&format!(r#"stroke="{}" stroke-width="{}""#, look.colour, width)), "{:?}", e.kind);
    }
}
