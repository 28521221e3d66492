//! Rank words: the verbs that rank (排名第8, 居全国首位) and those that move a rank by places
//! (前移4位). Tables only; [`crate::scan::rank`] reads them.

/// What a rank word does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RankWord {
    /// Before 第N or 首位, it makes the ordinal a rank.
    Ranks,
    /// Before N位, it makes N the places a rank moved.
    Moves,
}

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

pub const RANKS: [Rank; 17] = [
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
    moves("进位", "排名进位4位。"),
    moves("下降", "排名下降4位。"),
    moves("后退", "排名后退4位。"),
    moves("下滑", "排名下滑4位。"),
];

/// The rank words that do `what`.
pub fn doing(what: RankWord) -> impl Iterator<Item = &'static str> {
    RANKS.iter().filter(move |r| r.does == what).map(|r| r.word)
}
