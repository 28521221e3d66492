//! Rank words: the verbs that rank (排名第8, 居全国首位) and those that move a rank by places
//! (前移4位), the scopes of a ranking (全国), the nouns of a series (第一梯队) and the words that
//! are rank 1 (首位, 榜首). Tables only; [`crate::scan::rank`] reads them.

use super::{Word, word};

/// What a rank word does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RankWord {
    /// Before 第N or 首位, it makes the ordinal a rank.
    Ranks,
    /// Before N位, it makes N the places a rank moved.
    Moves,
}

/// Nouns of a ranking: in a sentence that names one before it, N名 or N位 with nothing it counts
/// after it is a place (位次提升,达到17名; 排位由27位升至21位), not a count of people.
pub const RANKING_NOUNS: [Word; 5] = [
    word("位次", "全市位次提升,由上年的23名上升到17名。"),
    word("名次", "全市名次提升,由上年的23名上升到17名。"),
    word("排名", "全市排名提升,由上年的23名上升到17名。"),
    word("排位", "专利实力在全国排位由上年的27位升至21位。"),
    word("排序", "创新指数在全国排序由上年的19位前进到15位。"),
];

/// A rank word and a sentence where it does what it does.
#[derive(Debug)]
pub struct Rank {
    pub word: &'static str,
    pub does: RankWord,
    pub example: &'static str,
}

const fn ranks(word: &'static str, example: &'static str) -> Rank {
    Rank { word, does: RankWord::Ranks, example }
}

const fn moves(word: &'static str, example: &'static str) -> Rank {
    Rank { word, does: RankWord::Moves, example }
}

pub const RANKS: [Rank; 22] = [
    ranks("稳居", "综合指数稳居全国第3。"),
    ranks("保持", "综合指数保持全国第一。"),
    ranks("进入", "技术输出额进入全国前三。"),
    ranks("跻身", "综合指数跻身全国前十。"),
    ranks("排名", "综合指数排名第3。"),
    ranks("排在", "综合指数排在第3。"),
    ranks("位居", "综合指数位居第3。"),
    ranks("位列", "综合指数位列第3。"),
    ranks("居", "综合指数居第3。"),
    ranks("排", "综合指数排第3。"),
    ranks("列", "综合指数列第3。"),
    moves("上升", "排名上升4位。"),
    moves("前移", "排名前移4位。"),
    moves("提升", "排名提升4位。"),
    moves("提高", "排名提高4位。"),
    moves("跃升", "排名跃升4位。"),
    moves("前进", "排名前进4位。"),
    moves("进步", "综合排名33,较去年进步了9位。"),
    moves("进位", "排名进位4位。"),
    moves("下降", "排名下降4位。"),
    moves("后退", "排名后退4位。"),
    moves("下滑", "排名下滑4位。"),
];

/// The rank words that do `what`.
pub fn doing(what: RankWord) -> impl Iterator<Item = &'static str> {
    RANKS.iter().filter(move |r| r.does == what).map(|r| r.word)
}

/// Where a ranking holds, written between a ranking verb and its rank or alone before 第N (全国第一,
/// 世界第一大专利申请国, 居全国第5).
pub const SCOPES: [Word; 12] = [
    word("全国", "新能源汽车产量全国第一。"),
    word("全球", "光伏组件出货量全球第一。"),
    word("世界", "我国已成为世界第一大专利申请国。"),
    word("全省", "发明专利授权量全省第一。"),
    word("全市", "发明专利授权量全市第一。"),
    word("全区", "发明专利授权量全区第一。"),
    word("全县", "发明专利授权量全县第一。"),
    word("国内", "市场占有率国内第一。"),
    word("省内", "市场占有率省内第一。"),
    word("中部", "研发强度中部第一。"),
    word("西部", "研发强度西部第一。"),
    word("东部", "研发强度东部第一。"),
];

/// Nouns after 第N that make it the N-th of a series, not a rank (第一梯队, 第四季度), even after a
/// scope or a ranking verb. Measure words (第二批, 第六届) need no entry: an ordinal before one is
/// never a count.
pub const SERIES: [Word; 6] = [
    word("梯队", "区域创新能力跻身全国第一梯队。"),
    word("方阵", "综合实力位居全国第一方阵。"),
    word("季度", "全国第四季度成交额增长。"),
    word("阶段", "全国第二阶段改革启动。"),
    word("动力", "创新是全国第一动力。"),
    word("生产力", "科技是全国第一生产力。"),
];

/// Words after a number that make it the top N of a ranking, a rank of at most N (进入全国50强,
/// 世界500强企业, 全国百强县).
pub const TOP_N: [Word; 1] = [word("强", "全市有3家企业进入全国50强。")];

/// Words that are rank 1 on their own after a ranking verb (居全国首位, 位居榜首).
pub const FIRST_PLACE: [Word; 2] = [word("首位", "发明专利授权量居全省首位。"), word("榜首", "高企增速位居榜首。")];
