//! Non-figure words: named terms whose numerals name something rather than state a figure
//! (十三五, 一带一路). Tables only; [`crate::scan::non_figure`] rejects them where they stand.

use std::sync::LazyLock;

use super::{Lexicon, Word, word};

/// Named terms with a numeral, each with a sentence where it yields no figure.
pub const NAMES: [Word; 10] = [
    word("成千上万", "成千上万的科技工作者奋战在一线。"),
    word("成百上千", "成百上千的企业参与其中。"),
    word("九年义务教育", "全面普及九年义务教育。"),
    word("十二五", "十二五期间科技投入持续增加。"),
    word("十三五", "十三五期间科技投入持续增加。"),
    word("十四五", "十四五期间科技投入持续增加。"),
    word("十五五", "谋划十五五科技创新。"),
    word("一带一路", "融入一带一路建设。"),
    word("双一流", "推进双一流建设。"),
    word("三次产业", "三次产业结构持续优化。"),
];

pub static NAME_LEXICON: LazyLock<Lexicon<()>> = LazyLock::new(|| Lexicon::new(NAMES.iter().map(|n| (n.word, ()))));

/// Words after a number of years that make it part of a plan's name (三年行动计划, 五年规划纲要):
/// the years name the plan, they state no length.
pub const PLAN_WORDS: [Word; 5] = [
    word("行动", "实施科技创新三年行动计划。"),
    word("规划", "编制科技创新五年规划。"),
    word("计划", "实施科技创新五年计划。"),
    word("攻坚", "开展三年攻坚行动。"),
    word("倍增", "实施五年倍增计划。"),
];

/// Words before 一年 that make it a year named rather than a length of one year (新的一年, 极不平凡的
/// 一年, 最后一年): a year described with 的 is the year itself.
pub const ONE_YEAR_NAMED: [Word; 7] = [
    word("上", "企业总数比上一年有所增加。"),
    word("下", "下一年继续推进改革。"),
    word("的", "过去是极不平凡的一年,科技工作取得新进展。"),
    word("最后", "今年是规划实施的最后一年。"),
    word("每", "每一年都有新进展。"),
    word("这", "这一年科技工作成效显著。"),
    word("前", "前一年的科技工作打下了基础。"),
];

/// Words before a Chinese numeral that make it the number of a party congress (党的二十大,
/// 党的十九届五中全会): the numeral with its 大, or its 届 and plenum, is a name.
pub const CONGRESS: [Word; 1] = [word("党的", "深入学习贯彻党的二十大精神。")];

/// Bodies whose sessions are named by numbers (市五届人大二次会议, 十四届全国人大二次会议, 区政协九届
/// 三次会议): a numeral with 届 before one, or with 次 before 会议 after one, names a session.
pub const SESSION_BODIES: [Word; 5] = [
    word("人大", "市五届人大二次会议审议通过了工作报告。"),
    word("全国人大", "十四届全国人大二次会议审议通过了工作报告。"),
    word("政协", "区政协九届三次会议审议通过了工作报告。"),
    word("全国政协", "十四届全国政协二次会议审议通过了工作报告。"),
    word("党代会", "市十二届党代会审议通过了工作报告。"),
];

/// Words after 十一大…二十九大 that make it a congress without 党的 before it (十八大以来): a count of
/// that many things named 大 would be followed by what they are (十八大产业).
pub const CONGRESS_AFTER: [Word; 10] = [
    word("以来", "十八大以来,科技投入持续增加。"),
    word("精神", "学习贯彻二十大精神。"),
    word("报告", "十九大报告提出建设创新型国家。"),
    word("召开", "二十大召开以后,科技投入持续增加。"),
    word("胜利", "喜迎二十大胜利召开。"),
    word("以后", "十八大以后,科技投入持续增加。"),
    word("之后", "十八大之后,科技投入持续增加。"),
    word("期间", "二十大期间,代表们热议科技创新。"),
    word("提出", "二十大提出加快建设科技强国。"),
    word("代表", "二十大代表热议科技创新。"),
];

/// A quoted term of at most this many chars with a numeral in it is a slogan or a name
/// (“两个翻番”, “十年禁渔”, “三农”, “十大科技攻关行动”), not a figure.
pub const SLOGAN_MAX_CHARS: usize = 8;

/// Words before the number of a table or a chart the text points to (如表1所示): a label, not a
/// figure. 表 or 图 alone could end another word (代表3名), so only these lead one, or 表 and 图
/// opening a caption's line.
pub const LABELS: [Word; 6] = [
    word("如表", "如表1所示,成交额持续增长。"),
    word("见表", "详见表2,成交额持续增长。"),
    word("附表", "附表3列出了成交额。"),
    word("如图", "如图1所示,成交额持续增长。"),
    word("见图", "详见图2,成交额持续增长。"),
    word("附图", "附图3给出了成交额。"),
];
