//! Period words: what dates a figure — words for a year relative to the one in force (上年末, 去年),
//! the words before a time that make it the base of a comparison (比2020年, 较上年), the words
//! around a number of years that make it a span (过去五年, 五年来), and the national five-year
//! plan periods (“十四五”). Each entry's example names the period its figure gets.
//!
//! Tables only; [`crate::link::periods`] reads them.

use super::{Word, word};

/// A word naming a year relative to another, and a sentence whose figure it dates to that year
/// of a 2023 text. A deictic word counts from the year the text is written in (去年, 今年: in a
/// report given in January 2024, 去年 is 2023); the others from the year in force (比上年, 上年末).
#[derive(Debug)]
pub struct RelativeYear {
    pub word: &'static str,
    pub offset: i32,
    pub deictic: bool,
    pub example: &'static str,
}

const fn relative(word: &'static str, offset: i32, deictic: bool, example: &'static str) -> RelativeYear {
    RelativeYear { word, offset, deictic, example }
}

/// Longer words first: one that ends another's prefix (上年末, 上年) is tried before it.
pub const RELATIVE_YEARS: [RelativeYear; 10] = [
    relative("上年同期", -1, false, "2023年,企业总数由上年同期的120家增加到150家。"),
    relative("上年末", -1, false, "2023年,企业总数由上年末的120家增加到150家。"),
    relative("上一年", -1, false, "2023年,企业总数由上一年的120家增加到150家。"),
    relative("上年", -1, false, "2023年,企业总数由上年的120家增加到150家。"),
    relative("当年", 0, false, "2023年工作总结。当年企业总数达到150家。"),
    relative("本年", 0, false, "2023年工作总结。本年企业总数达到150家。"),
    relative("去年", -1, true, "2023年,企业总数由去年的120家增加到150家。"),
    relative("前年", -2, true, "2023年,企业总数由前年的120家增加到150家。"),
    relative("今年", 0, true, "2023年工作总结。今年企业总数达到150家。"),
    relative("明年", 1, true, "2023年工作总结。明年企业总数达到150家。"),
];

/// Words for the time of writing, which may date the later end of a change as a year does
/// (从2016年的318家增长到如今的1520家).
pub const NOW: [Word; 4] = [
    word("如今", "高新技术企业从2016年318家增长到如今1520家。"),
    word("目前", "高新技术企业从2016年的318家增长到目前的1520家。"),
    word("现在", "高新技术企业从2016年的318家增长到现在的1520家。"),
    word("当前", "高新技术企业从2016年的318家增长到当前的1520家。"),
];

/// A part of a year named by a word (上半年, 一季度, 前三季度), its first and last month, and a
/// sentence whose figure it dates.
#[derive(Debug)]
pub struct PartOfYear {
    pub word: &'static str,
    pub first: u32,
    pub last: u32,
    pub example: &'static str,
}

const fn part(word: &'static str, first: u32, last: u32, example: &'static str) -> PartOfYear {
    PartOfYear { word, first, last, example }
}

/// Longer words first: 第一季度 before 一季度, 前三季度 before 三季度.
pub const PARTS_OF_YEAR: [PartOfYear; 11] = [
    part("上半年", 1, 6, "2023年上半年,全市技术合同成交额120亿元,增长15%。"),
    part("下半年", 7, 12, "2023年下半年,全市技术合同成交额120亿元,增长15%。"),
    part("前三季度", 1, 9, "2023年前三季度,全市技术合同成交额120亿元,增长15%。"),
    part("第一季度", 1, 3, "2023年第一季度,全市技术合同成交额120亿元,增长15%。"),
    part("第二季度", 4, 6, "2023年第二季度,全市技术合同成交额120亿元,增长15%。"),
    part("第三季度", 7, 9, "2023年第三季度,全市技术合同成交额120亿元,增长15%。"),
    part("第四季度", 10, 12, "2023年第四季度,全市技术合同成交额120亿元,增长15%。"),
    part("一季度", 1, 3, "2023年一季度,全市技术合同成交额120亿元,增长15%。"),
    part("二季度", 4, 6, "2023年二季度,全市技术合同成交额120亿元,增长15%。"),
    part("三季度", 7, 9, "2023年三季度,全市技术合同成交额120亿元,增长15%。"),
    part("四季度", 10, 12, "2023年四季度,全市技术合同成交额120亿元,增长15%。"),
];

/// Words right before a time that make it the base a change is measured from (比2020年增长),
/// not the time of the figure.
pub const BASES: [Word; 5] = [
    word("比", "2023年研发投入120亿元,比2020年增长50%。"),
    word("较", "2023年研发投入120亿元,较2020年增长50%。"),
    word("与", "2023年研发投入120亿元,与2020年相比增长50%。"),
    word("同", "2023年研发投入120亿元,同2020年相比增长50%。"),
    word("相比", "2023年研发投入120亿元,相比2020年增长50%。"),
];

/// The chars a period a comparison names ends with (比2020年, 较上年同期, 比上年末, 较上年度, 比上月):
/// asked before the words are looked up, as most chars end none.
pub const PERIOD_LAST_CHARS: [char; 6] = ['年', '期', '末', '底', '度', '月'];

/// Words before a number of years that make it the span ending in the year in force (过去五年).
pub const SPAN_LEADS: [Word; 3] = [
    word("过去", "2023年工作报告。过去五年,企业总数从120家增加到150家。"),
    word("近", "2023年工作报告。近五年,企业总数从120家增加到150家。"),
    word("这", "2023年工作报告。这五年,企业总数从120家增加到150家。"),
];

/// Words after a number of years that make it such a span (五年来, 五年间).
pub const SPAN_TAILS: [Word; 3] = [
    word("以来", "2023年工作报告。五年以来,企业总数从120家增加到150家。"),
    word("来", "2023年工作报告。五年来,企业总数从120家增加到150家。"),
    word("间", "2023年工作报告。五年间,企业总数从120家增加到150家。"),
];

/// Words after a number of years that make it the time that long before the year in force (是10年
/// 前的5.8倍), an earlier period a multiple compares with.
pub const AGO: [Word; 2] =
    [word("前", "2022年技术合同成交额3.7万亿元,是10年前的5.8倍。"), word("以前", "2022年技术合同成交额3.7万亿元,是五年以前的2.1倍。")];

/// A national five-year plan period, its first and last year, and a sentence in its time.
#[derive(Debug)]
pub struct PlanPeriod {
    pub word: &'static str,
    pub first: i32,
    pub last: i32,
    pub example: &'static str,
}

const fn plan(word: &'static str, first: i32, last: i32, example: &'static str) -> PlanPeriod {
    PlanPeriod { word, first, last, example }
}

pub const PLAN_PERIODS: [PlanPeriod; 5] = [
    plan("十一五", 2006, 2010, "“十一五”期间,企业总数从120家增加到150家。"),
    plan("十二五", 2011, 2015, "“十二五”期间,企业总数从120家增加到150家。"),
    plan("十三五", 2016, 2020, "“十三五”期间,企业总数从120家增加到150家。"),
    plan("十四五", 2021, 2025, "“十四五”期间,企业总数从120家增加到150家。"),
    plan("十五五", 2026, 2030, "“十五五”期间,企业总数从120家增加到150家。"),
];

/// Words after a plan period that make it run only to the year in force (“十四五”以来).
pub const SINCE: [Word; 1] = [word("以来", "2023年工作总结。“十四五”以来,企业总数从120家增加到150家。")];

/// Words after a plan period that make it its last year (“十三五”末的9家).
pub const PLAN_ENDS: [Word; 2] =
    [word("末", "国家重点实验室由“十三五”末的9家增加到14家。"), word("期末", "国家重点实验室由“十三五”期末的9家增加到14家。")];

/// Words after a plan period that name its whole span (“十五”期间, “十二五”时期): a multiple of the
/// span's value (是“十五”期间的2.6倍) compares with an earlier period.
pub const PLAN_SPANS: [Word; 2] =
    [word("期间", "获国家科技奖励37项,是“十五”期间的2.6倍。"), word("时期", "授权发明专利7201件,是“十五”时期的1.8倍。")];

/// Words after a plan period that make it the plan's name, not a time (“十四五”规划目标).
pub const PLAN_NAMES: [Word; 1] = [word("规划", "2023年工作总结。提前实现“十四五”规划目标,企业总数达到150家。")];

/// A text dated in one of the first this many months of the year its title names reports on the
/// year before (a work report given in January 2023 reviews 2022).
pub const REVIEW_MONTHS: u32 = 3;
