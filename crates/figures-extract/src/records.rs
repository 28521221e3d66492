//! Records: the extraction's output contract — [`Figure`], [`Change`] (with its [`Measures`],
//! which the pipeline derives) and their enums.
//!
//! The pipeline generates its JSON Schemas from these types, so the doc comments become the
//! schemas' descriptions and the README's column docs. Nothing here computes anything or does
//! IO: the extractor builds these values, the pipeline derives, checks and writes them.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The name an enum value has in the outputs (`Unit::Cny` → `CNY`, `Kind::RankChange` → `rank_change`).
pub fn wire_name<T: Serialize>(v: &T) -> String {
    serde_json::to_value(v).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
}

/// The unit a figure's `value` is expressed in, after multipliers (万, 亿) are applied.
///
/// - `CNY`: Chinese yuan (元).
/// - `USD`: US dollars (美元).
/// - `%`: Percent: the written number of a percentage (1.28% is 1.28).
/// - `pp`: Percentage points (个百分点).
/// - `count`: A number of things, with the measure word kept apart.
/// - `rank`: A position in a ranking (第16位 is 16).
/// - `places`: Places moved in a ranking (前移4位 is 4). Added because a move is not a position.
/// - `mu`: 亩 (1/15 hectare).
/// - `ha`: Hectares (公顷).
/// - `km2`: Square kilometres (平方公里).
/// - `kg`: Kilograms (公斤, 千克).
/// - `t`: Tonnes (吨).
/// - `times`: A multiple (倍, 翻一番 = 2).
/// - `year`: A calendar year (2021年).
/// - `month`: A month of the year (5月). Added because month ranges (1—5月) are periods, not durations.
/// - `date`: A calendar date, encoded YYYYMMDD (MMDD when the text gives no year). Added for 6月28日.
/// - `years`: A length of time in years (五年).
/// - `months`: A length of time in months (五个月).
/// - `days`: A length of time in days (30天).
/// - `digits`: A number of digits (两位数 is 2). Added because it sizes a number, not a count of things.
/// - `number`: A bare number standing alone with no unit (一百二十三 on its own). Added so that a
///   numeral given by itself is still read.
/// - `other`: A unit of measurement outside the ones above (公里, 千瓦时, 吨标准煤, 人年 …): the
///   value is in the unit as written, which `unit_text` keeps. Added so that no figure is dropped
///   for want of a unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
pub enum Unit {
    #[serde(rename = "CNY")]
    Cny,
    #[serde(rename = "USD")]
    Usd,
    #[serde(rename = "%")]
    Percent,
    #[serde(rename = "pp")]
    PercentagePoint,
    #[serde(rename = "count")]
    Count,
    #[serde(rename = "rank")]
    Rank,
    #[serde(rename = "places")]
    Places,
    #[serde(rename = "mu")]
    Mu,
    #[serde(rename = "ha")]
    Hectare,
    #[serde(rename = "km2")]
    SquareKilometre,
    #[serde(rename = "kg")]
    Kilogram,
    #[serde(rename = "t")]
    Tonne,
    #[serde(rename = "times")]
    Times,
    #[serde(rename = "year")]
    Year,
    #[serde(rename = "month")]
    Month,
    #[serde(rename = "date")]
    Date,
    #[serde(rename = "years")]
    Years,
    #[serde(rename = "months")]
    Months,
    #[serde(rename = "days")]
    Days,
    #[serde(rename = "digits")]
    Digits,
    #[serde(rename = "number")]
    Number,
    #[serde(rename = "other")]
    Other,
}

/// What a figure measures.
///
/// - `number`: A bare number standing alone, with no unit or measure word.
/// - `other`: A quantity in a unit outside the listed ones (see `unit_text`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Money,
    Percent,
    PercentagePoint,
    Count,
    Rank,
    RankChange,
    Area,
    Mass,
    Multiple,
    Year,
    Month,
    Date,
    Duration,
    DigitCount,
    Number,
    Other,
}

impl Kind {
    /// Times date figures rather than state a value (a year, a month, a date, a duration).
    pub fn is_time(self) -> bool {
        matches!(self, Kind::Year | Kind::Month | Kind::Date | Kind::Duration)
    }

    /// States a change relative to the value changed (12%, 1.1倍), whatever that value's unit.
    pub fn is_relative(self) -> bool {
        matches!(self, Kind::Percent | Kind::Multiple)
    }
}

/// How far the written number is from the true value, as the text's own words say.
///
/// - `more_than`: 余, 多 after the number (bounded by the next unit of the last significant digit), or 超, 超过, 逾, 突破 (unbounded above).
/// - `at_least`: 以上, 上亿.
/// - `nearly`: 近, 将近, 接近: at most the value, at least one unit of its last significant digit below.
/// - `about`: 约, 左右, 上下: within half a unit of the last significant digit.
/// - `less_than`: 不到, 不足, 少于, 低于.
/// - `at_most`: 以下, 以内, 前N名.
/// - `range`: 3至5, 10%—15%: `value` is the first end, `lower` and `upper` the two ends.
/// - `several`: 数十, 几百: `value` is the smallest reading, `upper` the largest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    MoreThan,
    AtLeast,
    Nearly,
    About,
    LessThan,
    AtMost,
    Range,
    Several,
}

/// Whether a figure states a level, a change, or a part of a whole.
///
/// - `level`: A level: an amount, a count, a position.
/// - `change`: A change: 增长30.3%, 提高2个百分点, 新增2000家, 前移4位.
/// - `share`: A part of a whole: 占75.62%, 占比, 比重.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Level,
    Change,
    Share,
}

/// The kind of block of the document a sentence sits in.
///
/// - `title`: The document's title lines, before the first paragraph.
/// - `heading`: A section heading between paragraphs.
/// - `body`: Running text.
/// - `caption`: A photo caption after the source line.
/// - `source`: The source or byline (数据来源:…, (文/…)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Block {
    Title,
    Heading,
    Body,
    Caption,
    Source,
}

/// How a figure's period was found.
///
/// - `clause`: A time stated in the figure's own clause (2017年的4343亿元, 到2025年达到3%).
/// - `sentence`: A time stated earlier in the figure's sentence.
/// - `paragraph`: A time opening an earlier sentence of the figure's paragraph (2023年,全省…).
/// - `relative`: A relative word resolved against the year in force (上年末的17268家, 比2012年 for a change since then).
/// - `span`: A span of years in force (过去五年, “十四五”以来): levels take its last year, the earlier end of a change the year before its first, changes the span.
/// - `document`: The year the document reports on, from its title and dateline.
/// - `sidecar`: The period the document's sidecar gives (set by the pipeline when the text gives none).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PeriodBasis {
    Clause,
    Sentence,
    Paragraph,
    Relative,
    Span,
    Document,
    Sidecar,
}

/// One sentence of a document that states a figure: the context the figure is read in, stored
/// once for all the figures it holds (they name it by `document_id` and `sentence_index`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Sentence {
    /// The document the sentence belongs to.
    pub document_id: String,
    /// Zero-based index of the sentence within the document.
    pub index: u32,
    /// Char (Unicode scalar) offset of the first character, into the decoded document text.
    pub start: u64,
    /// Char offset one past the last character.
    pub end: u64,
    /// Byte offset of the first character in the UTF-8 document text.
    pub byte_start: u64,
    /// Byte offset one past the last character in the UTF-8 document text.
    pub byte_end: u64,
    /// The sentence as written, equal to the document text at `start..end`.
    pub text: String,
    /// The heading of the section the sentence sits in, null before the first heading.
    pub section: Option<String>,
    /// The kind of block the sentence sits in.
    pub block: Block,
}

/// One figure the text states, traced to its exact characters.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Figure {
    /// Stable id: document id and char offset, `<document_id>:<start>`.
    pub id: String,
    /// The document the figure comes from.
    pub document_id: String,
    /// Char (Unicode scalar) offset of the first character, into the decoded document text.
    pub start: u64,
    /// Char offset one past the last character.
    pub end: u64,
    /// Byte offset of the first character in the UTF-8 document text.
    pub byte_start: u64,
    /// Byte offset one past the last character in the UTF-8 document text.
    pub byte_end: u64,
    /// The exact surface text, equal to the document text at `start..end`.
    pub text: String,
    /// The value in the unit's base (96.19亿元 is 9619000000 CNY; 1.28% is 1.28).
    pub value: f64,
    /// The value as an exact decimal string, computed without floating point.
    pub value_exact: String,
    /// The unit of `value`, `lower` and `upper`.
    pub unit: Unit,
    /// What the figure measures.
    pub kind: Kind,
    /// The measure word of a count (家, 件, 个, 人 …), null otherwise.
    pub measure_word: Option<String>,
    /// The unit as written when `unit` is `other` (千瓦时, 公里 …; a 万 or 亿 before it scales the value), null otherwise.
    pub unit_text: Option<String>,
    /// The approximation the text states, null when the figure is exact.
    pub qualifier: Option<Qualifier>,
    /// True when the text states the figure as a forecast (预计).
    pub projected: bool,
    /// Level, change or share.
    pub role: Role,
    /// Smallest value the text allows; null when unbounded below.
    pub lower: Option<f64>,
    /// Largest value the text allows; null when unbounded above.
    pub upper: Option<f64>,
    /// Zero-based index of the sentence within the document: with `document_id`, the row of
    /// `sentences` that holds the figure's sentence, section and block.
    pub sentence_index: u32,
    /// The item the text gives this figure for when it distributes a list of figures over a
    /// list of items (电子信息、先进制造领域成交额依次为A、B); null otherwise.
    pub item: Option<String>,
    /// For a rank, what is ranked (千兆以上宽带用户数居全国第11位 → 千兆以上宽带用户数); null otherwise.
    pub ranked: Option<String>,
    /// For a share, the whole it is a share of (占规模以上工业企业增加值的比重 → 规模以上工业企业增加值);
    /// null otherwise or when the text does not name it.
    pub share_of: Option<String>,
    /// The catalog indicator whose value, or change, the figure states (its clause's subject, or
    /// the subject of the change it is part of); null when no catalog alias names it.
    pub indicator_id: Option<String>,
    /// The period the figure is about: a year (`2023`), months of a year (`2023-01/2023-05`) or a
    /// span of years (`2018/2022`); null for times themselves and when nothing dates it.
    pub period: Option<String>,
    /// How `period` was found; null when it is null.
    pub period_basis: Option<PeriodBasis>,
    /// The words that gave `period` (2022年, 上年末, 过去五年, the title's 2023年); null when it is null.
    pub period_words: Option<String>,
    /// The region the figure is about when its clause names one other than the document's own:
    /// `CN` for the whole country, an ISO 3166-2 code for a province (`CN-JS`), and for a place
    /// below a province its province's code (or `document` when the text does not name it), `/`
    /// and its name without 市/县/区 (`CN-SN/西安`); null for the document's own region.
    pub region: Option<String>,
}

impl Figure {
    /// Half a unit of the last decimal place the text writes (1.28 → 0.005, 30 → 0.5): how far
    /// the true value of an exact figure may lie from the written one once rounding is allowed.
    pub fn half_last_place(&self) -> f64 {
        let places = self.value_exact.split_once('.').map_or(0, |(_, d)| d.len());
        0.5 * 10f64.powi(-(places as i32))
    }
}

/// How a change relates its figures.
///
/// - `before_after`: 从A增长到B, A到B的大跨越: `from_id` and `to_id` are both stated; `rate_id` is the step when the text states it between them (从2.1%提高0.3个百分点至2.4%).
/// - `growth`: A level with its stated change (3053.5亿元,比上年增长30.3%): `to_id` is the level, `rate_id` the change, and the earlier level is derived.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    BeforeAfter,
    Growth,
}

/// The direction of a change as the text words it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Up,
    Down,
    Flat,
}

/// One change statement with its figures and derived measures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Change {
    /// Stable id: `<document_id>:<first figure start>-<second figure start>`.
    pub id: String,
    /// The document the change comes from.
    pub document_id: String,
    /// Before→after or level-with-growth.
    pub relation: Relation,
    /// What changed, as the text names it.
    pub subject: String,
    /// The item of a list the change's figures are given for (电子信息、先进制造领域成交额依次为…
    /// → 电子信息), which tells apart changes sharing a subject; null otherwise.
    pub item: Option<String>,
    /// The catalog indicator the subject names; null when none matches.
    pub indicator_id: Option<String>,
    /// The earlier figure (before→after only).
    pub from_id: Option<String>,
    /// The later figure, or the level of a growth statement.
    pub to_id: String,
    /// The stated change: a growth statement's rate, or the step a before→after states between its ends.
    pub rate_id: Option<String>,
    /// Up, down or flat, from the verb.
    pub direction: Direction,
    /// Char offset where the statement starts (its subject).
    pub start: u64,
    /// Char offset one past the statement's last figure.
    pub end: u64,
    /// The statement as written, equal to the document text at `start..end`.
    pub text: String,
    /// Derived measures, computed from the figures and the document's period.
    #[serde(flatten)]
    pub measures: Measures,
}

/// Measures derived from a change, each with the bounds its figures' qualifiers imply.
/// A bound is null when it is unbounded or the measure does not apply.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Measures {
    /// Unit of the two ends and of `absolute_change`.
    pub unit: Option<Unit>,
    /// Earlier value: stated (before→after) or derived from the level and its rate (growth).
    pub from_value: Option<f64>,
    /// Lower bound of `from_value`; null when unbounded or not applicable.
    pub from_lower: Option<f64>,
    /// Upper bound of `from_value`; null when unbounded or not applicable.
    pub from_upper: Option<f64>,
    /// Later value (the level).
    pub to_value: Option<f64>,
    /// Lower bound of `to_value`; null when unbounded or not applicable.
    pub to_lower: Option<f64>,
    /// Upper bound of `to_value`; null when unbounded or not applicable.
    pub to_upper: Option<f64>,
    /// Later minus earlier, in `unit` (for ranks: the later position minus the earlier).
    pub absolute_change: Option<f64>,
    /// Lower bound of `absolute_change`; null when unbounded or not applicable.
    pub absolute_change_lower: Option<f64>,
    /// Upper bound of `absolute_change`; null when unbounded or not applicable.
    pub absolute_change_upper: Option<f64>,
    /// (later ÷ earlier − 1) × 100. Not given for ranks, percentages or years.
    pub relative_change_pct: Option<f64>,
    /// Lower bound of `relative_change_pct`; null when unbounded or not applicable.
    pub relative_change_pct_lower: Option<f64>,
    /// Upper bound of `relative_change_pct`; null when unbounded or not applicable.
    pub relative_change_pct_upper: Option<f64>,
    /// Later ÷ earlier. Not given for ranks, percentages or years.
    pub multiple: Option<f64>,
    /// Lower bound of `multiple`; null when unbounded or not applicable.
    pub multiple_lower: Option<f64>,
    /// Upper bound of `multiple`; null when unbounded or not applicable.
    pub multiple_upper: Option<f64>,
    /// Compound annual growth rate in percent over the document's period (before→after only).
    pub cagr_pct: Option<f64>,
    /// Lower bound of `cagr_pct`; null when unbounded or not applicable.
    pub cagr_pct_lower: Option<f64>,
    /// Upper bound of `cagr_pct`; null when unbounded or not applicable.
    pub cagr_pct_upper: Option<f64>,
    /// Percentage-point change, for percentages.
    pub pp_change: Option<f64>,
    /// Lower bound of `pp_change`; null when unbounded or not applicable.
    pub pp_change_lower: Option<f64>,
    /// Upper bound of `pp_change`; null when unbounded or not applicable.
    pub pp_change_upper: Option<f64>,
    /// Places gained in a ranking (earlier position minus later position).
    pub places_gained: Option<f64>,
    /// Years between the two ends: their own periods when the text dates both to a year, else
    /// the document's sidecar period.
    pub years: Option<f64>,
}
