//! Every numeral accounted for: in every text of the repository (`raw/*.txt`,
//! `tests/fixtures/*.txt`) each numeral char — an Arabic digit or a Chinese numeral char — lies
//! in a figure or in a rejected numeral with its class, so that nothing is skipped silently.

use figures::catalog::Catalog;
use figures::extract::extract;
use figures::numerals::is_chinese_numeral_char;

fn texts() -> Vec<std::path::PathBuf> {
    let mut paths = Vec::new();
    for dir in ["raw", "tests/fixtures"] {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "txt") {
                paths.push(path);
            }
        }
    }
    paths.sort();
    paths
}

#[test]
fn every_numeral_char_is_in_a_figure_or_a_classified_rejection() {
    let mut silent = Vec::new();
    let paths = texts();
    assert!(paths.len() >= 20, "{paths:?}");
    for path in paths {
        let text = std::fs::read_to_string(&path).unwrap();
        let x = extract("t", &text, &Catalog::default());
        // The text as written, folded char for char: offsets are counted in it.
        let chars: Vec<char> = figures::document::folded(&text).chars().collect();
        let mut covered = vec![false; chars.len()];
        let spans = x.figures.iter().map(|f| (f.start as usize, f.end as usize)).chain(x.rejected.iter().map(|r| (r.start, r.end)));
        for (start, end) in spans {
            covered[start..end].iter_mut().for_each(|c| *c = true);
        }
        for (i, &c) in chars.iter().enumerate() {
            if (c.is_ascii_digit() || is_chinese_numeral_char(c)) && !covered[i] {
                let context: String = chars[i.saturating_sub(8)..(i + 8).min(chars.len())].iter().collect();
                silent.push(format!("{}:{i} {c} in {context:?}", path.display()));
            }
        }
    }
    assert!(silent.is_empty(), "{} numeral chars skipped silently:\n{}", silent.len(), silent.join("\n"));
}
