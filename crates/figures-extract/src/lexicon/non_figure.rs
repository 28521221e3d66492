//! Non-figure words: named terms whose numerals name something rather than state a figure
//! (十三五, 一带一路). Tables only; [`crate::scan::non_figure`] rejects them where they stand.

use std::sync::LazyLock;

use super::{Lexicon, Word, word};

/// Named terms with a numeral, each with a sentence where it yields no figure.
pub const NAMES: [Word; 9] = [
    word("九年义务教育", "全面普及九年义务教育。"),
    word("五年规划", "编制科技创新五年规划。"),
    word("五年计划", "实施科技创新五年计划。"),
    word("十二五", "十二五期间科技投入持续增加。"),
    word("十三五", "十三五期间科技投入持续增加。"),
    word("十四五", "十四五期间科技投入持续增加。"),
    word("十五五", "谋划十五五科技创新。"),
    word("一带一路", "融入一带一路建设。"),
    word("双一流", "推进双一流建设。"),
];

pub static NAME_LEXICON: LazyLock<Lexicon<()>> = LazyLock::new(|| Lexicon::new(NAMES.iter().map(|n| (n.word, ()))));
