//! Change and share words: the verbs and nouns that give a figure its role (增长30% is a change,
//! 占30% a share) and a change its direction (增长 up, 下降 down), plus the nouns of a leap
//! (A到B的大跨越) and the words that make a number of digits a change (两位数增长).
//!
//! Tables only; the scanner reads roles ([`crate::scan::role`]), the linker directions
//! ([`crate::link`]).

use std::sync::LazyLock;

use super::{CharSet, Lexicon, Word, word};
use crate::records::{Direction, Role};

/// A change or share word: the direction it states, when it is read as a verb, and the role it
/// gives the figure after it.
#[derive(Debug)]
pub struct Verb {
    pub word: &'static str,
    /// Up or down; none for words that name a measure of change without a direction (增幅).
    pub direction: Option<Direction>,
    /// The role of a figure right after it (增长30.3%, 占75%); none for verbs that only join the
    /// two ends of a change (从A前移至B).
    pub role: Option<Role>,
    /// The whole a share is of follows it (占全省企业的30%, 相当于GDP的1.73%).
    pub takes_whole: bool,
    pub example: &'static str,
}

const fn verb(word: &'static str, direction: Option<Direction>, role: Option<Role>, example: &'static str) -> Verb {
    Verb { word, direction, role, takes_whole: false, example }
}

const fn share_of(word: &'static str, example: &'static str) -> Verb {
    Verb { word, direction: None, role: SHARE, takes_whole: true, example }
}

const UP: Option<Direction> = Some(Direction::Up);
const DOWN: Option<Direction> = Some(Direction::Down);
const CHANGE: Option<Role> = Some(Role::Change);
const SHARE: Option<Role> = Some(Role::Share);

/// In the order a change word is looked for before 到/至: a word before any word it ends with
/// (增长率 before 增长, 下降 before 降).
pub const VERBS: [Verb; 59] = [
    verb("增长率", None, CHANGE, "利润增长率为12%。"),
    verb("增长", UP, CHANGE, "营收100亿元,比上年增长12%。"),
    verb("增加", UP, CHANGE, "营收100亿元,比上年增加12%。"),
    verb("增幅", None, CHANGE, "营收增幅为12%。"),
    verb("增速", None, CHANGE, "营收增速为12%。"),
    verb("涨幅", None, CHANGE, "价格涨幅为2%。"),
    verb("降幅", None, CHANGE, "价格降幅为2%。"),
    verb("下降", DOWN, CHANGE, "能耗100万吨,比上年下降5%。"),
    verb("减少", DOWN, CHANGE, "能耗100万吨,比上年减少5%。"),
    verb("降低", DOWN, CHANGE, "能耗100万吨,比上年降低5%。"),
    verb("提高", UP, CHANGE, "营收100亿元,比上年提高12%。"),
    verb("提升", UP, CHANGE, "营收100亿元,比上年提升12%。"),
    verb("上升", UP, CHANGE, "营收100亿元,比上年上升12%。"),
    verb("新增", UP, CHANGE, "企业1000家,比上年新增120家。"),
    // What is newly built is counted as a level (新建科普基地18处); its figure is a change only
    // as the growth of a running total (…,累计达到15.6万个).
    verb("新建", UP, None, "全年新建5G基站3.8万个,累计达到15.6万个。"),
    verb("新认定", UP, None, "全年新认定省级新型研发机构36家,累计达到218家。"),
    verb("新获批", UP, None, "全年新获批国家级创新平台12个,总数达到85个。"),
    verb("新培育", UP, None, "全年新培育科技型中小企业1500家,累计达到1.2万家。"),
    verb("新引进", UP, None, "全年新引进高层次人才320名,累计达到2100名。"),
    verb("新组建", UP, None, "全年新组建创新联合体15个,累计达到60个。"),
    verb("新成立", UP, None, "全年新成立成果转化机构35家,总数达到193家。"),
    verb("新备案", UP, None, "全年新备案新型研发机构17家,总数达到58家。"),
    verb("新发展", UP, None, "全年新发展科技型中小企业330家,总量达到1297家。"),
    verb("回落", DOWN, CHANGE, "能耗100万吨,比上年回落5%。"),
    verb("加快", UP, CHANGE, "营收增长12%,增速比上年加快2个百分点。"),
    verb("放缓", DOWN, CHANGE, "营收增长12%,增速比上年放缓2个百分点。"),
    verb("趋缓", DOWN, CHANGE, "营收增长12%,增速比上年趋缓2个百分点。"),
    verb("收窄", DOWN, CHANGE, "出口下降6.7%,降幅比上月收窄1.2个百分点。"),
    verb("扩大", UP, CHANGE, "规模100亿元,比上年扩大12%。"),
    verb("缩小", DOWN, CHANGE, "差距100亿元,比上年缩小5%。"),
    verb("跃升", UP, CHANGE, "营收100亿元,比上年跃升12%。"),
    verb("攀升", UP, CHANGE, "营收100亿元,比上年攀升12%。"),
    verb("下滑", DOWN, CHANGE, "能耗100万吨,比上年下滑5%。"),
    verb("多出", UP, CHANGE, "新品种152个,比上年多出37个。"),
    verb("增多", UP, CHANGE, "新品种152个,比上年增多37个。"),
    verb("增收", UP, CHANGE, "农户人均收入1.2万元,比上年增收8%。"),
    verb("增产", UP, CHANGE, "示范田平均亩产686.4公斤,较全县平均水平增产58公斤。"),
    verb("年增", UP, CHANGE, "高校研发支出1796.6亿元,年增23.1%。"),
    verb("增", UP, CHANGE, "营收100亿元,同比增12%。"),
    verb("翻", UP, CHANGE, "营收68.5亿元,比上年翻了1.5倍。"),
    verb("降", DOWN, CHANGE, "能耗100万吨,同比降5%。"),
    verb("前移", UP, None, "排名从第20位前移到第16位。"),
    verb("壮大", UP, None, "科技人才队伍从120万人壮大到179万人。"),
    verb("跃居", UP, None, "综合科技创新水平指数从第9位跃居第5位。"),
    verb("升", UP, None, "排名由上年的第12位升至第11位。"),
    verb("减", DOWN, None, "企业从200家减至100家。"),
    verb("增至", UP, None, "企业从100家增至200家。"),
    verb("后退", DOWN, None, "企业从200家后退到100家。"),
    verb("缩短", DOWN, None, "评审周期由90天缩短至45天。"),
    verb("缩减", DOWN, None, "企业从200家缩减到100家。"),
    verb("压缩", DOWN, None, "企业从200家压缩到100家。"),
    verb("降至", DOWN, None, "企业从200家降至100家。"),
    verb("占比", None, SHARE, "高新企业占比为30%。"),
    verb("比重", None, SHARE, "高新企业比重为30%。"),
    verb("比例", None, SHARE, "高新企业比例为30%。"),
    verb("份额", None, SHARE, "高新企业市场份额为30%。"),
    // 其中 before a percentage (其中96%集中在…) takes a part of what the sentence counted.
    verb("其中", None, SHARE, "入驻企业327家,其中96%集中在主城区。"),
    share_of("占", "高新企业占全省企业的30%。"),
    share_of("相当于", "经费支出相当于GDP的1.73%。"),
];

/// Verbs that count what a period added (全年新增科技型企业6050家): such a count compared with an
/// earlier period's (同比增长16.0%) is a level that grew.
pub const ADDITIONS: [Word; 2] =
    [word("新增", "全年新增科技型企业6050家、同比增长16.0%。"), word("新建", "全年新建5G基站3.2万个,同比增长12%。")];

/// Rates of contribution: after 对 and what grew (对全市工业增长的贡献率达53.2%), the percentage is
/// the share of that growth the subject made; without 对 (科技进步贡献率达60%) it is a level.
pub const CONTRIBUTIONS: [Word; 1] = [word("贡献率", "高技术制造业对全市工业增长的贡献率达53.2%。")];

/// The change words that state a direction (增长, 下降, 升), as a lexicon: asked where a verb may
/// follow a figure or close a subject.
pub static MOVE_LEXICON: LazyLock<Lexicon<Direction>> =
    LazyLock::new(|| Lexicon::new(VERBS.iter().filter_map(|v| v.direction.map(|d| (v.word, d)))));

/// The words that give a figure its role, matched ending just before it (past any filler).
pub static ROLE_LEXICON: LazyLock<Lexicon<Role>> =
    LazyLock::new(|| Lexicon::new(VERBS.iter().filter_map(|v| v.role.map(|role| (v.word, role)))));

/// Nouns that hold a change verb (增加值 is value added, not an increase): a verb inside one is
/// no verb.
pub const NOT_VERBS: [Word; 1] = [word("增加值", "全市高技术产业增加值120亿元;高技术产业增加值增速12%。")];

/// Where `word` first stands in `text` outside any of [`NOT_VERBS`], as a byte offset.
pub fn find_verb(text: &str, word: &str) -> Option<usize> {
    text.match_indices(word)
        .map(|(p, _)| p)
        .find(|&p| !NOT_VERBS.iter().any(|n| text.match_indices(n.word).any(|(q, _)| q <= p && p < q + n.word.len())))
}

/// The words that name a rate of change without a direction (增速, 增幅, 增长率).
pub fn rate_words() -> impl Iterator<Item = &'static str> {
    RATE_LEXICON.words()
}

/// [`rate_words`] as a lexicon: asked after every percentage.
pub static RATE_LEXICON: LazyLock<Lexicon<()>> =
    LazyLock::new(|| Lexicon::new(VERBS.iter().filter(|v| v.role == Some(Role::Change) && v.direction.is_none()).map(|v| (v.word, ()))));

/// The words of `role`, in table order.
pub fn with_role(role: Role) -> impl Iterator<Item = &'static str> {
    VERBS.iter().filter(move |v| v.role == Some(role)).map(|v| v.word)
}

/// The direction of the change verb that `text` starts with, if any.
pub fn direction_at_start(text: &str) -> Option<Direction> {
    // Asked at every char of a clause, which nearly always starts no change verb: one bit says so.
    static FIRSTS: LazyLock<CharSet> =
        LazyLock::new(|| CharSet::new(VERBS.iter().filter(|v| v.direction.is_some()).filter_map(|v| v.word.chars().next())));
    if !FIRSTS.contains(text.chars().next()?) {
        return None;
    }
    VERBS.iter().find(|v| v.direction.is_some() && text.starts_with(v.word)).and_then(|v| v.direction)
}

/// Nouns that, after A到B的, make the pair a before→after change (250余亿元到500余亿元的大跨越).
pub const LEAPS: [Word; 6] = [
    word("跨越", "研发投入实现了250亿元到500亿元的大跨越。"),
    word("跃升", "研发投入实现了250亿元到500亿元的大跃升。"),
    word("突破", "研发投入实现了250亿元到500亿元的大突破。"),
    word("转变", "研发投入实现了250亿元到500亿元的大转变。"),
    word("飞跃", "研发投入实现了250亿元到500亿元的大飞跃。"),
    word("提升", "研发投入实现了250亿元到500亿元的大提升。"),
];

/// Nouns that, as the head of what a percentage is of (突破7%的大关), make it a level, not a share.
pub const LEVEL_NOUNS: [Word; 6] = [
    word("局面", "研发投入强度摆脱了长期停留在3%左右的局面。"),
    word("大关", "研发投入强度首次突破3%的大关。"),
    word("关口", "研发投入强度首次突破3%的关口。"),
    word("高位", "研发投入强度保持在3%以上的高位。"),
    word("水平", "研发投入强度保持在3%的水平。"),
    word("台阶", "研发投入强度迈上3%的台阶。"),
];

/// Earlier periods a multiple is compared with (是上年的1.5倍, 是2012年的2.4倍 with a year
/// figure in their place): such a multiple states a change of the level before it; a multiple of
/// anything else (是全国平均水平的1.5倍) compares two things and states none.
pub const EARLIER_PERIODS: [Word; 6] = [
    word("上年同期", "研发投入120亿元,是上年同期的1.5倍。"),
    word("去年同期", "研发投入120亿元,是去年同期的1.5倍。"),
    word("上年", "研发投入120亿元,是上年的1.5倍。"),
    word("去年", "研发投入120亿元,是去年的1.5倍。"),
    word("上一年", "研发投入120亿元,相当于上一年的1.5倍。"),
    word("同期", "研发投入120亿元,为同期的1.5倍。"),
];

/// Words before a span of years that make it an earlier period a multiple is compared with
/// (是上一个五年的2.1倍).
pub const EARLIER_SPANS: [Word; 3] = [
    word("上一个", "研发投入120亿元,是上一个五年的1.5倍。"),
    word("上个", "研发投入120亿元,是上个五年的1.5倍。"),
    word("前一个", "研发投入120亿元,是前一个五年的1.5倍。"),
];

/// Words that make a rate's comparison one with something else than an earlier period (增速比全国
/// 平均水平高): the points it states are a gap, not a change of the rate.
pub const GAPS: [Word; 2] =
    [word("平均", "营收增长12%,增速比全国平均水平高2个百分点。"), word("全国", "营收增长12%,增速比全国高2个百分点。")];

/// Verbs that compare with something else (高于全市规上工业增速5.1个百分点) or add to it: the
/// points after one in its clause are a gap or a contribution, a level, whatever rate the clause
/// names.
pub const GAP_VERBS: [Word; 8] = [
    word("领先", "增加值增长12%,分别领先全国、全省2个百分点和3个百分点。"),
    word("高出", "营收增长12%,高出全市平均水平2个百分点。"),
    word("高于", "营收增长12%,高于全市规上工业增速2个百分点。"),
    word("低于", "营收增长12%,增速低于全市规上工业2个百分点。"),
    word("快于", "营收增长12%,增速快于全市规上工业2个百分点。"),
    word("慢于", "营收增长12%,增速慢于全市规上工业2个百分点。"),
    // What a part adds to the growth of a whole (拉动全市工业增长3.2个百分点) is its contribution.
    word("拉动", "高技术制造业增长12%,拉动全市规上工业增长3.2个百分点。"),
    word("上拉", "高技术制造业增长12%,上拉全市规上工业增长3.2个百分点。"),
];

/// Comparatives that, right after an earlier period, state a change by the figure after them
/// (比上年多120家 is an increase of 120): only there, since 多, 少, 高 and 低 open or end many
/// nouns (高新技术, 低碳).
pub const COMPARATIVES: [Verb; 4] = [
    verb("多", UP, CHANGE, "全市高新技术企业达到520家,比上年多120家。"),
    verb("少", DOWN, CHANGE, "全市亏损企业有80家,比上年少12家。"),
    verb("高", UP, CHANGE, "全市研发投入强度为2.1%,比上年高0.3个百分点。"),
    verb("低", DOWN, CHANGE, "全市单位产值能耗为0.52吨,较上年度低0.04吨。"),
];

/// The verbs that state such a comparison, right before the period.
pub const COMPARISONS: [Word; 3] = [
    word("是", "研发投入120亿元,是2020年的1.5倍。"),
    word("为", "研发投入120亿元,为2020年的1.5倍。"),
    word("相当于", "研发投入120亿元,相当于2020年的1.5倍。"),
];

/// Words that, right after a number of digits, make it a change (两位数增长).
pub const DIGIT_CHANGES: [Word; 5] = [
    word("增速", "研发经费实现两位数增速。"),
    word("进位", "营收保持两位数进位。"),
    word("增长", "营收保持两位数增长。"),
    word("增加", "营收保持两位数增加。"),
    word("提升", "营收保持两位数提升。"),
];

/// Verbs that state a fall as growth below zero: the rate right after them is negative, its
/// span the number as written (负增长3% is a growth of −3%).
pub const NEGATED: [Word; 2] = [word("负增长", "受外需影响,出口交货值负增长3%。"), word("负增长了", "受外需影响,出口交货值负增长了3%。")];

/// Words that may stand between a role word and its figure without breaking the link (增长达12%).
pub const FILLERS: [Word; 21] = [
    word("同比", "营收增幅同比为12%。"),
    word("依次", "营收增幅依次为12%、15%。"),
    word("分别", "营收增幅分别为12%、15%。"),
    word("各自", "营收增幅各自为12%、15%。"),
    word("各", "营收增幅各为12%。"),
    word("均", "两项营收增速均超过12%。"),
    word("都", "两项营收增速都超过12%。"),
    word("了", "营收增长了12%。"),
    word("高达", "营收增幅高达12%。"),
    word("达到", "营收增幅达到12%。"),
    word("到达", "营收增幅到达12%。"),
    word("达", "营收增幅达12%。"),
    word("为", "营收增幅为12%。"),
    word("是", "营收增幅是12%。"),
    word("保持在", "营收增速保持在12%以上。"),
    word("保持", "营收增速保持12%。"),
    word("稳定在", "营收增速稳定在12%左右。"),
    word("维持在", "营收增速维持在12%左右。"),
    word("从", "比重从30.9%上升至40.2%。"),
    word("由", "比重由30.9%上升至40.2%。"),
    word(" ", "营收增幅 12%。"),
];

pub static FILLER_LEXICON: LazyLock<Lexicon<()>> = LazyLock::new(|| Lexicon::new(FILLERS.iter().map(|w| (w.word, ()))));
