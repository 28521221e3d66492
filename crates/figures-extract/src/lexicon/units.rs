//! Units and measure words: the words after a number that say what it counts or measures, each
//! with the normalisation the scanner applies (万 and 亿 are multipliers, not units: see
//! [`crate::numerals`]).
//!
//! Tables only; the scanner ([`crate::scan::unit`]) decides when a word is a figure's unit.

use std::sync::LazyLock;

use super::{Lexicon, Word, word};
use rust_decimal::Decimal;

use crate::records::Unit;

/// What a unit word does to the figure before it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum UnitWord {
    /// Money in the given currency.
    Money(Unit),
    /// %: the written number is the percentage.
    Percent,
    /// ‰: a tenth of the written number, as a percentage.
    PerMille,
    PercentagePoint,
    /// 成: ten times the written number, as a percentage (七成 is 70%).
    Cheng,
    Times,
    Area(Unit),
    Mass(Unit),
    /// 年: a calendar year after a four-digit year, otherwise a number of years.
    Year,
    /// 月: a month of the year (with 日, a date).
    Month,
    Days,
    Months,
    /// 位数: a number of digits (两位数增长).
    Digits,
    /// A measure word: a count of things (家, 件, 个 …).
    Measure,
}

/// A unit word, what it does, and a sentence where it does it.
#[derive(Debug)]
pub struct UnitEntry {
    pub word: &'static str,
    pub unit: UnitWord,
    /// The unit the example's figure has.
    pub reads_as: Unit,
    pub example: &'static str,
}

const fn unit(word: &'static str, unit: UnitWord, reads_as: Unit, example: &'static str) -> UnitEntry {
    UnitEntry { word, unit, reads_as, example }
}

/// Unit words, tried in this order before the measure words: a longer word comes before any word
/// it starts with (个百分点 before 个, 个月 before 个).
pub const UNITS: [UnitEntry; 20] = [
    unit("个百分点", UnitWord::PercentagePoint, Unit::PercentagePoint, "比上年提高0.12个百分点。"),
    unit("平方公里", UnitWord::Area(Unit::SquareKilometre), Unit::SquareKilometre, "园区面积达120平方公里。"),
    unit("平方千米", UnitWord::Area(Unit::SquareKilometre), Unit::SquareKilometre, "园区面积达120平方千米。"),
    // After digits 百 reads as a multiplier (2百 is 200), so a bare 百分点 is a unit after a space.
    unit("百分点", UnitWord::PercentagePoint, Unit::PercentagePoint, "比上年提高2 百分点。"),
    unit("个月", UnitWord::Months, Unit::Months, "审批用时五个月。"),
    unit("公顷", UnitWord::Area(Unit::Hectare), Unit::Hectare, "新增林地300公顷。"),
    unit("公斤", UnitWord::Mass(Unit::Kilogram), Unit::Kilogram, "亩产500公斤。"),
    unit("千克", UnitWord::Mass(Unit::Kilogram), Unit::Kilogram, "亩产增加50 千克。"),
    unit("美元", UnitWord::Money(Unit::Usd), Unit::Usd, "出口额12亿美元。"),
    unit("位数", UnitWord::Digits, Unit::Digits, "保持两位数增长。"),
    unit("元", UnitWord::Money(Unit::Cny), Unit::Cny, "投入3000元。"),
    unit("%", UnitWord::Percent, Unit::Percent, "占比为12.5%。"),
    unit("‰", UnitWord::PerMille, Unit::Percent, "出生率为5‰。"),
    unit("倍", UnitWord::Times, Unit::Times, "规模扩大3倍。"),
    unit("亩", UnitWord::Area(Unit::Mu), Unit::Mu, "建成高标准农田2000亩。"),
    unit("吨", UnitWord::Mass(Unit::Tonne), Unit::Tonne, "产量达50万吨。"),
    unit("年", UnitWord::Year, Unit::Year, "2021年,全省新增企业。"),
    unit("月", UnitWord::Month, Unit::Month, "5月,全省新增企业。"),
    unit("天", UnitWord::Days, Unit::Days, "审批时间缩短至30天。"),
    unit("成", UnitWord::Cheng, Unit::Percent, "企业占七成。"),
];

/// Measure words: the figure before one is a count of these. Tried after the unit words, a longer word before any word it starts with
/// (人次 before 人).
pub const MEASURE_WORDS: [Word; 37] = [
    word("人次", "服务群众12万人次。"),
    word("家次", "服务企业300家次。"),
    word("项次", "获奖12项次。"),
    word("个", "建成平台12个。"),
    word("家", "高新技术企业6669家。"),
    word("件", "专利授权1165件。"),
    word("项", "登记成果12项。"),
    word("人", "引进人才50人。"),
    word("位", "新增院士3位。"),
    word("名", "新增院士3名。"),
    word("支", "组建团队12支。"),
    word("所", "新建学校12所。"),
    word("座", "建成桥梁12座。"),
    word("台", "购置设备12台。"),
    word("套", "推广装备12套。"),
    word("条", "建成产线12条。"),
    word("篇", "发表论文12篇。"),
    word("部", "出台法规12部。"),
    word("种", "培育新品种12种。"),
    word("类", "涵盖产业12类。"),
    word("批", "认定示范区12批。"),
    word("次", "开展培训12次。"),
    word("处", "建成站点12处。"),
    word("户", "帮扶农户12户。"),
    word("市", "覆盖全省11市。"),
    word("大", "评选出十大科技成果。"),
    word("只", "培育基金12只。"),
    word("辆", "推广新能源汽车12辆。"),
    word("架", "交付飞机12架。"),
    word("艘", "交付船舶12艘。"),
    word("场", "举办活动12场。"),
    word("届", "连续举办12届。"),
    word("款", "发布新品12款。"),
    word("份", "签订合同12份。"),
    word("株", "种植苗木12株。"),
    word("例", "完成手术12例。"),
    word("颗", "发射卫星12颗。"),
];

/// Unit words, then measure words, in the order they are tried.
pub static UNIT_LEXICON: LazyLock<Lexicon<UnitWord>> =
    LazyLock::new(|| Lexicon::new(UNITS.iter().map(|u| (u.word, u.unit)).chain(MEASURE_WORDS.iter().map(|m| (m.word, UnitWord::Measure)))));

/// A word before a number that makes it a part of a whole: 百分之二十 is 20%, 千分之五 is 0.5%.
#[derive(Debug)]
pub struct PerWord {
    pub word: &'static str,
    /// What the number after the word is multiplied by to give a percentage.
    pub to_percent: Decimal,
    pub example: &'static str,
}

pub const PER_WORDS: [PerWord; 2] = [
    PerWord { word: "百分之", to_percent: Decimal::ONE, example: "占比达百分之二十。" },
    PerWord { word: "千分之", to_percent: Decimal::from_parts(1, 0, 0, false, 1), example: "误差小于千分之五。" },
];

/// A doubling phrase, read as a multiple (翻一番 is 2 times), and always a change.
#[derive(Debug)]
pub struct Doubling {
    pub word: &'static str,
    pub times: u32,
    pub example: &'static str,
}

const fn doubling(word: &'static str, times: u32, example: &'static str) -> Doubling {
    Doubling { word, times, example }
}

/// Tried in this order: a phrase before any phrase it starts with.
pub const DOUBLINGS: [Doubling; 6] = [
    doubling("翻一番", 2, "研发投入翻一番。"),
    doubling("翻了一番", 2, "研发投入翻了一番。"),
    doubling("翻两番", 4, "研发投入翻两番。"),
    doubling("翻了两番", 4, "研发投入翻了两番。"),
    doubling("翻三番", 8, "研发投入翻三番。"),
    doubling("翻番", 2, "研发投入实现翻番。"),
];
