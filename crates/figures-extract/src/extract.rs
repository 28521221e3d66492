//! Extract: turns one decoded text into records — [`Figure`]s and [`Change`]s tied to a document
//! id, with exact spans, sentences and sections — plus the findings met on the way.
//!
//! Pure: text in, records out. It runs [`crate::scan`] and [`crate::link`] and does the
//! bookkeeping (ids, byte offsets, exact → float values); it never reads a file.

use rust_decimal::Decimal;

use crate::catalog::Catalog;
use crate::document::Text;
use crate::findings::{Finding, Severity};
use crate::lexicon::regions::{NATION, NATION_CODE};
use crate::lexicon::verbs;
use crate::link::{self, Linked};
use crate::numerals::{exact_string, integer_digits};
use crate::records::{Change, Figure, Kind, Measures, Role, Sentence};
use crate::scan::{self, Found, NotFigure, Rejected};

/// Everything extracted from one text.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    pub figures: Vec<Figure>,
    /// The sentences the figures sit in, each once.
    pub sentences: Vec<Sentence>,
    pub changes: Vec<Change>,
    pub findings: Vec<Finding>,
    /// Every numeral that is not (in) a figure, with why (char offsets): with the figures, they
    /// account for every numeral of the text. Not written to `output/` (records reused from a
    /// previous run have none); `figures extract --json` lists them.
    pub rejected: Vec<Rejected>,
}

impl Extraction {
    /// The object `figures extract --json` prints (and `figures.extract` returns in Python): the
    /// document's id and size, then the records, findings and rejected numerals.
    pub fn to_json(&self, document_id: &str, text: &str) -> serde_json::Value {
        // Char offsets to byte offsets, to cut each rejected numeral's text.
        let bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).chain([text.len()]).collect();
        let rejected: Vec<serde_json::Value> = self
            .rejected
            .iter()
            .map(|r| serde_json::json!({ "text": &text[bytes[r.start]..bytes[r.end]], "start": r.start, "end": r.end, "class": r.why.name() }))
            .collect();
        serde_json::json!({
            "document": { "id": document_id, "chars": text.chars().count(), "bytes": text.len() },
            "figures": self.figures,
            "sentences": self.sentences,
            "changes": self.changes,
            "findings": self.findings,
            "rejected": rejected,
        })
    }
}

fn float(v: Decimal) -> f64 {
    float_of(&exact_string(v))
}

/// The double nearest an exact decimal string: parsing it gives the correctly rounded double
/// (1.28, not 1.2800000001).
fn float_of(exact: &str) -> f64 {
    exact.parse().unwrap_or(f64::NAN)
}

/// `document_id:start`, the id of a record starting at char `start`; one is built per figure, so
/// without the formatting machinery.
fn record_id(document_id: &str, start: u64) -> String {
    [document_id, ":", integer_digits(start, &mut [0; 20])].concat()
}

/// Extracts the figures and changes of `text`, naming records after `document_id`.
pub fn extract(document_id: &str, text: &str, catalog: &Catalog) -> Extraction {
    let t = Text::new(text);
    let mut scan = scan::scan(&t);
    let mut findings = Vec::new();
    for r in scan.rejected.iter().filter(|r| r.why == NotFigure::Overflow) {
        let (start, end) = t.written_span(r.start, r.end);
        findings.push(Finding {
            severity: Severity::Warning,
            code: "number-overflow".into(),
            record_id: format!("{document_id}:{start}"),
            location: format!("chars {start}..{end}"),
            message: format!("\"{}\" has more digits than exact arithmetic allows (28); it is not extracted", t.slice(r.start, r.end)),
        });
    }
    let mut figures: Vec<Figure> = scan.figures.iter().map(|f| figure_record(document_id, &t, f)).collect();
    for (i, item) in link::items(&t, &scan.figures) {
        figures[i].item = Some(item);
    }
    for (i, ranked, share_of) in link::context(&t, &scan.figures) {
        figures[i].ranked = ranked;
        figures[i].share_of = share_of;
    }
    let linked = link::link(&t, &scan.figures);
    // The rate of a growth statement states a change, whatever words stand before it (新增技术
    // 经纪人860余名,累计达到3200名).
    for r in linked.iter().filter_map(|c| c.rate) {
        figures[r].role = crate::records::Role::Change;
    }
    // The two ends of a before→after are of one measure: a share at one end is a share at the
    // other, however far apart the clauses put them (比例从2015年的6.2%,提高到2020年的10.56%).
    for c in &linked {
        if let Some(a) = c.from
            && [(Role::Share, Role::Level), (Role::Level, Role::Share)].contains(&(figures[a].role, figures[c.to].role))
            && figures[a].kind == Kind::Percent
        {
            figures[a].role = Role::Share;
            figures[c.to].role = Role::Share;
        }
    }
    let mut changes = Vec::with_capacity(linked.len());
    let mut subjects: Vec<Option<usize>> = vec![None; figures.len()];
    for c in &linked {
        let (change, subject_start) = change_record(document_id, &t, &scan.figures, &figures, c, catalog);
        for i in c.from.into_iter().chain([c.to]).chain(c.rate) {
            figures[i].indicator_id = change.indicator_id.clone();
            subjects[i] = Some(subject_start);
        }
        if change.indicator_id.is_none() {
            findings.push(Finding {
                severity: Severity::Info,
                code: "unknown-subject".into(),
                record_id: change.id.clone(),
                location: format!("chars {}..{}", change.start, change.end),
                message: format!("no catalog indicator names the subject \"{}\"", change.subject),
            });
        }
        changes.push(change);
    }
    standing_alone(&t, &scan.figures, &mut figures, &mut subjects, catalog);
    for ((x, region), dated) in
        figures.iter_mut().zip(link::regions::regions(&t, &scan.figures, &subjects)).zip(link::periods::periods(&t, &scan.figures, &linked))
    {
        x.region = x.region.take().or(region);
        if let Some(d) = dated {
            x.period = Some(d.period.to_string());
            x.period_basis = Some(d.basis);
            x.period_words = Some(t.slice(d.words.0, d.words.1));
        }
    }
    // Offsets as written: a wrapped text is read without its soft line breaks.
    for r in &mut scan.rejected {
        (r.start, r.end) = t.written_span(r.start, r.end);
    }
    scan.rejected.extend(t.left_out.iter().map(|&(start, end)| Rejected { start, end, why: NotFigure::Page }));
    scan.rejected.sort_by_key(|r| r.start);
    let sentences = sentence_records(document_id, &t, &figures);
    Extraction { figures, sentences, changes, findings, rejected: scan.rejected }
}

/// The words a list's items share when the last item holds them (外观设计专利授权量 after 发明专利、
/// 实用新型专利): after where the other items' common ending (专利) last occurs in it, or, for a
/// single other item with no ending in common, after as many chars as that item has (技术转让和技术
/// 咨询合同成交额 → 合同成交额).
fn shared_tail<'a>(items: &[&str], last: &'a str) -> Option<&'a str> {
    let others = items.get(..items.len().checked_sub(1)?)?;
    let first = others.first()?;
    let common: String = {
        let mut ending: Vec<char> = first.chars().rev().collect();
        for other in &others[1..] {
            let n = ending.iter().zip(other.chars().rev()).take_while(|(a, b)| *a == b).count();
            ending.truncate(n);
        }
        ending.into_iter().rev().collect()
    };
    let at = if others.len() > 1 && !common.is_empty() {
        last.rfind(&common).map(|p| p + common.len())?
    } else {
        last.char_indices().nth(first.chars().count()).map(|(p, _)| p)?
    };
    Some(&last[at..]).filter(|t| !t.is_empty())
}

/// The indicator and subject start of each figure outside any change, from its own clause's
/// subject: a level's or a rank's (what it ranks) names the indicator in the figure's unit, a
/// stated change's (新增23家, 同比增长14.6%) an indicator it can be the change of, and a share's
/// its part with 占比 (基础研究经费 → 基础研究经费占比) or the whole sentence of it. A figure
/// given for an item of a list (技术开发合同和技术服务合同成交额分别为A和B) is named by its item
/// with the words after the list (技术开发合同成交额). A subject opening with 全国 whose indicator
/// no alias names with 全国 is the whole country's (全国研发经费投入, unlike 全国重点实验室).
fn standing_alone(t: &Text, found: &[Found], figures: &mut [Figure], subjects: &mut [Option<usize>], catalog: &Catalog) {
    let mut last_item: Option<(u32, String)> = None;
    let found_items: Vec<(u32, String)> = figures.iter().filter_map(|f| Some((f.sentence_index, f.item.clone()?))).collect();
    for i in (0..found.len()).rev() {
        let (x, fig) = (&found[i], &mut figures[i]);
        if x.kind.is_time() {
            continue;
        }
        let (start, subject) = link::level_subject(t, found, x.start);
        if let Some(item) = fig.item.clone() {
            // The list's last item ends where the words the items share begin.
            let last = match &last_item {
                Some((s, last)) if *s == fig.sentence_index => last.clone(),
                _ => item.clone(),
            };
            last_item = Some((fig.sentence_index, last.clone()));
            let shared = subject.rfind(&last).map_or("", |p| &subject[p + last.len()..]);
            // The last item may hold the words the items share (发明专利、实用新型专利和外观设计专利
            // 授权量): each other item is named with them.
            let named = catalog.match_subject(&[item.as_str(), shared].concat(), x.unit).or_else(|| {
                let items: Vec<&str> = found_items.iter().filter(|(s, _)| *s == fig.sentence_index).map(|(_, it)| it.as_str()).collect();
                let tail = shared_tail(&items, &last)?;
                (item != last).then(|| catalog.match_subject(&[item.as_str(), tail].concat(), x.unit)).flatten()
            });
            if let Some(ind) = named {
                fig.indicator_id = Some(ind.id.clone());
            }
        }
        if subjects[i].is_some() {
            continue;
        }
        subjects[i] = Some(start);
        let named = match (x.kind, fig.role) {
            (Kind::Rank, _) => catalog.match_subject(fig.ranked.as_deref().unwrap_or_default(), x.unit),
            (_, Role::Change) => catalog.match_change(&subject, x.unit),
            (_, Role::Share) => {
                // The part's subject also says whose share it is (其中武汉市…,占全省的57%).
                let (part_start, part) = share_part(t, found, i, (start, &subject));
                subjects[i] = Some(part_start);
                let whole = fig.share_of.as_deref().map(|w| [part.as_str(), "占", w, "比重"].concat());
                catalog.match_subject(&[part.as_str(), "占比"].concat(), x.unit).or_else(|| catalog.match_subject(&whole?, x.unit))
            }
            _ => catalog.match_subject(&subject, x.unit),
        };
        if fig.indicator_id.is_none() {
            fig.indicator_id = named.map(|ind| ind.id.clone());
        }
        let national = subject.strip_prefix(NATION.word).is_some_and(|rest| {
            catalog.match_subject(rest, x.unit).is_some_and(|ind| !ind.aliases.iter().any(|a| a.starts_with(NATION.word)))
        });
        if national {
            fig.region = Some(NATION_CODE.to_string());
        }
    }
}

/// What a share is a part of, and where its words start: its subject, or, when its clause opens
/// with the share word (…基础研究经费96.4亿元,占全部研发经费的比重为7.1%), the subject of the
/// level stated before it in the sentence.
fn share_part(t: &Text, found: &[Found], i: usize, (start, subject): (usize, &str)) -> (usize, String) {
    let opens_with_share = verbs::VERBS.iter().any(|v| v.takes_whole && subject.starts_with(v.word));
    let sentence = t.sentence_at(found[i].start);
    // A few figures back at most, so that a text without sentence ends stays linear.
    let level = found[..i]
        .iter()
        .rev()
        .take(8)
        .take_while(|p| t.sentence_at(p.start) == sentence)
        .find(|p| p.role == Role::Level && !p.kind.is_time());
    match level {
        Some(p) if opens_with_share => link::level_subject(t, found, p.start),
        _ => (start, subject.to_string()),
    }
}

/// The sentences that hold a figure, in order: each once, however many figures it holds.
fn sentence_records(document_id: &str, t: &Text, figures: &[Figure]) -> Vec<Sentence> {
    let mut indices: Vec<u32> = figures.iter().map(|f| f.sentence_index).collect();
    indices.dedup();
    indices
        .into_iter()
        .filter_map(|i| {
            let s = t.sentences.get(i as usize)?;
            let (start, end) = t.written_span(s.start, s.end);
            let (byte_start, byte_end) = t.byte_span(s.start, s.end);
            Some(Sentence {
                document_id: document_id.to_string(),
                index: i,
                start: start as u64,
                end: end as u64,
                byte_start: byte_start as u64,
                byte_end: byte_end as u64,
                text: t.span(s.start, s.end).to_string(),
                section: s.section.as_deref().map(str::to_string),
                block: s.block,
            })
        })
        .collect()
}

fn figure_record(document_id: &str, t: &Text, f: &Found) -> Figure {
    let value_exact = exact_string(f.value);
    let value = float_of(&value_exact);
    // Most bounds equal the value, whose double is already known.
    let bound = |b: Decimal| if b == f.value { value } else { float(b) };
    let (start, end) = t.written_span(f.start, f.end);
    let (byte_start, byte_end) = t.byte_span(f.start, f.end);
    Figure {
        id: record_id(document_id, start as u64),
        document_id: document_id.to_string(),
        start: start as u64,
        end: end as u64,
        byte_start: byte_start as u64,
        byte_end: byte_end as u64,
        text: t.span(f.start, f.end).to_string(),
        value,
        value_exact,
        unit: f.unit,
        kind: f.kind,
        measure_word: f.measure_word.map(str::to_string),
        unit_text: f.unit_text.map(|(s, e)| t.slice(s, e)),
        qualifier: f.qualifier,
        projected: f.projected,
        role: f.role,
        lower: f.lower.map(bound),
        upper: f.upper.map(bound),
        sentence_index: t.sentence_at(f.start).unwrap_or(0) as u32,
        item: None,
        ranked: None,
        share_of: None,
        indicator_id: None,
        period: None,
        period_basis: None,
        period_words: None,
        region: None,
    }
}

/// The change record of `c`, and where its subject starts in `t`'s folded chars.
fn change_record(document_id: &str, t: &Text, found: &[Found], figures: &[Figure], c: &Linked, catalog: &Catalog) -> (Change, usize) {
    let (subject_start, subject) = link::subject_text(t, found, c);
    let (start, end) = t.written_span(subject_start, c.end);
    let to = &figures[c.to];
    let (first, second) = match (c.from, c.rate) {
        (Some(from), _) => (&figures[from], to),
        (None, Some(rate)) => (to, &figures[rate]),
        (None, None) => (to, to),
    };
    let change = Change {
        id: [&record_id(document_id, first.start), "-", integer_digits(second.start, &mut [0; 20])].concat(),
        document_id: document_id.to_string(),
        relation: c.relation,
        indicator_id: catalog.match_subject(&subject, to.unit).map(|i| i.id.clone()),
        subject,
        item: to.item.clone(),
        from_id: c.from.map(|i| figures[i].id.clone()),
        to_id: to.id.clone(),
        rate_id: c.rate.map(|i| figures[i].id.clone()),
        direction: c.direction,
        start: start as u64,
        end: end as u64,
        text: t.span(subject_start, c.end).to_string(),
        measures: Measures::default(),
    };
    (change, subject_start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn half_the_last_written_place_is_how_far_rounding_reaches() {
        let x = extract("t", "比上年增长1.28%,企业共30家。", &Catalog::default());
        let halves: Vec<f64> = x.figures.iter().map(Figure::half_last_place).collect();
        assert_eq!(halves, [0.005, 0.5]);
    }

    #[test]
    fn a_figure_of_a_wrapped_text_points_at_its_written_chars() {
        let text = "一、科技投入\n全省研究与试验发展经费支出568.3亿\n元，比上年增长11.2%；每万人口发明\n专利拥有量达到12.4件，较上年提高\n1.6件，居全国第15位。\n";
        let chars: Vec<char> = text.chars().collect();
        let x = extract("t", text, &Catalog::default());
        assert_eq!(x.figures.len(), 5);
        for f in &x.figures {
            assert_eq!(chars[f.start as usize..f.end as usize].iter().collect::<String>(), f.text);
            assert_eq!(&text[f.byte_start as usize..f.byte_end as usize], f.text);
        }
        assert_eq!(x.figures[0].text, "568.3亿\n元", "a figure cut by the wrap keeps the break it spans");
        assert!(x.changes.iter().any(|c| c.subject == "每万人口发明专利拥有量"), "{:?}", x.changes);
    }

    #[test]
    fn both_ends_of_a_before_after_of_a_share_are_shares_across_a_comma() {
        let x = extract("t", "高新技术产业产值占比从2016年的21.3%,提高到2023年的35.8%。", &Catalog::default());
        let roles: Vec<Role> = x.figures.iter().filter(|f| f.unit == crate::records::Unit::Percent).map(|f| f.role).collect();
        assert_eq!(roles, [Role::Share, Role::Share]);
    }

    #[test]
    fn a_share_is_about_the_region_of_its_part() {
        let x = extract("t", "湖北省通报\n其中武汉市高新技术企业1.6万家,占全省的57%。", &Catalog::default());
        let regions: Vec<Option<&str>> = x.figures.iter().map(|f| f.region.as_deref()).collect();
        assert_eq!(regions, [Some("CN-HB/武汉"), Some("CN-HB/武汉")]);
    }
}
