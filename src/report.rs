//! Report: renders a run as one self-contained HTML page for people — per document, each change
//! with its before and after values, the derived growth and its uncertainty interval, an SVG
//! chart, and the source sentence with the figures highlighted; then the indicator values and
//! the validation summary.
//!
//! Built a batch of documents at a time as a run streams past ([`Page::add`]), finished with the
//! run's totals ([`Page::finish`]); it holds the sections of the documents it shows, never a
//! table. Pure: no scripts, no external resources, no timestamps.

use std::collections::BTreeMap;
use std::fmt::Write;

use crate::batch::{Batch, Summary};
use crate::catalog::Catalog;
use crate::records::{Change, Document, Figure, Measures, Provenance, Relation, Sentence, Unit, wire_name};

/// Longest text the page shows of any one string (a sentence is at most ~600 chars); longer
/// ones, such as a catalog name gone wrong, are cut so the page stays bounded.
const SHOWN_CHARS: usize = 1000;

/// Characters that change how the text around them is displayed without showing themselves:
/// bidirectional overrides and isolates (U+202E makes "10亿元" read "元亿01"), zero-width and
/// invisible format characters. The page shows each as its code point instead.
fn invisible(c: char) -> bool {
    matches!(c, '\u{00AD}' | '\u{061C}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206F}' | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}')
}

/// HTML-escapes `s` for text and attribute values, neutralising invisible format characters and
/// cutting it at [`SHOWN_CHARS`].
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.chars().enumerate() {
        if i == SHOWN_CHARS {
            out.push('…');
            break;
        }
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c if invisible(c) => {
                let _ = write!(out, "[U+{:04X}]", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

/// Groups the integer part in threes: 9619000000 → 9,619,000,000.
fn grouped(v: f64) -> String {
    let s = format!("{}", v.abs());
    let (int, frac) = s.split_once('.').map_or((s.as_str(), None), |(i, f)| (i, Some(f)));
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    if v < 0.0 { format!("−{out}") } else { out }
}

fn round(v: f64, digits: i32) -> f64 {
    let m = 10f64.powi(digits);
    (v * m).round() / m
}

/// A value as a reader of the report expects it: 96.19亿元, 1.28%, 第16位, 2,138.
fn show(v: f64, unit: Option<Unit>) -> String {
    match unit {
        Some(Unit::Cny) if v.abs() >= 1e8 => format!("{}亿元", round(v / 1e8, 4)),
        Some(Unit::Cny) if v.abs() >= 1e4 => format!("{}万元", round(v / 1e4, 4)),
        Some(Unit::Cny) => format!("{}元", grouped(v)),
        Some(Unit::Percent) => format!("{}%", round(v, 4)),
        Some(Unit::PercentagePoint) => format!("{} pp", round(v, 4)),
        Some(Unit::Rank) => format!("第{v}位"),
        Some(Unit::Mu) => format!("{} 亩", grouped(v)),
        Some(Unit::Kilogram) => format!("{} kg", grouped(v)),
        _ => grouped(round(v, 4)),
    }
}

fn interval(lo: Option<f64>, hi: Option<f64>, v: Option<f64>, unit: Option<Unit>) -> String {
    match (lo, hi) {
        (Some(l), Some(h)) if Some(l) == v && Some(h) == v => "exact".to_string(),
        (Some(l), Some(h)) => format!("{} – {}", show(l, unit), show(h, unit)),
        (Some(l), None) => format!("≥ {}, no upper bound", show(l, unit)),
        (None, Some(h)) => format!("≤ {}", show(h, unit)),
        (None, None) => "unbounded".to_string(),
    }
}

fn measure(name: &str, v: Option<f64>, lo: Option<f64>, hi: Option<f64>, suffix: &str) -> Option<String> {
    let v = v?;
    let r = |x: f64| format!("{}{suffix}", round(x, 2));
    let range = match (lo, hi) {
        (Some(l), Some(h)) if round(l, 2) == round(h, 2) => String::new(),
        (Some(l), Some(h)) => format!(" <span class=\"range\">({} to {})</span>", r(l), r(h)),
        (Some(l), None) => format!(" <span class=\"range\">(at least {})</span>", r(l)),
        (None, Some(h)) => format!(" <span class=\"range\">(at most {})</span>", r(h)),
        (None, None) => " <span class=\"range\">(unbounded)</span>".to_string(),
    };
    Some(format!("<li>{name}: <b>{}</b>{range}</li>", r(v)))
}

/// The two ends of a change labelled by year when the document's period gives them.
fn end_labels(period: Option<(i32, i32)>) -> [String; 2] {
    match period {
        Some((a, b)) if a != b => [a.to_string(), b.to_string()],
        _ => ["before".into(), "after".into()],
    }
}

/// A rank change as positions on a downward axis: 1 at the top, so rising is up and a bar
/// never makes a worse position look bigger.
fn rank_chart(m: &Measures, subject: &str, labels: &[String; 2]) -> String {
    let ends = [(m.from_value, &labels[0]), (m.to_value, &labels[1])];
    let worst = ends.iter().filter_map(|(v, _)| *v).fold(1.0f64, f64::max).ceil() + 1.0;
    let (w, h, top, bottom) = (300.0, 150.0, 24.0, 124.0);
    let y = |v: f64| top + (v - 1.0) / (worst - 1.0) * (bottom - top);
    let mut svg = format!(
        "<svg class=\"chart\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" role=\"img\" aria-label=\"{}\">\
<text x=\"4\" y=\"12\" class=\"axis-label\">rank (1 at the top)</text>\
<line x1=\"30\" y1=\"{top}\" x2=\"30\" y2=\"{bottom}\" class=\"axis\"/><text x=\"22\" y=\"{:.1}\" class=\"tick\">1</text>",
        esc(subject),
        top + 4.0
    );
    let points: Vec<(f64, f64)> = ends.iter().enumerate().filter_map(|(i, (v, _))| v.map(|v| (90.0 + i as f64 * 120.0, y(v)))).collect();
    if let [a, b] = points[..] {
        let _ = write!(svg, "<line x1=\"{}\" y1=\"{:.1}\" x2=\"{}\" y2=\"{:.1}\" class=\"whisker\"/>", a.0, a.1, b.0, b.1);
    }
    for (i, (v, label)) in ends.iter().enumerate() {
        let Some(v) = *v else { continue };
        let x = 90.0 + i as f64 * 120.0;
        let _ = write!(
            svg,
            "<circle cx=\"{x}\" cy=\"{:.1}\" r=\"5\" class=\"bar\"/><text x=\"{x}\" y=\"{:.1}\" class=\"value\">No. {}</text>\
<text x=\"{x}\" y=\"{}\" class=\"label\">{}</text>",
            y(v),
            y(v) - 8.0,
            round(v, 0),
            h - 8.0,
            esc(label)
        );
    }
    svg.push_str("</svg>");
    svg
}

/// Two bars, before and after (labelled by year when known), with whiskers for their bounds; an
/// open bound is an arrow. Ranks are drawn as positions instead ([`rank_chart`]).
fn chart(c: &Change, period: Option<(i32, i32)>) -> String {
    let m = &c.measures;
    let unit = m.unit;
    let labels = end_labels(period);
    if unit == Some(Unit::Rank) {
        return rank_chart(m, &c.subject, &labels);
    }
    let bars = [
        (labels[0].as_str(), m.from_value, m.from_lower, m.from_upper, c.relation == Relation::Growth),
        (labels[1].as_str(), m.to_value, m.to_lower, m.to_upper, false),
    ];
    let top = bars.iter().flat_map(|(_, v, _, hi, _)| [*v, *hi]).flatten().fold(0.0f64, f64::max) * 1.15;
    if top <= 0.0 {
        return String::new();
    }
    let (w, h, base) = (300.0, 150.0, 130.0);
    let y = |v: f64| base - (v / top) * (base - 20.0);
    let mut svg = format!(
        "<svg class=\"chart\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" role=\"img\" aria-label=\"{}\">",
        esc(&c.subject)
    );
    let _ = write!(svg, "<line x1=\"20\" y1=\"{base}\" x2=\"{}\" y2=\"{base}\" class=\"axis\"/>", w - 20.0);
    if let Some(u) = unit {
        let _ = write!(svg, "<text x=\"4\" y=\"12\" class=\"axis-label\">{}</text>", esc(&wire_name(&u)));
    }
    for (i, (label, v, lo, hi, derived)) in bars.iter().enumerate() {
        let Some(v) = *v else { continue };
        let x = 60.0 + i as f64 * 120.0;
        let class = if *derived { "bar derived" } else { "bar" };
        let _ = write!(svg, "<rect x=\"{x}\" y=\"{:.1}\" width=\"60\" height=\"{:.1}\" class=\"{class}\"/>", y(v), base - y(v));
        let cx = x + 30.0;
        let low = lo.unwrap_or(0.0);
        match hi {
            Some(hv) if Some(*hv) != Some(v) || *lo != Some(v) => {
                let _ = write!(svg, "<line x1=\"{cx}\" y1=\"{:.1}\" x2=\"{cx}\" y2=\"{:.1}\" class=\"whisker\"/>", y(low), y(*hv));
            }
            None => {
                let _ = write!(
                    svg,
                    "<line x1=\"{cx}\" y1=\"{:.1}\" x2=\"{cx}\" y2=\"12\" class=\"whisker open\"/><path d=\"M{} 16 L{cx} 8 L{} 16\" class=\"whisker\"/>",
                    y(low),
                    cx - 5.0,
                    cx + 5.0
                );
            }
            _ => {}
        }
        let _ = write!(svg, "<text x=\"{cx}\" y=\"{:.1}\" class=\"value\">{}</text>", (y(v) - 4.0).max(10.0), esc(&show(v, unit)));
        let _ = write!(
            svg,
            "<text x=\"{cx}\" y=\"{}\" class=\"label\">{}{}</text>",
            base + 14.0,
            esc(label),
            if *derived { " (derived)" } else { "" }
        );
    }
    svg.push_str("</svg>");
    svg
}

/// Chars of a long sentence shown either side of the figures it is quoted for.
const CONTEXT_CHARS: usize = 200;

/// The sentence with every figure of the change marked where it stands; a long sentence is cut
/// to the figures with [`CONTEXT_CHARS`] either side, … where it was cut.
fn highlighted(sentence: &Sentence, figures: &[&Figure]) -> String {
    let at = |offset: u64| offset.saturating_sub(sentence.start) as usize;
    let mut marks: Vec<(usize, usize)> = figures.iter().map(|f| (at(f.start), at(f.end))).collect();
    marks.sort_unstable();
    marks.dedup();
    let from = marks.first().map_or(0, |m| m.0).saturating_sub(CONTEXT_CHARS);
    let to = marks.last().map_or(0, |m| m.1) + CONTEXT_CHARS;
    let mut chars = sentence.text.chars().skip(from);
    let mut take = |n: usize| esc(&chars.by_ref().take(n).collect::<String>());
    let mut out = String::from(if from > 0 { "…" } else { "" });
    let mut pos = from;
    for (start, end) in marks {
        let before = take(start.saturating_sub(pos));
        let _ = write!(out, "{before}<mark>{}</mark>", take(end.saturating_sub(start.max(pos))));
        pos = end.max(pos);
    }
    out.push_str(&take(to.saturating_sub(pos)));
    if chars.next().is_some() {
        out.push('…');
    }
    out
}

/// A batch's figures by id and sentences by document and index, for the cards to quote.
struct Lookup<'a> {
    figures: BTreeMap<&'a str, &'a Figure>,
    sentences: BTreeMap<(&'a str, u32), &'a Sentence>,
}

fn change_card(c: &Change, lookup: &Lookup, catalog: &Catalog, period: Option<(i32, i32)>) -> String {
    let (fig, sentences) = (&lookup.figures, &lookup.sentences);
    let m = &c.measures;
    let unit = m.unit;
    let mut s = String::from("<article class=\"change\">");
    let name = c.indicator_id.as_deref().and_then(|i| catalog.get(i));
    let title = match name {
        Some(i) => format!("{} <span class=\"zh\">{}</span>", esc(&i.name_en), esc(&i.name_zh)),
        None => format!("<span class=\"zh\">{}</span> <span class=\"unmatched\">(no catalog indicator)</span>", esc(&c.subject)),
    };
    let _ = write!(s, "<h3>{title}</h3><div class=\"body\"><div>");
    let ends: Vec<&Figure> = [c.from_id.as_deref(), Some(c.to_id.as_str()), c.rate_id.as_deref()]
        .into_iter()
        .flatten()
        .filter_map(|id| fig.get(id).copied())
        .collect();
    let _ = write!(s, "<table class=\"ends\"><tr><th></th><th>value</th><th>as written</th><th>bounds</th></tr>");
    if let Some(v) = m.from_value {
        let written = c.from_id.as_deref().and_then(|i| fig.get(i)).map_or("derived from the rate".to_string(), |f| esc(&f.text));
        let _ = write!(
            s,
            "<tr><th>before</th><td>{}</td><td>{written}</td><td>{}</td></tr>",
            esc(&show(v, unit)),
            esc(&interval(m.from_lower, m.from_upper, m.from_value, unit))
        );
    }
    if let (Some(v), Some(to)) = (m.to_value, fig.get(c.to_id.as_str())) {
        let _ = write!(
            s,
            "<tr><th>after</th><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&show(v, unit)),
            esc(&to.text),
            esc(&interval(m.to_lower, m.to_upper, m.to_value, unit))
        );
    }
    if let Some(rate) = c.rate_id.as_deref().and_then(|i| fig.get(i)) {
        let _ = write!(s, "<tr><th>stated change</th><td colspan=\"3\">{}</td></tr>", esc(&rate.text));
    }
    s.push_str("</table><ul class=\"measures\">");
    let years = m.years.map(|y| format!(" over {y} years")).unwrap_or_default();
    let lines = [
        measure("multiple", m.multiple, m.multiple_lower, m.multiple_upper, "×"),
        measure("relative change", m.relative_change_pct, m.relative_change_pct_lower, m.relative_change_pct_upper, "%"),
        measure(&format!("compound annual growth{years}"), m.cagr_pct, m.cagr_pct_lower, m.cagr_pct_upper, "%"),
        measure("percentage-point change", m.pp_change, m.pp_change_lower, m.pp_change_upper, " pp"),
        measure("places gained", m.places_gained, m.places_gained, m.places_gained, ""),
    ];
    for l in lines.into_iter().flatten() {
        s.push_str(&l);
    }
    s.push_str("</ul></div>");
    s.push_str(&chart(c, period));
    let quoted = ends.last().and_then(|f| sentences.get(&(f.document_id.as_str(), f.sentence_index)));
    let _ = write!(s, "</div><blockquote>{}</blockquote></article>", quoted.map_or_else(String::new, |q| highlighted(q, &ends)));
    s
}

/// A page a person can read: at most this many change cards per document and this many
/// documents; the rest is counted and left to the tables.
const CARDS_PER_DOCUMENT: usize = 40;
pub const DOCUMENTS_SHOWN: usize = 100;

/// The rows of document `d`, found by binary search (rows are sorted by document id).
fn by_document<'a, T>(rows: &'a [T], d: &Document, id: impl Fn(&T) -> &String) -> &'a [T] {
    let start = rows.partition_point(|r| id(r) < &d.id);
    let end = rows.partition_point(|r| id(r) <= &d.id);
    &rows[start..end]
}

fn document_section(d: &Document, b: &Batch, lookup: &Lookup, catalog: &Catalog) -> String {
    let mut s = String::new();
    let period = match (d.period_start, d.period_end) {
        (Some(a), Some(e)) => format!("{a}–{e}"),
        _ => "period not stated".to_string(),
    };
    let _ = write!(
        s,
        "<section class=\"document\" id=\"{}\"><h2>{}</h2><p class=\"meta\">{} · {} ({}) · {} · {} figures, {} changes</p>",
        esc(&d.id),
        esc(&d.title),
        esc(&d.publisher),
        esc(&d.region),
        esc(&d.region_code),
        period,
        d.figure_count,
        d.change_count
    );
    let changes = by_document(&b.changes, d, |c| &c.document_id);
    let period = d.period_start.zip(d.period_end);
    for c in changes.iter().take(CARDS_PER_DOCUMENT) {
        s.push_str(&change_card(c, lookup, catalog, period));
    }
    if changes.len() > CARDS_PER_DOCUMENT {
        let _ = write!(s, "<p class=\"meta\">… and {} more changes in changes.parquet.</p>", changes.len() - CARDS_PER_DOCUMENT);
    }
    let rows = by_document(&b.indicators, d, |i| &i.document_id);
    if !rows.is_empty() {
        s.push_str("<h3>Indicator values</h3><table class=\"indicators\"><tr><th>indicator</th><th>year</th><th>value</th><th>bounds</th><th>source</th></tr>");
        for i in rows {
            let how = match i.provenance {
                Provenance::Stated => "stated",
                Provenance::Derived => "derived",
            };
            let _ = write!(
                s,
                "<tr><td>{} <span class=\"zh\">{}</span></td><td>{}</td><td>{}</td><td>{}</td><td>{how}</td></tr>",
                esc(&i.name_en),
                esc(&i.name_zh),
                i.year,
                esc(&show(i.value, Some(i.unit))),
                esc(&interval(i.lower, i.upper, Some(i.value), Some(i.unit)))
            );
        }
        s.push_str("</table>");
    }
    s.push_str(&figure_list(by_document(&b.figures, d, |f| &f.document_id)));
    s.push_str("</section>");
    s
}

/// Most figures listed per document; the rest are in figures.parquet.
const FIGURES_LISTED: usize = 300;

/// Every figure of a document, folded away until asked for.
fn figure_list(figures: &[Figure]) -> String {
    if figures.is_empty() {
        return String::new();
    }
    let mut s = format!(
        "<details><summary>{} figures</summary><div class=\"scroll\"><table class=\"figures\"><tr><th>as written</th><th>value</th><th>kind</th><th>qualifier</th><th>bounds</th><th>role</th></tr>",
        figures.len()
    );
    for f in figures.iter().take(FIGURES_LISTED) {
        let _ = write!(
            s,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&f.text),
            esc(&show(f.value, Some(f.unit))),
            esc(&wire_name(&f.kind)),
            esc(&f.qualifier.map(|q| wire_name(&q)).unwrap_or_default()),
            esc(&interval(f.lower, f.upper, Some(f.value), Some(f.unit))),
            esc(&wire_name(&f.role))
        );
    }
    s.push_str("</table></div>");
    if figures.len() > FIGURES_LISTED {
        let _ = write!(s, "<p class=\"meta\">… and {} more in figures.parquet.</p>", figures.len() - FIGURES_LISTED);
    }
    s.push_str("</details>");
    s
}

const STYLE: &str = "body{font-family:system-ui,'Noto Sans CJK SC',sans-serif;margin:1.5rem auto;padding:0 1rem;max-width:60rem;color:#1d2330;line-height:1.45}\
svg.chart{max-width:100%;height:auto}.scroll,table.summary,table.indicators,table.ends{display:block;overflow-x:auto;max-width:100%}\
.chart .axis-label,.chart .tick{font-size:9px;text-anchor:start;fill:#5a6475}#filter{width:100%;max-width:24rem;padding:.3rem;font-size:1rem}\
details{margin:.8rem 0}summary{cursor:pointer;color:#3b5b8c}\
h1{margin-bottom:.2rem}h2{border-bottom:2px solid #d6dbe4;padding-bottom:.2rem;margin-top:2.5rem}.meta{color:#5a6475}\
.change{border:1px solid #d6dbe4;border-radius:6px;padding:.6rem 1rem;margin:1rem 0}.change h3{margin:.2rem 0 .5rem}\
.zh{color:#5a6475;font-weight:normal}.unmatched{color:#a05a00;font-size:.85em}.body{display:flex;gap:1.5rem;flex-wrap:wrap}\
table{border-collapse:collapse}td,th{padding:.15rem .6rem;text-align:left;border-bottom:1px solid #eef0f4}\
.measures{margin:.5rem 0}.range{color:#5a6475}blockquote{margin:.6rem 0 0;padding:.4rem .8rem;background:#f6f7f9;border-left:3px solid #9aa6b8}\
mark{background:#ffe28a;padding:0 .1rem}.chart .bar{fill:#4c78a8}.chart .derived{fill:#a9c3df}.chart .axis{stroke:#9aa6b8}\
.chart .whisker{stroke:#1d2330;stroke-width:1.5;fill:none}.chart .open{stroke-dasharray:3 2}.chart text{font-size:10px;text-anchor:middle;fill:#1d2330}\
.summary td.failed{color:#b00020;font-weight:bold}";

/// Hides the documents (and their links) whose text does not contain what is typed: offline, no
/// library, works at any number of documents on the page.
const FILTER: &str = "document.addEventListener('DOMContentLoaded',()=>{const f=document.getElementById('filter');\
f.addEventListener('input',()=>{const q=f.value.trim().toLowerCase();\
document.querySelectorAll('section.document').forEach(s=>{const hit=!q||s.textContent.toLowerCase().includes(q);\
s.hidden=!hit;const a=document.querySelector('nav a[href=\"#'+CSS.escape(s.id)+'\"]');if(a)a.parentElement.hidden=!hit;});});});";

/// The page, a batch of documents at a time.
#[derive(Default)]
pub struct Page {
    nav: String,
    sections: String,
    shown: usize,
}

impl Page {
    /// Renders the batch's documents while fewer than the page shows have been added.
    pub fn add(&mut self, b: &Batch, catalog: &Catalog) {
        let room = DOCUMENTS_SHOWN.saturating_sub(self.shown);
        if room == 0 {
            return;
        }
        let lookup = Lookup {
            figures: b.figures.iter().map(|f| (f.id.as_str(), f)).collect(),
            sentences: b.sentences.iter().map(|s| ((s.document_id.as_str(), s.index), s)).collect(),
        };
        for d in b.documents.iter().take(room) {
            let _ =
                write!(self.nav, "<li><a href=\"#{}\">{}</a> <span class=\"zh\">{}</span></li>", esc(&d.id), esc(&d.title), esc(&d.region));
            self.sections.push_str(&document_section(d, b, &lookup, catalog));
            self.shown += 1;
        }
    }

    /// The whole page, with the run's totals and validation summary.
    pub fn finish(self, run: &Summary) -> String {
        let mut s = String::new();
        let _ = write!(
            s,
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
<title>figures report</title><style>{STYLE}</style></head><body>\
<h1>Figures from Chinese S&amp;T reports</h1><p class=\"meta\">{} documents · {} figures · {} changes · {} indicator values · \
validation: {} errors, {} warnings, {} notes</p>\
<p><input id=\"filter\" type=\"search\" placeholder=\"Filter documents: title, region, indicator, figure…\" aria-label=\"Filter documents\"></p>\
<script>{FILTER}</script><nav><ul>",
            run.documents,
            run.figures,
            run.changes,
            run.indicators,
            run.errors.len(),
            run.warnings,
            run.notes
        );
        s.push_str(&self.nav);
        s.push_str("</ul></nav>");
        s.push_str(&self.sections);
        if run.documents > self.shown as u64 {
            let _ = write!(s, "<p class=\"meta\">… and {} more documents in documents.parquet.</p>", run.documents - self.shown as u64);
        }
        s.push_str("<section id=\"validation\"><h2>Validation</h2><table class=\"summary\"><tr><th>check</th><th>table</th><th>checked</th><th>passed</th><th>failed</th></tr>");
        for c in &run.checks {
            let failed = if c.failed > 0 { " class=\"failed\"" } else { "" };
            let state = if c.skipped { " (skipped)" } else { "" };
            let _ = write!(
                s,
                "<tr><td>{}{state}</td><td>{}</td><td>{}</td><td>{}</td><td{failed}>{}</td></tr>",
                esc(&c.check),
                esc(&c.table),
                c.checked,
                c.passed,
                c.failed
            );
        }
        s.push_str("</table>");
        if !run.codes.is_empty() {
            s.push_str(
                "<details><summary>Warnings and notes by code</summary><table class=\"summary\"><tr><th>code</th><th>count</th></tr>",
            );
            for (code, n) in &run.codes {
                let _ = write!(s, "<tr><td>{}</td><td>{n}</td></tr>", esc(code));
            }
            s.push_str("</table><p class=\"meta\">Every finding, with its record and place, is in validation.json.</p></details>");
        }
        s.push_str("</section></body></html>\n");
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bidi_override_is_shown_as_its_code_point_and_cannot_turn_the_text() {
        assert_eq!(esc("10\u{202E}亿元\u{2066}"), "10[U+202E]亿元[U+2066]");
    }

    #[test]
    fn the_ends_of_a_change_are_labelled_by_the_documents_years() {
        assert_eq!(end_labels(Some((2017, 2021))), ["2017".to_string(), "2021".to_string()]);
        assert_eq!(end_labels(None), ["before".to_string(), "after".to_string()]);
    }

    #[test]
    fn a_better_rank_is_drawn_higher_not_as_a_smaller_bar() {
        let m = Measures { unit: Some(Unit::Rank), from_value: Some(16.0), to_value: Some(12.0), ..Measures::default() };
        let svg = rank_chart(&m, "综合科技创新水平", &end_labels(Some((2017, 2021))));
        let cy: Vec<f64> = svg
            .split("<circle cx=")
            .skip(1)
            .map(|p| p.split("cy=\"").nth(1).unwrap().split('"').next().unwrap().parse().unwrap())
            .collect();
        assert!(!svg.contains("<rect"), "a rank is not a bar");
        assert!(cy[1] < cy[0], "No. 12 must sit above No. 16: {cy:?}");
        assert!(svg.contains("No. 16") && svg.contains("2021"));
    }

    #[test]
    fn markup_is_escaped_and_a_huge_string_is_cut() {
        assert_eq!(esc("<b>&\""), "&lt;b&gt;&amp;&quot;");
        let shown = esc(&"名".repeat(100_000));
        assert_eq!(shown.chars().count(), SHOWN_CHARS + 1);
        assert!(shown.ends_with('…'));
    }

    fn sentence(text: &str, start: u64) -> Sentence {
        let chars = text.chars().count() as u64;
        Sentence {
            document_id: "d".into(),
            index: 0,
            start,
            end: start + chars,
            byte_start: 0,
            byte_end: text.len() as u64,
            text: text.into(),
            section: None,
            block: crate::records::Block::Body,
        }
    }

    fn figure(text: &str, start: u64) -> Figure {
        let x = figures_extract::extract::extract("d", text, &Catalog::default());
        Figure { start, end: start + text.chars().count() as u64, ..x.figures[0].clone() }
    }

    #[test]
    fn a_figure_is_marked_where_it_stands_not_where_its_text_first_occurs() {
        // The sentence starts at char 10 of its document; the change's figure is the second 12%.
        let s = sentence("收入增长12%,利润增长12%。", 10);
        assert_eq!(highlighted(&s, &[&figure("12%", 22)]), "收入增长12%,利润增长<mark>12%</mark>。");
    }

    #[test]
    fn a_long_sentence_is_cut_to_its_figures_with_context_either_side() {
        let text = format!("{}共3家{}", "甲".repeat(500), "乙".repeat(500));
        let shown = highlighted(&sentence(&text, 0), &[&figure("3家", 501)]);
        let expected = format!("…{}共<mark>3家</mark>{}…", "甲".repeat(CONTEXT_CHARS - 1), "乙".repeat(CONTEXT_CHARS));
        assert_eq!(shown, expected);
    }
}
