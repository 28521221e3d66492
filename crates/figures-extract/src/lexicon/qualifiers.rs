//! Qualifiers: the words that say how far a written number is from the true value (超过, 约, 以上,
//! 左右 …), each with the [`Qualifier`] it states — which fixes its bounds ([`fn@crate::scan::bounds`])
//! — the side of the figure it stands on and the chars before it that make it part of another word,
//! and the words that may stand between a qualifier and its number (约为, 超过了).
//!
//! Tables only; the scanner ([`crate::scan::qualifier`]) decides when a word qualifies a figure.

use std::sync::LazyLock;

use super::Lexicon;
use crate::records::Qualifier;

/// Which side of the figure a qualifier stands on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// Before the number: 超过100家.
    Before,
    /// After the unit: 100家以上.
    After,
}

/// A qualifier word and a sentence where it qualifies a figure.
#[derive(Debug)]
pub struct QualifierWord {
    pub word: &'static str,
    pub qualifier: Qualifier,
    pub side: Side,
    /// Chars that, right before a one-char qualifier, make it part of another word (节约, 最近,
    /// 赶超): there it qualifies nothing.
    pub not_after: &'static str,
    pub example: &'static str,
}

const fn before(word: &'static str, qualifier: Qualifier, example: &'static str) -> QualifierWord {
    QualifierWord { word, qualifier, side: Side::Before, not_after: "", example }
}

const fn after(word: &'static str, qualifier: Qualifier, example: &'static str) -> QualifierWord {
    QualifierWord { word, qualifier, side: Side::After, not_after: "", example }
}

const fn one_char(word: &'static str, qualifier: Qualifier, not_after: &'static str, example: &'static str) -> QualifierWord {
    QualifierWord { word, qualifier, side: Side::Before, not_after, example }
}

/// Qualifiers, in the order they are tried: a word before any word it ends with (不超过 before
/// 超过, 将近 before 近).
pub const QUALIFIERS: [QualifierWord; 31] = [
    before("不低于", Qualifier::AtLeast, "全省企业不低于100家。"),
    before("不少于", Qualifier::AtLeast, "全省企业不少于100家。"),
    before("不超过", Qualifier::AtMost, "全省企业不超过100家。"),
    before("不高于", Qualifier::AtMost, "全省企业不高于100家。"),
    before("不多于", Qualifier::AtMost, "全省企业不多于100家。"),
    before("超过", Qualifier::MoreThan, "全省企业超过100家。"),
    before("将近", Qualifier::Nearly, "全省企业将近100家。"),
    before("接近", Qualifier::Nearly, "全省企业接近100家。"),
    before("大约", Qualifier::About, "全省企业大约100家。"),
    before("不到", Qualifier::LessThan, "全省企业不到100家。"),
    before("不足", Qualifier::LessThan, "全省企业不足100家。"),
    before("少于", Qualifier::LessThan, "全省企业少于100家。"),
    before("低于", Qualifier::LessThan, "全省企业低于100家。"),
    before("高于", Qualifier::MoreThan, "全省企业高于100家。"),
    before("多于", Qualifier::MoreThan, "全省企业多于100家。"),
    before("突破", Qualifier::MoreThan, "全省企业突破100家。"),
    before("首破", Qualifier::MoreThan, "全省企业首破100家。"),
    before("至少", Qualifier::AtLeast, "每年投入至少100亿元。"),
    before("至多", Qualifier::AtMost, "每项资助至多100万元。"),
    before("最多", Qualifier::AtMost, "每项资助最多100万元。"),
    one_char("超", Qualifier::MoreThan, "赶", "榜单金额超10亿元。"),
    before("逾", Qualifier::MoreThan, "全省企业逾100家。"),
    one_char("近", Qualifier::Nearly, "附最邻靠亲就贴", "全省企业近100家。"),
    one_char("约", Qualifier::About, "节制合签预公条契邀相履", "全省企业约100家。"),
    after("及以上", Qualifier::AtLeast, "年主营业务收入2000万元及以上的企业有300家。"),
    after("及以下", Qualifier::AtMost, "年主营业务收入2000万元及以下的企业有300家。"),
    after("以上", Qualifier::AtLeast, "全省企业100家以上。"),
    after("以下", Qualifier::AtMost, "全省企业100家以下。"),
    after("以内", Qualifier::AtMost, "误差5%以内。"),
    after("左右", Qualifier::About, "全省企业100家左右。"),
    after("上下", Qualifier::About, "全省企业100家上下。"),
];

/// A word between a qualifier and its number that leaves the qualifier in force but outside the
/// figure's span (约为86亿元: about 86亿元, the span 86亿元). After 占 the whole may stand between
/// (约占规上工业的40%).
#[derive(Debug)]
pub struct Joined {
    pub word: &'static str,
    /// The whole a share is of, ending in 的, may stand between the word and the number.
    pub takes_whole: bool,
    pub example: &'static str,
}

pub const JOINED: [Joined; 5] = [
    Joined { word: "为", takes_whole: false, example: "全市研发投入约为86亿元。" },
    Joined { word: "是", takes_whole: false, example: "全市研发投入约是86亿元。" },
    Joined { word: "有", takes_whole: false, example: "全市企业约有500家。" },
    Joined { word: "了", takes_whole: false, example: "企业数量超过了500家。" },
    Joined { word: "占", takes_whole: true, example: "高企产值约占规上工业的40%。" },
];

fn side(side: Side) -> Lexicon<&'static QualifierWord> {
    Lexicon::new(QUALIFIERS.iter().filter(|q| q.side == side).map(|q| (q.word, q)))
}

/// The qualifiers written before a number, matched ending where the figure starts.
pub static BEFORE: LazyLock<Lexicon<&'static QualifierWord>> = LazyLock::new(|| side(Side::Before));
/// The qualifiers written after a figure's unit.
pub static AFTER: LazyLock<Lexicon<&'static QualifierWord>> = LazyLock::new(|| side(Side::After));

/// A word before a bare multiplier that makes it an approximate figure (上亿元, 数十家, 几百人).
#[derive(Debug)]
pub struct Approximation {
    pub word: &'static str,
    /// [`Qualifier::AtLeast`]: at least one of the multiplier (上亿 is 10^8 or more), and only
    /// before 百 and larger; [`Qualifier::Several`]: from two to ten of it (数十 is 20 to 100).
    pub qualifier: Qualifier,
    pub example: &'static str,
}

pub const APPROXIMATIONS: [Approximation; 4] = [
    Approximation { word: "上", qualifier: Qualifier::AtLeast, example: "投资规模上亿元。" },
    Approximation { word: "好几", qualifier: Qualifier::Several, example: "服务好几百家企业。" },
    Approximation { word: "数", qualifier: Qualifier::Several, example: "吸引数十家企业。" },
    Approximation { word: "几", qualifier: Qualifier::Several, example: "带动几百人就业。" },
];
