//! Relationship-map layouts (tas-plus.md §3.4): no overlaps in any layer up to
//! 20,000 people, managers above reports with solid lines that never cross or
//! run through a box, a 2,000-person compact chart no more than twice as wide
//! as tall, circle regions apart, role bands in order, combined positions
//! equal to the reporting ones, escaped SVG, and the CLI.

use std::collections::HashMap;

use sandtable::demo::practice_workspace;
use sandtable::layout::geometry::{count_crossings, count_crossings_where, overlapping_pairs, routes_through_boxes, touching_pairs, Point, Rect};
use sandtable::layout::{
    layout, svg, synthetic, EdgeKind, GroupKind, Layer, Layout, LayoutOptions, ReportingMode,
};
use sandtable::model::{Role, Workspace};

use crate::support::*;

fn opts() -> LayoutOptions {
    LayoutOptions::new(chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap())
}

fn with_deal(deal: &str) -> LayoutOptions {
    LayoutOptions { deal: Some(deal.into()), ..opts() }
}

fn tidy() -> LayoutOptions {
    LayoutOptions { mode: ReportingMode::Tidy, ..opts() }
}

const ACC: &str = "acc-synthetic";

fn rects(l: &Layout) -> Vec<Rect> {
    l.nodes.iter().map(|n| n.rect()).collect()
}

fn assert_no_overlap(l: &Layout, what: &str) {
    let pairs = overlapping_pairs(&rects(l));
    assert!(pairs.is_empty(), "{what}: {} overlapping boxes, e.g. {:?}", pairs.len(), &pairs[..pairs.len().min(3)]);
}

fn assert_inside_extent(l: &Layout) {
    for n in &l.nodes {
        assert!(n.x >= 0.0 && n.y >= 0.0 && n.x + n.width <= l.width + 1e-6 && n.y + n.height <= l.height + 1e-6);
    }
}

/// Every manager above their reports; solid lines of different managers
/// never meet; no solid line runs through a box.
fn assert_reporting_readable(l: &Layout, what: &str) {
    let slot: HashMap<&str, usize> = l.nodes.iter().enumerate().map(|(k, n)| (n.person.as_str(), k)).collect();
    let solid: Vec<_> = l.edges.iter().filter(|e| e.kind == EdgeKind::Reporting).collect();
    for e in &solid {
        let (m, r) = (&l.nodes[slot[e.from.as_str()]], &l.nodes[slot[e.to.as_str()]]);
        assert!(m.y + m.height < r.y, "{what}: manager {} not above report {}", m.person, r.person);
        for w in e.points.windows(2) {
            assert!(w[0].x == w[1].x || w[0].y == w[1].y, "{what}: route of {}→{} is not orthogonal", e.from, e.to);
        }
    }
    let routes: Vec<&[Point]> = solid.iter().map(|e| e.points.as_slice()).collect();
    let meet = touching_pairs(routes.iter().copied(), |i, j| solid[i].from != solid[j].from);
    assert!(meet.is_empty(), "{what}: solid lines of different managers meet: {:?}", &meet[..meet.len().min(3)]);
    assert_eq!(count_crossings(routes.iter().copied()), 0, "{what}");
    let through = routes_through_boxes(routes.iter().copied(), &rects(l), |i| {
        (slot[solid[i].from.as_str()], slot[solid[i].to.as_str()])
    });
    assert!(through.is_empty(), "{what}: {} solid lines run through a box, e.g. {:?}", through.len(), through.first());
}

fn aspect(l: &Layout) -> f64 {
    l.width / l.height
}

#[test]
fn no_overlaps_and_readable_reporting_up_to_20000_people() {
    for (people, deals) in [(1, 1), (7, 1), (300, 2), (2_000, 3), (20_000, 2)] {
        let ws = synthetic::workspace(people, deals, 11, 40.min(people), 55);
        for o in [opts(), tidy()] {
            let l = layout(&ws, ACC, Layer::Reporting, &o).unwrap();
            let what = format!("reporting {:?} {people}", o.mode);
            assert_eq!(l.nodes.len(), people, "{what}");
            assert_no_overlap(&l, &what);
            assert_inside_extent(&l);
            if people <= 2_000 {
                assert_reporting_readable(&l, &what);
            }
        }
        let c = layout(&ws, ACC, Layer::Combined, &with_deal("d0")).unwrap();
        assert_no_overlap(&c, &format!("combined {people}"));
        let p = layout(&ws, ACC, Layer::Political, &opts()).unwrap();
        assert_eq!(p.nodes.len(), people);
        assert_no_overlap(&p, &format!("political {people}"));
        assert_inside_extent(&p);
        let d = layout(&ws, ACC, Layer::Decision, &with_deal("d0")).unwrap();
        assert_no_overlap(&d, &format!("decision {people}"));
    }
}

#[test]
fn compact_chart_of_2000_people_is_at_most_twice_as_wide_as_tall() {
    for seed in [7, 11, 12] {
        let ws = synthetic::workspace(2_000, 1, seed, 0, 0);
        let l = layout(&ws, ACC, Layer::Reporting, &opts()).unwrap();
        let a = aspect(&l);
        assert!((0.5..=2.0).contains(&a), "seed {seed}: aspect {a:.2} ({} × {})", l.width, l.height);
        // The plain tidy tree is the unreadable strip the compact mode avoids.
        let t = layout(&ws, ACC, Layer::Reporting, &tidy()).unwrap();
        assert!(aspect(&t) > 20.0, "tidy aspect {:.1}", aspect(&t));
    }
}

#[test]
fn forest_roots_side_by_side_and_cycles_cut() {
    let mut ws = practice_workspace();
    let bank = ws.accounts.iter_mut().find(|a| a.id == "acc-bank").unwrap();
    // Three more roots, and a manager cycle the import would refuse.
    for (i, p) in bank.people.iter_mut().enumerate() {
        if [3, 10, 25].contains(&i) {
            p.manager = None;
        }
    }
    bank.people[40].manager = Some(bank.people[41].id.clone());
    bank.people[41].manager = Some(bank.people[40].id.clone());
    for o in [opts(), tidy()] {
        let l = layout(&ws, "acc-bank", Layer::Reporting, &o).unwrap();
        assert_eq!(l.nodes.len(), 47);
        assert_no_overlap(&l, "forest");
        assert_reporting_readable(&l, "forest");
        let roots = l.nodes.len() - l.edges.iter().filter(|e| e.kind == EdgeKind::Reporting).count();
        assert!(roots >= 5, "{roots} roots");
    }
}

#[test]
fn collapsed_subtrees_fold_away_and_dotted_lines_never_move_a_box() {
    let ws = practice_workspace();
    let full = layout(&ws, "acc-bank", Layer::Reporting, &opts()).unwrap();
    let cio = "p-bank-006";
    let folded = layout(&ws, "acc-bank", Layer::Reporting, &LayoutOptions { collapsed: vec![cio.into()], ..opts() }).unwrap();
    let node = folded.nodes.iter().find(|n| n.person == cio).unwrap();
    assert!(node.hidden_reports > 0);
    assert_eq!(folded.hidden, node.hidden_reports);
    assert_eq!(folded.nodes.len() + folded.hidden as usize, full.nodes.len());
    assert!(folded.edges.iter().all(|e| folded.nodes.iter().any(|n| n.person == e.to)));
    assert_reporting_readable(&folded, "collapsed");
    assert!(full.edges.iter().any(|e| e.kind == EdgeKind::DottedLine));

    let mut no_dotted = ws.clone();
    for a in &mut no_dotted.accounts {
        for p in &mut a.people {
            p.dotted_managers.clear();
        }
    }
    let plain = layout(&no_dotted, "acc-bank", Layer::Reporting, &opts()).unwrap();
    assert_eq!(positions(&plain), positions(&full));
    assert!(!plain.edges.iter().any(|e| e.kind == EdgeKind::DottedLine));
}

fn positions(l: &Layout) -> Vec<(String, f64, f64)> {
    l.nodes.iter().map(|n| (n.person.clone(), n.x, n.y)).collect()
}

#[test]
fn people_do_not_jump_between_reporting_and_combined() {
    let ws = practice_workspace();
    for collapsed in [vec![], vec!["p-bank-009".to_string()]] {
        for mode in [ReportingMode::Compact, ReportingMode::Tidy] {
            let o = LayoutOptions { collapsed: collapsed.clone(), mode, ..opts() };
            let r = layout(&ws, "acc-bank", Layer::Reporting, &o).unwrap();
            let c = layout(&ws, "acc-bank", Layer::Combined, &o).unwrap();
            let cd = layout(&ws, "acc-bank", Layer::Combined, &LayoutOptions { deal: Some("d-bank-core".into()), ..o }).unwrap();
            assert_eq!(positions(&r), positions(&c));
            assert_eq!(positions(&r), positions(&cd));
            assert!(c.edges.iter().any(|e| e.kind == EdgeKind::Influence));
            assert!(cd.edges.iter().any(|e| e.kind == EdgeKind::Decision));
            assert!(!c.edges.iter().any(|e| e.kind == EdgeKind::Decision));
        }
    }
}

#[test]
fn political_regions_are_disjoint_and_hold_their_people() {
    for ws in [practice_workspace(), synthetic::workspace(2_000, 1, 7, 0, 0)] {
        for account in ws.accounts.iter().map(|a| a.id.clone()) {
            let l = layout(&ws, &account, Layer::Political, &opts()).unwrap();
            assert_no_overlap(&l, &account);
            let groups: Vec<Rect> = l.groups.iter().map(|g| g.rect()).collect();
            assert!(overlapping_pairs(&groups).is_empty(), "{account}: regions intersect");
            let acc = ws.accounts.iter().find(|a| a.id == account).unwrap();
            let person: HashMap<&str, &sandtable::model::Person> = acc.people.iter().map(|p| (p.id.as_str(), p)).collect();
            for n in &l.nodes {
                let p = person[n.person.as_str()];
                let want = p.primary_circle.as_deref().or(p.circles.first().map(String::as_str));
                let g = l.groups.iter().find(|g| g.rect().contains_rect(&n.rect())).expect("inside a region");
                match want {
                    Some(c) => assert_eq!((g.kind, g.id.as_str()), (GroupKind::Circle, c)),
                    None => assert_eq!(g.kind, GroupKind::Outside),
                }
            }
            let members: u32 = l.groups.iter().map(|g| g.members).sum();
            assert_eq!(members as usize, acc.people.len());
            assert_eq!(l.edges.len(), acc.influences.len());
            assert!(l.edges.iter().all(|e| e.kind == EdgeKind::Influence && e.strength.is_some()));
            // Deterministic.
            assert_eq!(l, layout(&ws, &account, Layer::Political, &opts()).unwrap());
        }
    }
}

#[test]
fn outsiders_are_set_apart() {
    let ws = synthetic::workspace(500, 1, 3, 0, 0);
    let l = layout(&ws, ACC, Layer::Political, &opts()).unwrap();
    let outside = l.groups.iter().find(|g| g.kind == GroupKind::Outside).unwrap().rect();
    for g in l.groups.iter().filter(|g| g.kind == GroupKind::Circle) {
        let r = g.rect();
        let gap_x = (outside.x - r.right()).max(r.x - outside.right());
        let gap_y = (outside.y - r.bottom()).max(r.y - outside.bottom());
        assert!(gap_x.max(gap_y) >= 100.0, "outsiders too close to {}", g.id);
    }
}

fn band_of(l: &Layout, person: &str) -> usize {
    let n = l.nodes.iter().find(|n| n.person == person).unwrap();
    l.groups.iter().position(|g| g.rect().contains_rect(&n.rect())).expect("in a band")
}

#[test]
fn decision_bands_run_from_approvers_down_to_unknown() {
    let ws = practice_workspace();
    for deal in ws.deals.iter().filter(|d| d.account == "acc-bank") {
        let l = layout(&ws, "acc-bank", Layer::Decision, &with_deal(&deal.id)).unwrap();
        assert_no_overlap(&l, &deal.id);
        let roles: Vec<Role> = l.groups.iter().map(|g| g.role.unwrap()).collect();
        assert_eq!(&roles[..4], &[Role::Approver, Role::DecisionMaker, Role::Evaluator, Role::User]);
        for w in l.groups.windows(2) {
            assert!(w[0].y + w[0].height <= w[1].y, "bands overlap");
        }
        for p in &deal.participants {
            let band = band_of(&l, &p.person);
            assert_eq!(l.groups[band].role, Some(p.role), "{} in the wrong band", p.person);
        }
        assert_eq!(l.edges.len(), deal.decision_links.len());
        // Every route ends on the border of its target box.
        for e in &l.edges {
            let t = l.nodes.iter().find(|n| n.person == e.to).unwrap().rect();
            let end = *e.points.last().unwrap();
            assert!((end.y - t.y).abs() < 1e-6 || (end.y - t.bottom()).abs() < 1e-6, "{e:?}");
        }
    }
    let err = layout(&ws, "acc-bank", Layer::Decision, &opts()).unwrap_err();
    assert_eq!(err.code().key(), "invalid_input");
    assert!(err.to_string().contains("d-bank-core"));
}

/// Proper crossings between decision links with no person in common (the
/// usual crossing number; what scripts/compare-graphviz.py counts for both).
fn independent_crossings(l: &Layout) -> usize {
    count_crossings_where(l.edges.iter().map(|e| e.points.as_slice()), |i, j| {
        let (a, b) = (&l.edges[i], &l.edges[j]);
        a.from != b.from && a.from != b.to && a.to != b.from && a.to != b.to
    })
}

#[test]
fn decision_crossings_no_more_than_dot() {
    // Figures of Graphviz dot 2.43.0 on the same graphs, measured with
    // `python3 scripts/compare-graphviz.py --quick`: dot gets the participants
    // as 184 × 60 px boxes and the links oriented the way Sandtable draws them
    // (upper band to lower; inside a band the one recommended to on top) and
    // ranks them freely; its splines are sampled into polylines and crossings
    // of links without a common person counted. The 12-person chain (seed 5):
    // dot 0. The 40-person, 55-link chain of the benchmark (seed 7): dot 36
    // (40 if crossings of splines sharing an end count too).
    let ws = synthetic::workspace(200, 1, 5, 12, 11);
    let l = layout(&ws, ACC, Layer::Decision, &with_deal("d0")).unwrap();
    assert_eq!(l.edges.len(), 11);
    assert_eq!(independent_crossings(&l), 0, "dot draws the 12-person chain without crossings");
    assert_eq!(count_crossings(l.edges.iter().map(|e| e.points.as_slice())), 0);
    let ws = synthetic::workspace(2_000, 1, 7, 40, 55);
    let l = layout(&ws, ACC, Layer::Decision, &with_deal("d0")).unwrap();
    assert_eq!(l.nodes.len(), 40);
    assert_eq!(l.edges.len(), 55);
    let c = independent_crossings(&l);
    assert!(c <= 36, "{c} crossings on the 40-person chain, dot 36");
    let all = count_crossings(l.edges.iter().map(|e| e.points.as_slice()));
    assert!(all <= 40, "{all} crossings counting links with a common person, dot 40");
}

#[test]
fn wider_decision_chains_cross_less_than_dot_in_all() {
    // Eight 60-person chains with 85 links (seeds 1-8), crossings of links
    // without a common person, summed: dot ranking freely 506, dot held to
    // Sandtable's rows 426 (scripts/compare-graphviz.py's two drawings, run
    // on these chains). Sandtable 481 from three starting orders, 467 since
    // a fourth, breadth first from the top as dot starts (src/layout/decision.rs).
    let total: usize = (1..=8)
        .map(|seed| {
            let ws = synthetic::workspace(2_000, 1, seed, 60, 85);
            let l = layout(&ws, ACC, Layer::Decision, &with_deal("d0")).unwrap();
            assert_eq!(l.nodes.len(), 60);
            independent_crossings(&l)
        })
        .sum();
    assert!(total <= 475, "{total} crossings on eight 60-person chains (dot 506)");
}

/// Routes of `l` that run through a box other than their own two ends.
fn lines_through_boxes(l: &Layout) -> Vec<(usize, usize)> {
    let slot: HashMap<&str, usize> = l.nodes.iter().enumerate().map(|(k, n)| (n.person.as_str(), k)).collect();
    routes_through_boxes(l.edges.iter().map(|e| e.points.as_slice()), &rects(l), |i| {
        (slot[l.edges[i].from.as_str()], slot[l.edges[i].to.as_str()])
    })
}

#[test]
fn no_line_runs_through_a_box_in_the_practice_accounts() {
    // Every layer of every practice account (the pictures in docs/layouts):
    // dotted lines, influence lines and overlaid decision links bend round
    // the boxes in their way, as the solid lines and decision routes do.
    let ws = practice_workspace();
    for account in &ws.accounts {
        let deals: Vec<&str> = ws.deals.iter().filter(|d| d.account == account.id).map(|d| d.id.as_str()).collect();
        let mut views = vec![(Layer::Reporting, opts()), (Layer::Political, opts()), (Layer::Combined, opts())];
        for d in &deals {
            views.push((Layer::Decision, with_deal(d)));
            views.push((Layer::Combined, with_deal(d)));
        }
        for (layer, o) in views {
            let l = layout(&ws, &account.id, layer, &o).unwrap();
            let through = lines_through_boxes(&l);
            assert!(through.is_empty(), "{} {layer:?} {:?}: {:?}", account.id, o.deal, through);
        }
    }
}

#[test]
fn encoding_follows_the_deal_when_one_is_shown() {
    let ws = practice_workspace();
    let deal = ws.deals.iter().find(|d| d.id == "d-bank-core").unwrap();
    let l = layout(&ws, "acc-bank", Layer::Combined, &with_deal("d-bank-core")).unwrap();
    for p in &deal.participants {
        let n = l.nodes.iter().find(|n| n.person == p.person).unwrap();
        assert_eq!(n.encoding.role, Some(p.role));
        assert_eq!(n.encoding.attitude, p.attitude);
        assert!(n.encoding.on_deal);
    }
    let source = deal.assessments.iter().max_by_key(|a| a.date).unwrap().inside_source.clone().unwrap();
    assert!(l.nodes.iter().find(|n| n.person == source).unwrap().encoding.inside_source);
    let leaning = l.nodes.iter().find(|n| n.encoding.leans_to.is_some()).expect("someone leans to a competitor");
    assert!(leaning.encoding.leans_to_name.is_some());
    // Interaction is derived from done activities: someone in the bank was met.
    let plain = layout(&ws, "acc-bank", Layer::Reporting, &opts()).unwrap();
    assert!(plain.nodes.iter().any(|n| n.encoding.interaction != sandtable::model::Interaction::None));
    assert!(plain.nodes.iter().all(|n| n.encoding.role.is_none()));
    let channels: Vec<_> = l.legend.iter().map(|e| serde_json::to_value(e.channel).unwrap()).collect();
    for c in ["attitude_fill", "interaction_border", "role_badge", "orientation_mark", "inside_source", "leans_to", "edge"] {
        assert!(channels.iter().any(|v| v == c), "legend lacks {c}");
    }
}

fn hostile() -> Workspace {
    let mut ws = practice_workspace();
    let bank = ws.accounts.iter_mut().find(|a| a.id == "acc-bank").unwrap();
    bank.people[0].name = "<script>alert(1)</script>".into();
    bank.people[1].title = "R&D \"lead\" 'x' </svg>".into();
    bank.circles[0].name = "<b>圈</b>".into();
    ws
}

#[test]
fn svg_escapes_user_text_and_carries_fonts_and_legend() {
    let ws = hostile();
    for layer in Layer::ALL {
        let o = if layer == Layer::Decision { with_deal("d-bank-core") } else { opts() };
        let text = svg::to_svg(&layout(&ws, "acc-bank", layer, &o).unwrap());
        assert!(!text.contains("<script"), "{layer:?}");
        assert!(!text.contains("<b>"), "{layer:?}");
        assert!(text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "{layer:?}");
        assert_eq!(text.matches("</svg>").count(), 1, "{layer:?}");
        assert!(text.contains(r#"font-family='"Noto Sans CJK SC","Microsoft YaHei",sans-serif'"#));
        assert!(text.contains("关系状况") && text.contains("交互程度") && text.contains("行为取向"), "{layer:?}: legend");
        assert!(text.contains("鸿远银行"), "{layer:?}: Chinese text");
    }
    let text = svg::to_svg(&layout(&ws, "acc-bank", Layer::Political, &opts()).unwrap());
    assert!(text.contains("&lt;b&gt;圈&lt;/b&gt;"));
    assert!(text.contains("R&amp;D &quot;lead&quot; &apos;x&apos; &lt;/svg&gt;") || text.contains("R&amp;D &quot;lead&quot;"));
}

#[test]
fn cli_layout_as_json_and_svg() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ws.db");
    let run = |args: &[&str]| sandtable_cli().arg("--db").arg(&db).args(args).output().unwrap();
    assert!(run(&["demo"]).status.success());
    let out = run(&["layout", "acc-bank", "--layer", "reporting", "--json", "--as-of", "2026-11-27"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["layer"], "reporting");
    assert_eq!(v["nodes"].as_array().unwrap().len(), 47);
    assert!(v["nodes"][0]["encoding"]["attitude"].is_string());
    let file = dir.path().join("d.svg");
    let out = run(&["layout", "acc-bank", "--layer", "decision", "--deal", "d-bank-core", "--svg", "--out", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stdout.is_empty());
    assert!(std::fs::read_to_string(&file).unwrap().starts_with("<?xml"));
    let out = run(&["layout", "acc-bank", "--layer", "political", "--collapsed", "p-bank-002,p-bank-003", "--svg"]);
    assert!(String::from_utf8(out.stdout).unwrap().contains("<svg"));
    let out = run(&["layout", "acc-bank", "--layer", "sideways"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("invalid_input"));
    let out = run(&["layout", "acc-nope", "--layer", "reporting"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("not_found"));
    let out = run(&["synth", "--people", "30", "--participants", "10", "--links", "12"]);
    let ws: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(ws["accounts"][0]["people"].as_array().unwrap().len(), 30);
    assert_eq!(ws["deals"][0]["decision_links"].as_array().unwrap().len(), 12);
}

#[test]
fn synthetic_decision_chain_imports_cleanly() {
    let ws = synthetic::workspace(300, 2, 9, 40, 55);
    let mut store = memory_store();
    sandtable::io::import_workspace(&mut store, &ws, sandtable::io::ImportMode::Replace).unwrap();
}

#[test]
fn circle_structured_influences_mostly_stay_inside_a_circle() {
    use sandtable::layout::synthetic::{workspace_with, Influences};
    let random = workspace_with(2_000, 0, 7, 0, 0, Influences::Random);
    let circles = workspace_with(2_000, 0, 7, 0, 0, Influences::Circles);
    let share_inside = |ws: &Workspace| {
        let acc = &ws.accounts[0];
        let circle: HashMap<&str, Option<&str>> =
            acc.people.iter().map(|p| (p.id.as_str(), sandtable::layout::circle_of(p))).collect();
        let inside = acc.influences.iter().filter(|l| circle[l.from.as_str()] == circle[l.to.as_str()]).count();
        inside as f64 / acc.influences.len() as f64
    };
    assert_eq!(random.accounts[0].influences.len(), circles.accounts[0].influences.len());
    // Random lines join two people of one group (8 circles + outsiders) about 1 time in 8.
    assert!(share_inside(&random) < 0.2, "random: {}", share_inside(&random));
    // Five in six inside, plus the random ones that land inside by chance.
    assert!(share_inside(&circles) > 0.8, "circles: {}", share_inside(&circles));
    assert!(circles.accounts[0].influences.iter().all(|l| l.from != l.to));
    // Deterministic; the people and deals are those of the random kind.
    assert_eq!(circles, workspace_with(2_000, 0, 7, 0, 0, Influences::Circles));
    assert_eq!(circles.accounts[0].people, random.accounts[0].people);
}

/// Crossings between the drawn influence lines of a political layout (lines
/// with a common end do not count).
fn influence_crossings(l: &Layout) -> usize {
    let ends: Vec<(&str, &str)> = l.edges.iter().map(|e| (e.from.as_str(), e.to.as_str())).collect();
    count_crossings_where(l.edges.iter().map(|e| e.points.as_slice()), |i, j| {
        let ((a, b), (c, d)) = (ends[i], ends[j]);
        a != c && a != d && b != c && b != d
    })
}

#[test]
fn circles_whose_lines_form_trees_are_drawn_with_few_crossings() {
    // Every circle's influence lines form a tree (each person influenced by
    // one earlier member): planar, and with no line between circles nothing
    // forces a crossing. Placement starts from each circle's spring drawing,
    // so a circle's own lines hardly tangle (a few crossings remain where
    // lines are bent round boxes; started from the people's list order the
    // same maps had 1, 9 and 29).
    for seed in [3, 7, 11] {
        let mut ws = synthetic::workspace(200, 0, seed, 0, 0);
        let acc = &mut ws.accounts[0];
        let mut members: std::collections::BTreeMap<Option<String>, Vec<String>> = Default::default();
        for p in &acc.people {
            members.entry(sandtable::layout::circle_of(p).map(str::to_string)).or_default().push(p.id.clone());
        }
        acc.influences = members
            .values()
            .flat_map(|ids| {
                (1..ids.len()).map(move |i| sandtable::model::InfluenceLink {
                    from: ids[(i * 7 + seed as usize) % i].clone(),
                    to: ids[i].clone(),
                    strength: 2,
                })
            })
            .collect();
        let l = layout(&ws, ACC, Layer::Political, &opts()).unwrap();
        assert_no_overlap(&l, "trees");
        assert_eq!(l.edges.len(), ws.accounts[0].influences.len());
        let crossings = influence_crossings(&l);
        assert!(crossings <= 10, "seed {seed}: {crossings} crossings between lines of circles that are trees");
    }
}

#[test]
fn small_maps_are_annealed_to_fewer_crossings() {
    // Maps of up to 1,000 lines get a simulated annealing of the seating
    // (src/layout/untangle.rs) that also counts lines run through boxes.
    // Measured on 200-person maps of seeds 7, 11, 23, 31, 5, 41 (single maps
    // vary either way; the sums less): circle maps 360 crossings before
    // (greedy search alone), 326 with the circles' drawings pulled towards
    // the other circles, 299 annealed too, 278 now (a move's cost counted
    // only until it is sure to be refused, and the spring drawing's start
    // computed with layout::maths); random-line maps 3,513 without
    // annealing, 2,858 with, 2,715 now. A last-bit change in the spring
    // drawing's start moves single maps by ±30 %: over seeds 1–64 the
    // circle maps' mean is 60.2 (session 5), 56.1, 56.7 (now).
    use sandtable::layout::synthetic::{workspace_with, Influences};
    let crossings = |influences: Influences| -> Vec<usize> {
        [7, 11, 23, 31, 5, 41]
            .iter()
            .map(|&seed| {
                let ws = workspace_with(200, 0, seed, 0, 0, influences);
                let l = layout(&ws, ACC, Layer::Political, &opts()).unwrap();
                assert_no_overlap(&l, "political 200");
                influence_crossings(&l)
            })
            .collect()
    };
    let circles = crossings(Influences::Circles);
    assert!(circles.iter().sum::<usize>() <= 310, "circle maps: {circles:?} crossings");
    let random = crossings(Influences::Random);
    assert!(random.iter().sum::<usize>() <= 3_100, "random-line maps: {random:?} crossings");
}

#[test]
fn a_bent_line_goes_round_by_the_side_that_crosses_less() {
    // The 200-person map of the Graphviz comparison (lines mostly inside a
    // circle; sfdp 4 crossings with the circles mixed). Measured: 91 with
    // every bent line taking the shortest way round, 59 since a bent line
    // keeps the way round that crosses fewer of the other lines (45 since
    // small maps are annealed: the previous test; 37–49 since, as the
    // previous test says).
    use sandtable::layout::synthetic::{workspace_with, Influences};
    let ws = workspace_with(200, 0, 7, 0, 0, Influences::Circles);
    let l = layout(&ws, ACC, Layer::Political, &opts()).unwrap();
    assert_no_overlap(&l, "political 200");
    let crossings = influence_crossings(&l);
    assert!(crossings <= 65, "{crossings} crossings");
    let boxes = rects(&l);
    let index: HashMap<&str, usize> = l.nodes.iter().enumerate().map(|(i, n)| (n.person.as_str(), i)).collect();
    let through = routes_through_boxes(l.edges.iter().map(|e| e.points.as_slice()), &boxes, |k| {
        (index[l.edges[k].from.as_str()], index[l.edges[k].to.as_str()])
    });
    // Only the long lines kept straight on purpose (through more than 8
    // boxes: src/layout/route.rs) may run through boxes; no bent one does.
    let mut straight: Vec<usize> = Vec::new();
    for &(k, _) in &through {
        straight.push(k);
    }
    straight.dedup();
    for k in straight {
        let e = &l.edges[k];
        let hits = through.iter().filter(|t| t.0 == k).count();
        assert!(e.points.len() == 2 && hits > 8, "line {k} is bent and still runs through {hits} boxes: {:?}", e.points);
    }
}
