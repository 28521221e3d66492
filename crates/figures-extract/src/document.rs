//! Document: splits decoded text into blocks (title, heading, body, source, caption) and sentences,
//! and keeps the char ↔ byte offset maps every later stage reports spans in.
//!
//! Pure: takes a `&str`, returns a value. It never rewrites the text: the folded copy used for
//! matching has exactly one char per original char, so an offset found in one is valid in both.

use std::borrow::Cow;
use std::rc::Rc;
use std::sync::LazyLock;

use crate::lexicon::CharSet;
use crate::lexicon::numerals::FOLDS;
use crate::numerals::is_chinese_numeral_char;
use crate::records::Block;

/// A decoded text, ready for matching.
#[derive(Debug, Clone)]
pub struct Text<'a> {
    /// The text as written, from which spans are copied out whole.
    pub written: &'a str,
    /// The characters as written, with full-width ASCII forms folded to ASCII (１２３，４５６．７ →
    /// 123,456.7), the ideographic space to a space and the traditional characters of the
    /// vocabulary to simplified ones (萬 → 万, 個 → 个); one char for one char.
    pub folded: Folded,
    /// Byte offset of each char in the UTF-8 text, plus the total length at the end.
    pub byte_offsets: Vec<usize>,
    /// For a hard-wrapped text (lines cut at a fixed width, as PDF-to-text leaves them), the
    /// offset in the text as written of each char of `folded`, which leaves the soft line breaks
    /// out, plus the written length at the end; `None` when nothing was left out.
    written_chars: Option<Vec<usize>>,
    /// The numerals left out with a page break of a hard-wrapped text (a page number, a running
    /// header's year), as spans of chars as written: no later stage sees them, and they are
    /// reported as rejected numerals so that every numeral is accounted for.
    pub left_out: Vec<(usize, usize)>,
    pub sentences: Vec<Sentence>,
}

/// One sentence (or one heading, title or caption line).
#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    pub block: Block,
    /// The heading text of the section the sentence sits in, shared by its sentences.
    pub section: Option<Rc<str>>,
}

/// [`FOLDS`] with a bitmap over the CJK block, so that the many chars the table does not name are
/// passed over on one bit instead of a binary search (folding every char was a twelfth of
/// extraction).
struct Folding<'a> {
    folds: &'a [(char, char)],
    cjk: CharSet,
}

impl<'a> Folding<'a> {
    fn new(folds: &'a [(char, char)]) -> Folding<'a> {
        Folding { folds, cjk: CharSet::new(folds.iter().map(|&(t, _)| t)) }
    }

    /// Folds one full-width form to its ASCII twin and one traditional character of
    /// [`TRADITIONAL`](crate::lexicon::numerals::TRADITIONAL) to its simplified twin; other chars
    /// are returned unchanged.
    #[inline(always)]
    fn fold(&self, c: char) -> char {
        // Ideographs first, then ASCII: between them nearly every char of a text, each settled by
        // one range test and, for an ideograph, one bit.
        if CharSet::in_cjk(c) {
            return if self.cjk.contains(c) { self.search(c) } else { c };
        }
        if c.is_ascii() {
            return c;
        }
        match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' | '\u{00A0}' => ' ',
            // Single quotes nest inside double ones (“…是‘十三五’末的2.2倍”): a quote either way.
            '‘' => '“',
            '’' => '”',
            '\u{A000}'.. => self.search(c),
            _ => c,
        }
    }

    fn search(&self, c: char) -> char {
        self.folds.binary_search_by_key(&c, |&(t, _)| t).map_or(c, |k| self.folds[k].1)
    }
}

static FOLDING: LazyLock<Folding<'static>> = LazyLock::new(|| Folding::new(&FOLDS));

/// `text` folded as [`Text::folded`] is (（R&D）→ (R&D), 萬 → 万), to compare words written
/// in either form; borrowed when nothing folds.
pub fn folded(text: &str) -> Cow<'_, str> {
    let folding: &Folding = &FOLDING;
    if text.chars().all(|c| folding.fold(c) == c) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.chars().map(|c| folding.fold(c)).collect())
}

/// Clause ends, as they appear in the folded text (full-width ，；：！？ are ASCII there).
pub const CLAUSE_BREAKS: [char; 7] = [',', ';', '。', ':', '\n', '!', '?'];

/// Sentence ends for the linker, which also ends one at a line break.
pub const SENTENCE_BREAKS: [char; 4] = ['。', '\n', '!', '?'];

/// How far back a clause or sentence is looked for. Real clauses are far shorter; the cap keeps
/// what a text without punctuation (one 200 MB line, say) calls a clause short.
pub const LOOK_BACK: usize = 400;

/// The folded chars of a text (they deref to `[char]`) with where its clauses and sentences
/// break: the start of the clause or sentence holding a char is asked several times for every
/// figure, and a bisection over the breaks answers it without walking back over the clause.
#[derive(Debug, Clone)]
pub struct Folded {
    chars: Vec<char>,
    clause_breaks: Vec<usize>,
    sentence_breaks: Vec<usize>,
}

impl Folded {
    /// Where the clause holding char `at` starts: just after the last of [`CLAUSE_BREAKS`]
    /// before it, at most [`LOOK_BACK`] chars back.
    pub fn clause_start(&self, at: usize) -> usize {
        after_last_break(&self.clause_breaks, at)
    }

    /// Where the sentence holding char `at` starts, as [`Folded::clause_start`] with
    /// [`SENTENCE_BREAKS`].
    pub fn sentence_start(&self, at: usize) -> usize {
        after_last_break(&self.sentence_breaks, at)
    }
}

fn after_last_break(breaks: &[usize], at: usize) -> usize {
    let floor = at.saturating_sub(LOOK_BACK);
    let k = breaks.partition_point(|&b| b < at);
    k.checked_sub(1).map_or(floor, |k| (breaks[k] + 1).max(floor))
}

impl std::ops::Deref for Folded {
    type Target = [char];

    fn deref(&self) -> &[char] {
        &self.chars
    }
}

/// Where the clauses and sentences of a folded text break, noted as it is folded, and where its
/// lines and its sentences (for [`segment`]) end.
#[derive(Default)]
struct Breaks {
    clause: Vec<usize>,
    sentence: Vec<usize>,
    /// Line breaks and [`SENTENCE_END`]s, in text order.
    segment: Vec<usize>,
    /// Where brackets open and close, in text order.
    brackets: Vec<(usize, char)>,
}

/// The widest a bracketed gloss is whose commas do not end a clause (研发经费(全称研究与试验发展,
/// 以下简称R&D)支出): a bracket left open, or one wider, is taken as written.
const GLOSS_MAX: usize = 60;

impl Breaks {
    // Asked of every char; a call per char was a twentieth of extraction.
    #[inline(always)]
    fn note(&mut self, k: usize, c: char) {
        // Most chars are ideographs above every break: one comparison passes them.
        if c <= '。' {
            if CLAUSE_BREAKS.contains(&c) {
                self.clause.push(k);
            }
            if SENTENCE_BREAKS.contains(&c) {
                self.sentence.push(k);
            }
            if c == '\n' || SENTENCE_END.contains(&c) {
                self.segment.push(k);
            }
            if c == '(' || c == ')' {
                self.brackets.push((k, c));
            }
        }
    }

    /// The clause breaks without the commas and semicolons inside a bracketed gloss of at most
    /// [`GLOSS_MAX`] chars within one sentence: the gloss belongs to the clause around it.
    fn clauses(&mut self) -> Vec<usize> {
        let glosses: Vec<(usize, usize)> = self
            .brackets
            .windows(2)
            .filter(|p| p[0].1 == '(' && p[1].1 == ')' && p[1].0 - p[0].0 <= GLOSS_MAX)
            .map(|p| (p[0].0, p[1].0))
            .filter(|&(open, close)| {
                let k = self.sentence.partition_point(|&b| b < open);
                self.sentence.get(k).is_none_or(|&b| b > close)
            })
            .collect();
        if glosses.is_empty() {
            return std::mem::take(&mut self.clause);
        }
        let inside = |b: usize| {
            let k = glosses.partition_point(|&(open, _)| open < b);
            k > 0 && b < glosses[k - 1].1
        };
        self.clause.iter().copied().filter(|&b| !inside(b)).collect()
    }
}

/// Ends of a line that end what it says (a sentence, a clause, a list item); a wrapped line ends
/// on none of them.
const LINE_ENDS: [char; 13] = ['。', '!', '?', ';', ':', '！', '？', '；', '：', '…', '」', '”', '"'];

/// How close to the text's widest lines a line must come to be a wrapped one, in chars.
const WRAP_SLACK: usize = 8;

/// The narrowest a wrapped text's wide lines are, in chars: a page or column of report text wraps
/// at 16 chars or more, while a list of values one to a line (一百二十三 / 零点五 / …) is narrower
/// and is never rejoined.
const WRAP_MIN_WIDTH: usize = 16;

/// Whether a line is a page number as PDF-to-text leaves it between pages: — 12 —, - 12 -, 12,
/// 第12页, 12/40.
fn is_page_number(line: &str) -> bool {
    let core = line.trim_matches(|c: char| c.is_whitespace() || matches!(c, '—' | '–' | '-' | '－'));
    let core = core.strip_prefix('第').and_then(|c| c.strip_suffix('页')).map_or(core, str::trim);
    let digits = |s: &str| (1..=4).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    digits(core) || core.split_once('/').is_some_and(|(a, b)| digits(a.trim()) && digits(b.trim()))
}

/// The byte offsets of the soft line breaks of a hard-wrapped text (PDF-to-text output): a break
/// after a line as wide as the text's lines are (within [`WRAP_SLACK`] of the widest ninth), that
/// ends on none of [`LINE_ENDS`] and is followed by more text. A heading or a footer is a short
/// line and keeps its break. A text is taken as wrapped only when at least three lines, and two
/// in five, end open so, so that a text written one paragraph to a line (whose lines end on a
/// stop) is never rejoined, and costs only a look at each line's last char.
///
/// A page break inside a sentence (…技术合同成交额 / — 12 — / 某省统计局 / 1 234.5亿元…) is soft
/// whole: a page number with the blank lines before it and the running header after it (short
/// open lines with no clause), between a line left open and more text, is left out char by char.
fn soft_breaks(text: &str) -> Vec<usize> {
    let lines: Vec<(usize, &str)> = text
        .split('\n')
        .scan(0, |at, line| {
            let start = *at;
            *at += line.len() + 1;
            Some((start, line))
        })
        .collect();
    let open = |line: &str| line.trim_end().chars().last().is_some_and(|c| !LINE_ENDS.contains(&c));
    let filled = lines.iter().filter(|(_, l)| !l.trim_end().is_empty()).count();
    let open_lines = lines.windows(2).filter(|p| open(p[0].1) && !p[1].1.trim_start().is_empty()).count();
    if open_lines < 3 || open_lines * 5 < filled * 2 {
        return Vec::new();
    }
    let width = |line: &str| line.trim().chars().count();
    let mut widths: Vec<usize> = lines.iter().map(|(_, l)| width(l)).filter(|&n| n > 0).collect();
    widths.sort_unstable();
    let wide = widths[widths.len() - 1 - widths.len() / 9];
    if wide < WRAP_MIN_WIDTH {
        return Vec::new();
    }
    let mut soft = Vec::new();
    for pair in lines.windows(2) {
        let ((start, line), (_, next)) = (pair[0], pair[1]);
        let w = width(line);
        if w + WRAP_SLACK >= wide && w > WRAP_SLACK && open(line) && !next.trim_start().is_empty() {
            // A CRLF break is left out whole.
            if line.ends_with('\r') {
                soft.push(start + line.len() - 1);
            }
            soft.push(start + line.len());
        }
    }
    let blank = |line: &str| line.trim().is_empty();
    // A running header: short, open, and no clause in it (沧澜省统计局, not 2.71万项，增长8.9%).
    let header = |line: &str| blank(line) || (width(line) + WRAP_SLACK < wide && open(line) && !line.contains(['，', ',', '；', ';']));
    for mark in (1..lines.len().saturating_sub(1)).filter(|&i| is_page_number(lines[i].1)) {
        let (mut first, mut last) = (mark, mark);
        while first > 1 && blank(lines[first - 1].1) {
            first -= 1;
        }
        while last + 2 < lines.len() && last - mark < 3 && header(lines[last + 1].1) {
            last += 1;
        }
        let (before, after) = (lines[first - 1].1, lines[last + 1].1);
        if !(open(before) && !blank(before) && !blank(after)) {
            continue;
        }
        soft.push(lines[first - 1].0 + before.len());
        for &(start, line) in &lines[first..=last] {
            soft.extend(line.char_indices().map(|(k, _)| start + k));
            soft.push(start + line.len());
        }
    }
    soft.sort_unstable();
    soft.dedup();
    soft
}

/// Sentence ends in the folded text (full-width ！？ are ASCII there).
const SENTENCE_END: [char; 4] = ['。', '!', '?', '…'];
const SOURCE_PREFIXES: [&str; 5] = ["数据来源", "资料来源", "来源:", "信息来源", "稿件来源"];
const HEADING_MAX_CHARS: usize = 40;

impl<'a> Text<'a> {
    pub fn new(text: &'a str) -> Text<'a> {
        let soft = soft_breaks(text);
        if !soft.is_empty() {
            return Text::unwrapped(text, &soft);
        }
        // Both per-char arrays are allocated once at their final size and filled in one pass that
        // zips them with the chars, so that no write checks a capacity or a bound; the same pass
        // notes the clause and sentence breaks.
        let chars = text.chars().count();
        let mut folded = vec!['\0'; chars];
        let mut byte_offsets = vec![text.len(); chars + 1];
        let mut breaks = Breaks::default();
        let folding: &Folding = &FOLDING;
        for (k, ((f, o), (b, c))) in folded.iter_mut().zip(byte_offsets.iter_mut()).zip(text.char_indices()).enumerate() {
            *f = folding.fold(c);
            *o = b;
            breaks.note(k, *f);
        }
        Text::with(text, folded, byte_offsets, breaks, None)
    }

    /// A hard-wrapped text read without its soft line breaks (the bytes at `soft`), so that a
    /// sentence, a subject or a verb cut by the wrap reads whole.
    fn unwrapped(text: &'a str, soft: &[usize]) -> Text<'a> {
        let (mut folded, mut byte_offsets, mut written_chars) = (Vec::new(), Vec::new(), Vec::new());
        let mut breaks = Breaks::default();
        let folding: &Folding = &FOLDING;
        let mut left_out: Vec<(usize, usize)> = Vec::new();
        for (k, (b, c)) in text.char_indices().enumerate() {
            if soft.binary_search(&b).is_ok() {
                let c = folding.fold(c);
                if c.is_ascii_digit() || is_chinese_numeral_char(c) {
                    match left_out.last_mut() {
                        Some(span) if span.1 == k => span.1 = k + 1,
                        _ => left_out.push((k, k + 1)),
                    }
                }
                continue;
            }
            let f = folding.fold(c);
            breaks.note(folded.len(), f);
            folded.push(f);
            byte_offsets.push(b);
            written_chars.push(k);
        }
        byte_offsets.push(text.len());
        written_chars.push(text.chars().count());
        Text { left_out, ..Text::with(text, folded, byte_offsets, breaks, Some(written_chars)) }
    }

    fn with(text: &'a str, folded: Vec<char>, byte_offsets: Vec<usize>, breaks: Breaks, written_chars: Option<Vec<usize>>) -> Text<'a> {
        let mut breaks = breaks;
        let clause = breaks.clauses();
        let Breaks { sentence, segment: ends, .. } = breaks;
        let sentences = segment(&folded, &ends);
        let folded = Folded { chars: folded, clause_breaks: clause, sentence_breaks: sentence };
        Text { written: text, folded, byte_offsets, written_chars, left_out: Vec::new(), sentences }
    }

    /// The char offset in the text as written of the span `start..end` of `folded` (they differ
    /// only past a soft line break).
    pub fn written_span(&self, start: usize, end: usize) -> (usize, usize) {
        match &self.written_chars {
            None => (start, end),
            Some(w) if end > start => (w[start], w[end - 1] + 1),
            Some(w) => (w[start], w[start]),
        }
    }

    /// The byte offsets as written of the span `start..end` of `folded`: a span never takes in
    /// the soft line break after its last char.
    pub fn byte_span(&self, start: usize, end: usize) -> (usize, usize) {
        let last = |e: usize| self.byte_offsets[e - 1] + self.written[self.byte_offsets[e - 1]..].chars().next().map_or(0, char::len_utf8);
        match &self.written_chars {
            Some(_) if end > start => (self.byte_offsets[start], last(end)),
            _ => (self.byte_offsets[start], self.byte_offsets[end]),
        }
    }

    /// The chars `start..end` as written, soft line breaks included.
    pub fn span(&self, start: usize, end: usize) -> &str {
        let (s, e) = self.byte_span(start, end);
        &self.written[s..e]
    }

    /// The chars `start..end` as written, without the soft line breaks (and page breaks) a wrap
    /// put among them: names, sentences and words read as the text says them.
    pub fn slice(&self, start: usize, end: usize) -> String {
        match self.written_chars {
            None => self.span(start, end).to_string(),
            Some(_) => (start..end.max(start)).filter_map(|k| self.written[self.byte_offsets[k]..].chars().next()).collect(),
        }
    }

    /// The sentence that contains char offset `at` (index into `sentences`).
    pub fn sentence_at(&self, at: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.end <= at);
        (i < self.sentences.len() && self.sentences[i].start <= at).then_some(i)
    }
}

/// Where `line` starts and ends without its leading and trailing whitespace, as `str::trim`
/// would cut it.
fn trimmed(line: &[char]) -> (usize, usize) {
    let lead = line.iter().take_while(|c| c.is_whitespace()).count();
    let trail = line[lead..].iter().rev().take_while(|c| c.is_whitespace()).count();
    (lead, line.len() - trail)
}

fn line_kind(t: &[char]) -> LineKind {
    if t.is_empty() {
        return LineKind::Blank;
    }
    if SOURCE_PREFIXES.iter().any(|p| {
        let mut chars = t.iter();
        p.chars().all(|c| chars.next() == Some(&c))
    }) {
        return LineKind::SourceLine;
    }
    // Only a short line can be a byline or a heading; a long one is body text, whatever it holds.
    if t.len() > HEADING_MAX_CHARS {
        return LineKind::Body;
    }
    let has_stop = t.iter().any(|c| SENTENCE_END.contains(c) || *c == ';');
    let bracketed = t.first() == Some(&'(') && t.last() == Some(&')');
    if bracketed && !has_stop {
        return LineKind::Byline;
    }
    let list_item = t.get(1) == Some(&'是');
    let open_ended = matches!(t.last(), Some(':' | ',' | '、'));
    if !has_stop && !list_item && !open_ended { LineKind::Heading } else { LineKind::Body }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum LineKind {
    Blank,
    SourceLine,
    Byline,
    Heading,
    Body,
}

/// A test for membership in `set`, a handful of punctuation chars. Ideographs, most of any text,
/// sort above every such char, so one comparison passes them over before the set is searched.
pub fn one_of(set: &[char]) -> impl Fn(&char) -> bool + '_ {
    let top = set.iter().max().copied().unwrap_or_default();
    move |c| *c <= top && set.contains(c)
}

/// The sentences of `folded`, line by line; `ends` are the offsets of its line breaks and
/// [`SENTENCE_END`]s, in order, so that only they are visited, not every char.
fn segment(folded: &[char], ends: &[usize]) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    let mut section: Option<Rc<str>> = None;
    let mut seen_body = false;
    let mut after_source = false;
    let mut line_start = 0;
    let mut next = 0;
    while line_start <= folded.len() {
        let stops = next;
        while next < ends.len() && folded[ends[next]] != '\n' {
            next += 1;
        }
        let line_end = ends.get(next).copied().unwrap_or(folded.len());
        let line = &folded[line_start..line_end];
        let (lead, end) = trimmed(line);
        let content = &line[lead..end];
        let kind = line_kind(content);
        let (s, e) = (line_start + lead, line_start + end);
        let whole_line = |block: Block, section: &Option<Rc<str>>| Sentence { start: s, end: e, block, section: section.clone() };
        match kind {
            LineKind::Blank => {}
            LineKind::SourceLine => {
                sentences.push(whole_line(Block::Source, &section));
                after_source = true;
            }
            _ if after_source => sentences.push(whole_line(Block::Caption, &section)),
            LineKind::Byline => sentences.push(whole_line(Block::Source, &section)),
            LineKind::Heading if !seen_body => sentences.push(whole_line(Block::Title, &None)),
            LineKind::Heading => {
                section = Some(content.iter().collect::<String>().into());
                sentences.push(whole_line(Block::Heading, &section));
            }
            LineKind::Body => {
                seen_body = true;
                let mut start = s;
                for &i in ends[stops..next].iter().filter(|&&i| (s..e).contains(&i)) {
                    sentences.push(Sentence { start, end: i + 1, block: Block::Body, section: section.clone() });
                    start = i + 1;
                }
                if start < e {
                    sentences.push(Sentence { start, end: e, block: Block::Body, section: section.clone() });
                }
            }
        }
        line_start = line_end + 1;
        next += 1;
    }
    sentences
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(text: &str) -> Vec<(String, Block)> {
        let t = Text::new(text);
        t.sentences.iter().map(|s| (t.slice(s.start, s.end), s.block)).collect()
    }

    #[test]
    fn a_clause_or_sentence_starts_after_the_last_break_before_it_within_the_cap() {
        let text = format!("标题\n营收100亿元,增长12%;利润10亿元。{}。", "长".repeat(LOOK_BACK + 50));
        let t = Text::new(&text);
        let walk = |at: usize, breaks: &[char]| {
            let floor = at.saturating_sub(LOOK_BACK);
            (floor..at).rev().find(|&k| breaks.contains(&t.folded[k])).map_or(floor, |k| k + 1)
        };
        for at in 0..=t.folded.len() {
            assert_eq!(t.folded.clause_start(at), walk(at, &CLAUSE_BREAKS), "clause at {at}");
            assert_eq!(t.folded.sentence_start(at), walk(at, &SENTENCE_BREAKS), "sentence at {at}");
        }
    }

    /// A paragraph cut into lines of about twenty chars, as PDF-to-text leaves it, with a heading.
    const WRAPPED: &str = "一、科技投入\n全省研究与试验发展经费支出568.3亿\n元，比上年增长11.2%；每万人口发明\n专利拥有量达到12.4件，较上年提高\n1.6件，居全国第15位。\n";

    #[test]
    fn a_hard_wrapped_paragraph_reads_as_one_and_keeps_its_heading() {
        let t = Text::new(WRAPPED);
        let b = blocks(WRAPPED);
        assert_eq!(b[0], ("一、科技投入".to_string(), Block::Title));
        let paragraph =
            "全省研究与试验发展经费支出568.3亿元，比上年增长11.2%；每万人口发明专利拥有量达到12.4件，较上年提高1.6件，居全国第15位。";
        assert_eq!(b.last().map(|(s, _)| s.as_str()), Some(paragraph), "one sentence, read without its line breaks");
        let (s, e) = t.written_span(0, t.folded.len());
        assert_eq!((s, e), (0, WRAPPED.chars().count()), "offsets count the written line breaks");
    }

    #[test]
    fn a_list_of_values_one_to_a_line_is_not_a_wrapped_text() {
        let list = "一千二百三十四点五六\n十二万三千四百五十六\n三点五个百分点\n第二十一位\n零点五\n";
        assert_eq!(Text::new(list).folded.chars.iter().filter(|&&c| c == '\n').count(), 5);
    }

    #[test]
    fn a_page_break_inside_a_wrapped_sentence_is_left_out() {
        let text = format!("{WRAPPED}全年登记技术合同2.71万项，增长8.9%；技术合同成交额\n— 12 —\n某省统计局\n1 234.5亿元，增长23.6%。\n");
        let t = Text::new(&text);
        let last = t.sentences.last().map(|s| t.slice(s.start, s.end));
        assert_eq!(last.as_deref(), Some("全年登记技术合同2.71万项，增长8.9%；技术合同成交额1 234.5亿元，增长23.6%。"));
        let at = text.find("1 234.5").unwrap();
        let k = t.byte_offsets.iter().position(|&b| b == at).unwrap();
        assert_eq!(t.span(k, k + 7), "1 234.5", "offsets as written");
        let page = text[..text.find("— 12 —").unwrap()].chars().count() + 2;
        assert_eq!(t.left_out, [(page, page + 2)], "the page number, accounted for");
        assert!(["— 12 —", "第3页", " 12/40 ", "- 7 -"].iter().all(|l| is_page_number(l)));
        assert!(!["12345", "表1", "第12条", "1.2"].iter().any(|l| is_page_number(l)));
    }

    #[test]
    fn a_text_written_a_paragraph_to_a_line_keeps_its_line_breaks() {
        let text = "标题\n一、投入\n第一段很长很长的正文，说了许多许多话，在行尾结束。\n二、产出\n第二段也很长很长的正文，说了许多许多话，也结束了。\n三、展望\n第三段。\n";
        assert!(soft_breaks(text).is_empty());
        assert!(Text::new(text).written_chars.is_none());
    }

    #[test]
    fn short_lines_before_the_first_paragraph_are_the_title() {
        let b = blocks("建设创新江西\n\n正文第一句。正文第二句。\n");
        assert_eq!(b[0], ("建设创新江西".to_string(), Block::Title));
        assert_eq!(b[1], ("正文第一句。".to_string(), Block::Body));
        assert_eq!(b[2], ("正文第二句。".to_string(), Block::Body));
    }

    #[test]
    fn short_lines_between_paragraphs_are_headings_and_name_the_section() {
        let t = Text::new("标题\n正文。\n聚焦创新 构筑磁场\n又一句。");
        let last = t.sentences.last().unwrap();
        assert_eq!(last.section.as_deref(), Some("聚焦创新 构筑磁场"));
        assert_eq!(t.sentences[2].block, Block::Heading);
    }

    #[test]
    fn lines_after_the_source_line_are_captions() {
        let b = blocks("正文。\n数据来源:江西省科学技术厅\n\n吊装车间\n");
        assert_eq!(b[1].1, Block::Source);
        assert_eq!(b[2], ("吊装车间".to_string(), Block::Caption));
    }

    #[test]
    fn a_comma_inside_a_short_bracketed_gloss_ends_no_clause() {
        let text = "研发(全称研究与试验发展,简称R&D)经费12亿元,增长8%。";
        let t = Text::new(text);
        let at = |s: &str| text[..text.find(s).unwrap()].chars().count();
        assert_eq!(t.folded.clause_start(at("经费")), 0);
        assert_eq!(t.folded.clause_start(at("增长")), at("增长"));
        let open = "研发(全称研究与试验发展,简称R&D经费12亿元。";
        assert_eq!(Text::new(open).folded.clause_start(14), 13, "a bracket left open is taken as written");
    }

    #[test]
    fn a_bracketed_byline_is_a_source() {
        assert_eq!(blocks("正文。\n(文/胡宇芬 任彬彬)")[1].1, Block::Source);
    }

    #[test]
    fn traditional_characters_fold_to_simplified_in_place() {
        let t = Text::new("3.2萬億元,36臺");
        assert_eq!(t.folded.iter().collect::<String>(), "3.2万亿元,36台");
        assert_eq!(t.slice(0, 6), "3.2萬億元");
    }

    #[test]
    fn folding_keeps_one_char_per_char() {
        let t = Text::new("１２３，４５６．７％");
        assert_eq!(t.folded.iter().collect::<String>(), "123,456.7%");
        assert_eq!(t.folded.len(), "１２３，４５６．７％".chars().count());
        assert_eq!(t.byte_offsets[1], 3);
    }
}
