//! A layout as a finished SVG picture to paste into a report: title, legend,
//! circle regions or role bands, lines under the boxes, boxes with name,
//! title and the encoding of §3.4. Every piece of user text is XML-escaped
//! (a name like `<script>` shows as text) and cut to its box with "…"; the
//! full text is in each box's tooltip.

use std::fmt::Write;

use super::encoding::{dash_text, Channel, TagLook, PALETTE};
use super::{EdgeKind, GroupKind, Layout, LayoutEdge, LayoutNode};
use crate::model::Role;

pub const FONT_FAMILY: &str = r#""Noto Sans CJK SC","Microsoft YaHei",sans-serif"#;

/// Escapes text for XML content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Control characters are not allowed in XML 1.0.
            c if (c as u32) < 0x20 && c != '\t' && c != '\n' && c != '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Approximate advance of `s` at `size` px: CJK and full-width glyphs are
/// one em, Latin about 0.6 (the palette's [`super::encoding::TextMetrics`]).
pub fn text_width(s: &str, size: f64) -> f64 {
    PALETTE.text.width(s, size)
}

/// `s` cut with "…" to fit `width` at `size` px.
pub fn fit(s: &str, size: f64, width: f64) -> String {
    PALETTE.text.fit(s, size, width)
}

/// ` stroke-dasharray="…"` when dashed.
fn dash_attr(dash: Option<&[f64]>) -> String {
    dash.map(|d| format!(r#" stroke-dasharray="{}""#, dash_text(d))).unwrap_or_default()
}

fn num(v: f64) -> String {
    let r = (v * 10.0).round() / 10.0;
    if r == r.trunc() {
        format!("{}", r as i64)
    } else {
        format!("{r:.1}")
    }
}

/// The picture.
pub fn to_svg(layout: &Layout) -> String {
    let mut s = String::with_capacity(1024 + layout.nodes.len() * 900 + layout.edges.len() * 160);
    // Header (title and legend) scales with the drawing so it stays legible
    // when a large chart is viewed whole.
    let scale = (layout.width / 1400.0).clamp(1.0, 6.0);
    let (legend, legend_h) = legend_svg(layout);
    let header_h = (64.0 + legend_h) * scale;
    let width = layout.width.max(1040.0 * scale);
    let height = layout.height + header_h;
    let _ = write!(
        s,
        r#"<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family='{FONT_FAMILY}'>
"#,
        w = num(width),
        h = num(height)
    );
    s.push_str("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
    // Browsers take the style (the whole fallback list); renderers that only
    // understand one family (ImageMagick's) take the attribute after it.
    let _ = writeln!(s, r#"<g style="font-family:{}" font-family="Noto Sans CJK SC">"#, escape(FONT_FAMILY));
    // Title.
    let mut title = format!("{} · {}", layout.account_name, layout.layer.label());
    if let Some(d) = &layout.deal_name {
        title.push_str(" · ");
        title.push_str(d);
    }
    let subtitle = format!(
        "{} 人 · {} 条连线{} · 截至 {}",
        layout.nodes.len(),
        layout.edges.len(),
        if layout.hidden > 0 { format!(" · 折叠 {} 人", layout.hidden) } else { String::new() },
        layout.as_of
    );
    let _ = writeln!(
        s,
        r##"<g transform="scale({scale:.4})"><text x="24" y="34" font-size="22" font-weight="700" fill="#1f2328">{t}</text><text x="24" y="56" font-size="13" fill="#57606a">{st}</text>"##,
        t = escape(&title),
        st = escape(&subtitle)
    );
    let _ = writeln!(s, r#"<g transform="translate(24,70)">{legend}</g></g>"#);
    let _ = writeln!(s, r#"<g transform="translate(0,{})">"#, num(header_h));
    groups_svg(&mut s, layout);
    for e in &layout.edges {
        edge_svg(&mut s, e);
    }
    if layout.edges.len() <= 400 {
        for e in layout.edges.iter().filter(|e| !e.label.is_empty()) {
            edge_label_svg(&mut s, e);
        }
    }
    for n in &layout.nodes {
        node_svg(&mut s, n);
    }
    s.push_str("</g>\n</g>\n</svg>\n");
    s
}

fn kind_key(kind: EdgeKind) -> &'static str {
    match kind {
        EdgeKind::Reporting => "reporting",
        EdgeKind::DottedLine => "dotted_line",
        EdgeKind::Influence => "influence",
        EdgeKind::Decision => "decision",
    }
}

fn groups_svg(s: &mut String, layout: &Layout) {
    let mut circle = 0;
    for (k, g) in layout.groups.iter().enumerate() {
        let (x, y, w, h) = (num(g.x), num(g.y), num(g.width), num(g.height));
        match g.kind {
            GroupKind::Circle => {
                let look = PALETTE.circle(circle);
                circle += 1;
                let name = fit(&g.name, 16.0, g.width - 90.0);
                let _ = writeln!(
                    s,
                    r#"<rect x="{x}" y="{y}" width="{w}" height="{h}" rx="{r}" fill="{fill}" stroke="{stroke}" stroke-opacity="{so}" stroke-width="{sw}"{dash}/><text x="{tx}" y="{ty}" font-size="16" font-weight="700" fill="{ink}">{name}</text><text x="{cx}" y="{ty}" font-size="13" fill="{ink}">{m} 人</text>"#,
                    r = num(look.radius),
                    fill = look.fill,
                    stroke = look.stroke,
                    so = look.stroke_opacity,
                    sw = num(look.stroke_width),
                    dash = dash_attr(look.dash),
                    ink = look.ink,
                    tx = num(g.x + 16.0),
                    ty = num(g.y + 26.0),
                    name = escape(&name),
                    cx = num(g.x + 16.0 + text_width(&name, 16.0) + 10.0),
                    m = g.members
                );
            }
            GroupKind::Outside => {
                let look = &PALETTE.outside;
                let _ = writeln!(
                    s,
                    r##"<rect x="{x}" y="{y}" width="{w}" height="{h}" rx="{r}" fill="{fill}" stroke="{stroke}" stroke-width="{sw}"{dash}/><text x="{tx}" y="{ty}" font-size="16" font-weight="700" fill="{ink}">{name}</text><text x="{cx}" y="{ty}" font-size="13" fill="{ink}">{m} 人</text>"##,
                    r = num(look.radius),
                    fill = look.fill,
                    stroke = look.stroke,
                    sw = num(look.stroke_width),
                    dash = dash_attr(look.dash),
                    ink = look.ink,
                    tx = num(g.x + 16.0),
                    ty = num(g.y + 26.0),
                    name = escape(&g.name),
                    cx = num(g.x + 16.0 + text_width(&g.name, 16.0) + 10.0),
                    m = g.members
                );
            }
            GroupKind::RoleBand => {
                let look = PALETTE.band(k);
                let role = PALETTE.role(g.role.unwrap_or(Role::Unknown));
                // The stroke width is the SVG default.
                let _ = writeln!(
                    s,
                    r##"<rect x="{x}" y="{y}" width="{w}" height="{h}" rx="{r}" fill="{fill}" stroke="{stroke}"/><circle cx="{bx}" cy="{by}" r="11" fill="{colour}"/><text x="{bx}" y="{bty}" font-size="13" font-weight="700" fill="{badge_ink}" text-anchor="middle">{badge}</text><text x="{tx}" y="{ty}" font-size="15" font-weight="700" fill="{ink}">{name}</text><text x="{tx}" y="{ty2}" font-size="12" fill="#57606a">{m}</text>"##,
                    r = num(look.radius),
                    fill = look.fill,
                    stroke = look.stroke,
                    colour = role.colour,
                    badge_ink = PALETTE.node.badge.ink,
                    badge = role.glyph.zh_cn,
                    ink = look.ink,
                    bx = num(g.x + 22.0),
                    by = num(g.y + 22.0),
                    bty = num(g.y + 26.5),
                    tx = num(g.x + 40.0),
                    ty = num(g.y + 27.0),
                    ty2 = num(g.y + 44.0),
                    name = escape(&g.name),
                    m = if g.members == 0 { "（未识别）".to_string() } else { format!("{} 人", g.members) }
                );
            }
        }
    }
}

fn edge_svg(s: &mut String, e: &LayoutEdge) {
    if e.points.len() < 2 {
        return;
    }
    let look = PALETTE.edge(e.kind);
    let (colour, width) = (look.colour, look.width(e.strength));
    let directed = look.directed;
    let mut pts = e.points.clone();
    // An explicit arrowhead (markers are not drawn by every renderer); the
    // line stops at its base so a thick line does not poke through the tip.
    let head = if directed {
        let (a, b) = (pts[pts.len() - 2], pts[pts.len() - 1]);
        let len = a.distance(b);
        if len > 1e-6 {
            let (ux, uy) = ((b.x - a.x) / len, (b.y - a.y) / len);
            let size = (7.0 + width * 1.5).min(len * 0.8);
            let base = super::Point::new(b.x - ux * size, b.y - uy * size);
            let half = size * 0.45;
            let last = pts.len() - 1;
            pts[last] = base;
            Some(format!(
                "{},{} {},{} {},{}",
                num(b.x),
                num(b.y),
                num(base.x - uy * half),
                num(base.y + ux * half),
                num(base.x + uy * half),
                num(base.y - ux * half)
            ))
        } else {
            None
        }
    } else {
        None
    };
    let list: Vec<String> = pts.iter().map(|p| format!("{},{}", num(p.x), num(p.y))).collect();
    let opacity = if look.opacity < 1.0 { format!(r#" stroke-opacity="{}""#, look.opacity) } else { String::new() };
    let _ = write!(
        s,
        r#"<polyline data-kind="{}" points="{}" fill="none" stroke="{colour}" stroke-width="{}"{}{opacity} stroke-linejoin="round"/>"#,
        kind_key(e.kind),
        list.join(" "),
        num(width),
        dash_attr(look.dash)
    );
    if let Some(head) = head {
        let _ = write!(s, r#"<polygon points="{head}" fill="{colour}"/>"#);
    }
    s.push('\n');
}

fn edge_label_svg(s: &mut String, e: &LayoutEdge) {
    // On the longest segment, at its middle.
    let Some((a, b)) = e
        .points
        .windows(2)
        .map(|w| (w[0], w[1]))
        .max_by(|x, y| {
            let l = |p: &(super::Point, super::Point)| p.0.distance(p.1);
            l(x).total_cmp(&l(y))
        })
    else {
        return;
    };
    let (x, y) = ((a.x + b.x) / 2.0, (a.y + b.y) / 2.0);
    let colour = PALETTE.edge(e.kind).colour;
    let label = fit(&e.label, 11.0, 120.0);
    let w = text_width(&label, 11.0) + 8.0;
    let _ = writeln!(
        s,
        r##"<rect x="{}" y="{}" width="{}" height="15" rx="3" fill="#ffffff" fill-opacity="0.9" stroke="none"/><text x="{}" y="{}" font-size="11" fill="{colour}" text-anchor="middle">{}</text>"##,
        num(x - w / 2.0),
        num(y - 7.5),
        num(w),
        num(x),
        num(y + 4.0),
        escape(&label)
    );
}

fn node_svg(s: &mut String, n: &LayoutNode) {
    let enc = &n.encoding;
    let look = &PALETTE.node;
    let attitude = PALETTE.attitude(enc.attitude);
    let border = PALETTE.interaction(enc.interaction);
    let (x, y, w, h) = (n.x, n.y, n.width, n.height);
    let tip = {
        let mut t = format!("{} · {}", n.name, n.title);
        if let Some(c) = &enc.leans_to_name {
            t.push_str(&format!(" · {} {c}", look.leans.text.zh_cn));
        }
        if n.hidden_reports > 0 {
            t.push_str(&format!(" · 折叠 {} 人", n.hidden_reports));
        }
        escape(&t)
    };
    let stripe = &look.stripe;
    let _ = write!(
        s,
        r##"<g><title>{tip}</title><rect x="{x}" y="{y}" width="{w}" height="{h}" rx="{r}" fill="{tint}" stroke="{stroke}" stroke-width="{bw}"{dash}/><rect x="{sx}" y="{sy}" width="{sw}" height="{sh}" rx="{sr}" fill="{strong}"/>"##,
        x = num(x),
        y = num(y),
        w = num(w),
        h = num(h),
        r = num(look.radius),
        tint = attitude.tint,
        stroke = look.stroke,
        bw = num(border.width),
        dash = dash_attr(border.dash),
        sx = num(x + stripe.x),
        sy = num(y + stripe.y),
        sw = num(stripe.width),
        sh = num(h - 2.0 * stripe.y),
        sr = num(stripe.radius),
        strong = attitude.strong
    );
    // Top-right cluster, right to left: orientation mark, role badge, star.
    let mut right = x + w - look.cluster_inset;
    let m = &look.mark;
    let mark = PALETTE.orientation(enc.orientation).mark.zh_cn;
    let mw = text_width(mark, m.font_size) + m.pad;
    let _ = write!(
        s,
        r##"<rect x="{rx}" y="{ry}" width="{mw}" height="{mh}" rx="{mr}" fill="{fill}" stroke="{stroke}" stroke-width="{msw}"/><text x="{tx}" y="{ty}" font-size="{fs}" fill="{ink}" text-anchor="middle">{mark}</text>"##,
        rx = num(right - mw),
        ry = num(y + m.y),
        mw = num(mw),
        mh = num(m.height),
        mr = num(m.radius),
        fill = m.fill,
        stroke = m.stroke,
        msw = num(m.stroke_width),
        tx = num(right - mw / 2.0),
        ty = num(y + m.text_y),
        fs = num(m.font_size),
        ink = m.ink,
        mark = escape(mark)
    );
    right -= mw + m.gap;
    if let Some(role) = enc.role {
        let b = &look.badge;
        let role = PALETTE.role(role);
        let _ = write!(
            s,
            r##"<circle cx="{cx}" cy="{cy}" r="{r}" fill="{colour}"/><text x="{cx}" y="{ty}" font-size="{fs}" font-weight="700" fill="{ink}" text-anchor="middle">{badge}</text>"##,
            cx = num(right - b.radius),
            cy = num(y + b.cy),
            r = num(b.radius),
            colour = role.colour,
            ty = num(y + b.text_y),
            fs = num(b.font_size),
            ink = b.ink,
            badge = escape(role.glyph.zh_cn)
        );
        right -= b.advance;
    }
    if enc.inside_source {
        let star = &look.star;
        let _ = write!(
            s,
            r##"<text x="{tx}" y="{ty}" font-size="{fs}" fill="{colour}" text-anchor="middle">{glyph}</text>"##,
            tx = num(right - star.font_size / 2.0),
            ty = num(y + star.y),
            fs = num(star.font_size),
            colour = star.colour,
            glyph = star.glyph
        );
        right -= star.advance;
    }
    if let Some(k) = PALETTE.influence(enc.influence).pips {
        let p = &look.pips;
        for i in 0..p.count {
            let fill = if i < k { p.ink } else { "none" };
            let _ = write!(
                s,
                r##"<circle cx="{cx}" cy="{cy}" r="{r}" fill="{fill}" stroke="{ink}" stroke-width="{sw}"/>"##,
                cx = num(x + p.x + f64::from(i) * p.step),
                cy = num(y + p.y),
                r = num(p.radius),
                ink = p.ink,
                sw = num(p.stroke_width)
            );
        }
    }
    let name_w = right - (x + look.text_x) - look.text_gap;
    let _ = write!(
        s,
        r##"<text x="{tx}" y="{ty}" font-size="15" font-weight="700" fill="{name_ink}">{name}</text><text x="{tx}" y="{ty2}" font-size="11.5" fill="{title_ink}">{title}</text>"##,
        tx = num(x + look.text_x),
        ty = num(y + 28.0),
        ty2 = num(y + 48.0),
        name_ink = look.name_ink,
        title_ink = look.title_ink,
        name = escape(&fit(&n.name, 15.0, name_w)),
        title = escape(&fit(&n.title, 11.5, w - (look.text_x + look.text_right)))
    );
    if let Some(c) = &enc.leans_to_name {
        let tag = &look.leans;
        let label = format!("{} {}", tag.text.zh_cn, fit(c, tag.font_size, 70.0));
        let lw = text_width(&label, tag.font_size) + tag.pad;
        tag_svg(s, tag, &label, x + w - lw - tag.inset, y + h, lw);
    }
    if n.hidden_reports > 0 {
        let tag = &look.folded;
        let label = format!("+{}", n.hidden_reports);
        let lw = text_width(&label, tag.font_size) + tag.pad;
        tag_svg(s, tag, &label, x + tag.inset, y + h, lw);
    }
    s.push_str("</g>\n");
}

/// A pill of width `lw` from `left`, centred on the box's bottom edge at `bottom`.
fn tag_svg(s: &mut String, tag: &TagLook, label: &str, left: f64, bottom: f64, lw: f64) {
    let half = tag.height / 2.0;
    let _ = write!(
        s,
        r##"<rect x="{rx}" y="{ry}" width="{lw}" height="{th}" rx="{r}" fill="{colour}"/><text x="{tx}" y="{ty}" font-size="{fs}"{weight} fill="{ink}" text-anchor="middle">{label}</text>"##,
        rx = num(left),
        ry = num(bottom - half),
        lw = num(lw),
        th = num(tag.height),
        r = num(half),
        colour = tag.colour,
        tx = num(left + lw / 2.0),
        ty = num(bottom + tag.text_y),
        fs = num(tag.font_size),
        weight = if tag.bold { r#" font-weight="700""# } else { "" },
        ink = tag.ink,
        label = escape(label)
    );
}

/// The legend rows (one per channel) and their total height.
fn legend_svg(layout: &Layout) -> (String, f64) {
    let mut s = String::new();
    let mut y = 0.0;
    let mut channel: Option<Channel> = None;
    let mut x = 0.0;
    const HEAD_W: f64 = 132.0;
    const ROW_H: f64 = 24.0;
    let node = &PALETTE.node;
    for e in &layout.legend {
        // Inside source and leaning-to share one row.
        let same_row = channel == Some(e.channel) || (channel == Some(Channel::InsideSource) && e.channel == Channel::LeansTo);
        if !same_row {
            if channel.is_some() {
                y += ROW_H;
            }
            channel = Some(e.channel);
            x = HEAD_W;
            let head = if e.channel == Channel::InsideSource { "标记" } else { e.channel.label() };
            let _ = write!(s, r##"<text x="0" y="{}" font-size="12.5" font-weight="700" fill="#1f2328">{}</text>"##, num(y + 13.0), escape(head));
        }
        let label = escape(&e.label);
        let lw = text_width(&e.label, 12.0);
        match e.channel {
            Channel::AttitudeFill => {
                let _ = write!(
                    s,
                    r##"<rect x="{}" y="{}" width="18" height="14" rx="3" fill="{}" stroke="#8c959f" stroke-width="0.6"/>"##,
                    num(x),
                    num(y + 2.0),
                    e.colour
                );
            }
            Channel::InteractionBorder => {
                let _ = write!(
                    s,
                    r##"<rect x="{}" y="{}" width="18" height="14" rx="3" fill="#ffffff" stroke="{}" stroke-width="{}"{}/>"##,
                    num(x + 1.0),
                    num(y + 2.0),
                    e.colour,
                    num(e.stroke_width),
                    e.dash.as_deref().map(|d| format!(r#" stroke-dasharray="{d}""#)).unwrap_or_default()
                );
            }
            Channel::RoleBadge => {
                let _ = write!(
                    s,
                    r##"<circle cx="{}" cy="{}" r="8.5" fill="{}"/><text x="{}" y="{}" font-size="10.5" font-weight="700" fill="{ink}" text-anchor="middle">{}</text>"##,
                    num(x + 9.0),
                    num(y + 9.0),
                    e.colour,
                    num(x + 9.0),
                    num(y + 13.0),
                    escape(&e.mark),
                    ink = node.badge.ink
                );
            }
            Channel::OrientationMark => {
                let _ = write!(
                    s,
                    r##"<rect x="{}" y="{}" width="20" height="15" rx="3" fill="{fill}" stroke="{stroke}" stroke-width="{sw}"/><text x="{}" y="{}" font-size="{}" fill="{}" text-anchor="middle">{}</text>"##,
                    num(x),
                    num(y + 1.5),
                    num(x + 10.0),
                    num(y + 13.0),
                    if e.mark.chars().count() > 1 { "8.5" } else { "11" },
                    e.colour,
                    escape(&e.mark),
                    fill = node.mark.fill,
                    stroke = node.mark.stroke,
                    sw = num(node.mark.stroke_width)
                );
            }
            Channel::InfluencePips => {
                let k: u8 = e.mark.parse().unwrap_or(0);
                let p = &node.pips;
                for i in 0..p.count {
                    let fill = if i < k { e.colour.as_str() } else { "none" };
                    let _ = write!(
                        s,
                        r##"<circle cx="{}" cy="{}" r="2.6" fill="{fill}" stroke="{}" stroke-width="{}"/>"##,
                        num(x + 3.0 + f64::from(i) * p.step),
                        num(y + 9.0),
                        e.colour,
                        num(p.stroke_width)
                    );
                }
            }
            Channel::InsideSource => {
                let _ = write!(s, r##"<text x="{}" y="{}" font-size="16" fill="{}" text-anchor="middle">{}</text>"##, num(x + 9.0), num(y + 15.0), e.colour, e.mark);
            }
            Channel::LeansTo => {
                let _ = write!(
                    s,
                    r##"<rect x="{}" y="{}" width="24" height="14" rx="7" fill="{}"/><text x="{}" y="{}" font-size="9.5" fill="{}" text-anchor="middle">{}</text>"##,
                    num(x - 3.0),
                    num(y + 2.0),
                    e.colour,
                    num(x + 9.0),
                    num(y + 12.5),
                    node.leans.ink,
                    node.leans.text.zh_cn
                );
            }
            Channel::Edge => {
                let _ = write!(
                    s,
                    r##"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="{}"{}/>"##,
                    num(x),
                    num(y + 9.0),
                    num(x + 26.0),
                    num(y + 9.0),
                    e.colour,
                    num(e.stroke_width),
                    e.dash.as_deref().map(|d| format!(r#" stroke-dasharray="{d}""#)).unwrap_or_default()
                );
                x += 8.0;
            }
        }
        let _ = write!(s, r##"<text x="{}" y="{}" font-size="12" fill="#24292f">{label}</text>"##, num(x + 24.0), num(y + 13.5));
        x += 24.0 + lw + 18.0;
    }
    let h = if channel.is_some() { y + ROW_H } else { 0.0 };
    (s, h)
}
