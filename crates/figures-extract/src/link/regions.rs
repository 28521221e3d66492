//! Regions: the region a figure is about when its clause names one other than the document's
//! own — the whole country (全国178家, 全国研发经费投入), a province (江苏省研发投入), or a place
//! below one (其中西安市R&D经费…, 杨凌示范区投入强度…). Places the title names are the
//! document's own. Whether 全国 opening a subject scopes it (全国研发经费投入) or begins a name
//! (全国重点实验室) takes the catalog, so [`crate::extract`] decides that case.
//!
//! Pure: reads the folded text and each figure's subject start; the words come from
//! [`crate::lexicon::regions`].

use crate::document::Folded;
use std::sync::LazyLock;

use super::title_end;
use crate::document::Text;
use crate::lexicon::Lexicon;
use crate::lexicon::regions::{NATION, NATION_CODE, NOT_NAME_ENDINGS, NOT_NAME_OPENINGS, PLACE_SUFFIXES, PROVINCES, Province};
use crate::records::Kind;
use crate::scan::Found;
use crate::scan::starts_with;

fn title(f: &Folded) -> String {
    f[..title_end(f)].iter().collect()
}

/// The province the document is from: the first one its title names, or else its next two lines
/// (a dateline, a byline).
fn home(f: &Folded) -> Option<&'static Province> {
    let lines: Vec<String> = f.split(|c| *c == '\n').take(3).map(|l| l.iter().collect()).collect();
    let named = |s: &str| PROVINCES.iter().filter_map(|p| s.find(p.short).map(|at| (at, p))).min_by_key(|(at, _)| *at).map(|(_, p)| p);
    if lines.len() < 2 {
        return None;
    }
    lines.iter().find_map(|l| named(l))
}

/// Every province's full and short name, with the province and the name's length in chars: asked
/// at every figure's subject, so passed over on a first char.
static PROVINCE_NAMES: LazyLock<Lexicon<(usize, usize)>> =
    LazyLock::new(|| Lexicon::new(PROVINCES.iter().enumerate().flat_map(|(k, p)| [p.name, p.short].map(|w| (w, (k, w.chars().count()))))));

/// The province named at `at` (full name first), with its length in chars.
fn province_at(f: &Folded, at: usize) -> Option<(&'static Province, usize)> {
    PROVINCE_NAMES.starting_at(f, at).next().map(|(_, (k, n))| (&PROVINCES[k], n))
}

/// A place name of two to four chars closed by a place suffix at `at` (西安市 → 西安).
fn place_at(f: &Folded, at: usize) -> Option<String> {
    (at + 2..=(at + 4).min(f.len())).filter(|&k| PLACE_SUFFIXES.iter().any(|w| starts_with(f, k, w.word))).find_map(|k| {
        let name: String = f[at..k].iter().collect();
        let proper = name.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
            && !name.starts_with(|c| NOT_NAME_OPENINGS.contains(c))
            && !name.ends_with(|c| NOT_NAME_ENDINGS.contains(c));
        proper.then_some(name)
    })
}

/// The region of every figure whose subject (starting at `subjects[i]`) or own words name one
/// other than the document's.
pub fn regions(t: &Text, figures: &[Found], subjects: &[Option<usize>]) -> Vec<Option<String>> {
    let f = &t.folded;
    let own_title = title(f);
    let home = home(f);
    let parent = home.map_or("document", |p| p.code);
    figures
        .iter()
        .zip(subjects)
        .map(|(x, s)| {
            // 全国第5位 ranks the document's region among the country's, so a rank is left out.
            let nation_n = NATION.word.chars().count();
            if x.kind != Kind::Rank && x.start >= nation_n && starts_with(f, x.start - nation_n, NATION.word) {
                return Some(NATION_CODE.to_string());
            }
            let s = (*s)?;
            if let Some((p, _)) = province_at(f, s) {
                return (Some(p.code) != home.map(|h| h.code)).then(|| p.code.to_string());
            }
            let name = place_at(f, s)?;
            (!own_title.contains(&name)).then(|| format!("{parent}/{name}"))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::link::level_subject;
    use crate::scan::scan;

    fn regions_of(s: &str) -> Vec<Option<String>> {
        let t = Text::new(s);
        let figs = scan(&t).figures;
        let subjects: Vec<Option<usize>> = figs.iter().map(|x| Some(level_subject(&t, &figs, x.start).0)).collect();
        regions(&t, &figs, &subjects)
    }

    #[test]
    fn a_place_below_the_province_gets_the_provinces_code_and_its_name() {
        assert_eq!(regions_of("陕西省统计公报\n其中西安市R&D经费达到508.6亿元。"), [Some("CN-SN/西安".to_string())]);
    }

    #[test]
    fn the_documents_own_places_and_class_words_are_not_other_regions() {
        assert_eq!(regions_of("潍坊高新区年报\n潍坊高新区营业收入3286.5亿元。"), [None]);
        assert_eq!(regions_of("某省公报\n全市研发投入120亿元,设区市研发投入80亿元。"), [None, None]);
    }

    #[test]
    fn the_country_and_other_provinces() {
        assert_eq!(regions_of("在全国178家国家高新区中位居前列。"), [Some("CN".to_string())]);
        assert_eq!(regions_of("江西省公报\n浙江省研发投入2600亿元。"), [Some("CN-ZJ".to_string())]);
        assert_eq!(regions_of("江西省公报\n江西省研发投入600亿元。"), [None]);
        assert_eq!(regions_of("江西省公报\n综合科技创新水平指数从全国第20位前移至第16位。"), [None, None]);
    }
}
