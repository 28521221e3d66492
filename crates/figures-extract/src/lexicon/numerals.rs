//! Numeral words: the traditional characters folded to their simplified twins before any
//! matching (萬 → 万, 個 → 个), the words after 兆 that make it the SI prefix mega (兆瓦) rather
//! than 10^12, the words for half (一半, 过半), the parts of a yuan (角, 分) and the words that make
//! two amounts a spread (不等).
//!
//! Tables only; [`crate::document`] folds with the first, [`crate::scan::number`] reads the others.

use std::sync::LazyLock;

use rust_decimal::Decimal;

use super::{Lexicon, Word, word};
use crate::records::Qualifier;

/// A traditional character, its simplified twin, and a sentence where folding it finds a figure
/// the simplified spelling finds.
#[derive(Debug)]
pub struct Fold {
    pub traditional: char,
    pub simplified: char,
    pub example: &'static str,
}

const fn fold(traditional: char, simplified: char, example: &'static str) -> Fold {
    Fold { traditional, simplified, example }
}

/// Traditional characters the vocabulary of figures uses — numerals, units, measure words,
/// qualifiers, change and share words — one char for one char, so offsets never move. Only
/// characters whose simplified twin is unambiguous are folded (著 is left alone: 著名).
pub const TRADITIONAL: [Fold; 38] = [
    fold('萬', '万', "研發經費達3.2萬億元。"),
    fold('億', '亿', "營業收入達86.7億元。"),
    fold('兩', '两', "科技人員達兩萬三千人。"),
    fold('貳', '贰', "下達經費壹佰貳拾叁萬元。"),
    fold('陸', '陆', "下達經費陸佰萬元。"),
    fold('負', '负', "出口增長率為負3.2%。"),
    fold('點', '点', "投資三點五億元。"),
    fold('幾', '几', "制定標準十幾項。"),
    fold('數', '数', "吸引數百名青年博士。"),
    fold('餘', '余', "培訓技術人員1萬餘人。"),
    fold('個', '个', "新建實驗室二十三個。"),
    fold('項', '项', "登記技術合同1,256項。"),
    fold('臺', '台', "引進科研儀器36臺。"),
    fold('場', '场', "舉辦活動12場。"),
    fold('屆', '届', "連續舉辦12屆。"),
    fold('種', '种', "培育新品種12種。"),
    fold('類', '类', "涵蓋產業12類。"),
    fold('條', '条', "建成產線12條。"),
    fold('處', '处', "建成站點12處。"),
    fold('戶', '户', "幫扶農戶12戶。"),
    fold('輛', '辆', "推廣新能源汽車12輛。"),
    fold('顆', '颗', "發射衛星12顆。"),
    fold('畝', '亩', "建成農田2000畝。"),
    fold('噸', '吨', "產量達50萬噸。"),
    fold('頃', '顷', "新增林地300公頃。"),
    fold('約', '约', "財政撥款約30億元。"),
    fold('過', '过', "企業數量超過500家。"),
    fold('將', '将', "企業數量將近100家。"),
    fold('於', '于', "企業數量少於100家。"),
    fold('內', '内', "誤差5%以內。"),
    fold('來', '来', "10年來累計投入30億元。"),
    fold('佔', '占', "企業研發經費佔比62.3%。"),
    fold('長', '长', "技術交易額增長1.5倍。"),
    fold('減', '减', "能耗減少4.7%。"),
    fold('達', '达', "高新技術企業達到1856家。"),
    fold('為', '为', "增長率為12.5%。"),
    fold('較', '较', "比重較上年提高2個百分點。"),
    fold('號', '号', "3月10號召開大會。"),
];

/// Traditional chars sorted for a binary search, with their simplified twins: the vocabulary's
/// [`TRADITIONAL`] and the reference list's [`PAIRS`](super::traditional::PAIRS), which agree.
pub static FOLDS: LazyLock<Vec<(char, char)>> = LazyLock::new(|| {
    let reference = super::traditional::PAIRS.iter().flat_map(|line| {
        let chars: Vec<char> = line.chars().collect();
        chars.chunks_exact(2).map(|p| (p[0], p[1])).collect::<Vec<_>>()
    });
    let mut folds: Vec<(char, char)> = TRADITIONAL.iter().map(|f| (f.traditional, f.simplified)).chain(reference).collect();
    folds.sort_unstable();
    folds.dedup();
    folds
});

/// Words after which 兆 is the SI prefix mega (兆瓦 is a megawatt), not 10^12 (2兆 is two trillion).
pub const MEGA_WORDS: [Word; 8] = [
    word("瓦", "新增風電裝機120兆瓦。"),
    word("焦", "釋放能量300兆焦。"),
    word("帕", "承受壓力50兆帕。"),
    word("赫", "頻率達到900兆赫。"),
    word("字节", "存储容量512兆字节。"),
    word("比特", "带宽达到100兆比特每秒。"),
    word("伏", "电压达到1.2兆伏。"),
    word("吨", "当量5兆吨。"),
];

pub static MEGA_LEXICON: LazyLock<Lexicon<()>> = LazyLock::new(|| Lexicon::new(MEGA_WORDS.iter().map(|w| (w.word, ()))));

/// A word for half of a whole (50%), the qualifier it states, and a sentence where it does.
#[derive(Debug)]
pub struct Half {
    pub word: &'static str,
    pub qualifier: Option<Qualifier>,
    pub example: &'static str,
}

const fn half(word: &'static str, qualifier: Option<Qualifier>, example: &'static str) -> Half {
    Half { word, qualifier, example }
}

/// Tried in this order: a word before any word it starts with (过半数 before 过半).
pub const HALVES: [Half; 4] = [
    half("过半数", Some(Qualifier::MoreThan), "赞成票过半数。"),
    half("过半", Some(Qualifier::MoreThan), "民营科技企业数量过半。"),
    half("半数", None, "半数县区建成科技馆。"),
    half("一半", None, "职务发明占一半。"),
];

pub static HALF_LEXICON: LazyLock<Lexicon<&'static Half>> = LazyLock::new(|| Lexicon::new(HALVES.iter().map(|h| (h.word, h))));

/// A part of a yuan written after 元 (3元5角 is 3.5 yuan), what one of it is worth, and a sentence.
#[derive(Debug)]
pub struct YuanPart {
    pub word: &'static str,
    pub of_yuan: Decimal,
    pub example: &'static str,
}

/// In the order they follow 元: 1元2角5分.
pub const YUAN_PARTS: [YuanPart; 2] = [
    YuanPart { word: "角", of_yuan: Decimal::from_parts(1, 0, 0, false, 1), example: "印制成本3元5角。" },
    YuanPart { word: "分", of_yuan: Decimal::from_parts(1, 0, 0, false, 2), example: "售价1元2角5分。" },
];

/// Words after a pair of amounts that make it a spread (由3万元至5万元不等), not a change.
pub const SPREADS: [Word; 2] = [word("不等", "融资规模由3万元至5万元不等。"), word("之间", "创新指数在70%至100%之间。")];

/// Words after a pair of amounts that make it a band classing a noun (10亿元至100亿元的企业),
/// unless a change leads to the pair (从10亿元增长到100亿元的水平) or a leap follows it
/// (10亿元到100亿元的大跨越).
pub const BANDS: [Word; 1] = [word("的", "营业收入在10亿元至100亿元的企业。")];

pub static SPREAD_LEXICON: LazyLock<Lexicon<()>> = LazyLock::new(|| Lexicon::new(SPREADS.iter().map(|w| (w.word, ()))));

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;
    use crate::extract::extract;

    /// (text, value, unit, qualifier, role) of every figure of `text`.
    fn figures(text: &str) -> Vec<String> {
        let x = extract("example", text, &Catalog::default());
        x.figures.iter().map(|f| format!("{} {} {:?} {:?} {:?}", f.start, f.value_exact, f.unit, f.qualifier, f.role)).collect()
    }

    /// Every fold's example extracts, figure for figure, what its simplified spelling extracts.
    #[test]
    fn every_fold_reads_as_its_simplified_twin() {
        let mut wrong = Vec::new();
        for f in &TRADITIONAL {
            let simplified: String = f.example.chars().map(|c| if c == f.traditional { f.simplified } else { c }).collect();
            let (a, b) = (figures(f.example), figures(&simplified));
            if !f.example.contains(f.traditional) || a.is_empty() || a != b {
                wrong.push(format!("{} ({}): {a:?} vs {b:?}", f.traditional, f.example));
            }
        }
        assert!(wrong.is_empty(), "folds whose example does not read as its simplified spelling:\n{}", wrong.join("\n"));
    }

    #[test]
    fn each_traditional_char_is_folded_once() {
        assert!(FOLDS.windows(2).all(|w| w[0].0 < w[1].0));
    }

    /// 兆 before each word is not read as 10^12.
    #[test]
    fn every_mega_word_keeps_zhao_a_prefix() {
        for w in &MEGA_WORDS {
            let x = extract("example", w.example, &Catalog::default());
            let trillion = x.figures.iter().any(|f| f.value >= 1e12);
            assert!(w.example.contains(&format!("兆{}", w.word)) && !trillion, "{} ({}): {:?}", w.word, w.example, x.figures);
        }
    }

    #[test]
    fn every_half_is_fifty_percent_with_its_qualifier() {
        for h in &HALVES {
            let x = extract("example", h.example, &Catalog::default());
            let ok = x.figures.iter().any(|f| f.text == h.word && f.value == 50.0 && f.qualifier == h.qualifier);
            assert!(ok, "{} ({}): {:?}", h.word, h.example, x.figures);
        }
    }

    #[test]
    fn every_yuan_part_adds_to_the_yuan_before_it() {
        for p in &YUAN_PARTS {
            let x = extract("example", p.example, &Catalog::default());
            let ok = x.figures.len() == 1 && x.figures[0].text.ends_with(p.word) && x.figures[0].value.fract() != 0.0;
            assert!(ok, "{} ({}): {:?}", p.word, p.example, x.figures);
        }
    }

    #[test]
    fn every_spread_makes_one_range() {
        for w in SPREADS.iter().chain(&BANDS) {
            let x = extract("example", w.example, &Catalog::default());
            let ok = x.figures.len() == 1 && x.figures[0].qualifier == Some(Qualifier::Range) && x.changes.is_empty();
            assert!(ok, "{} ({}): {:?}", w.word, w.example, x.figures);
        }
    }
}
