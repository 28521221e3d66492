//! Region words: the provincial-level divisions of China with their ISO 3166-2:CN codes (GB/T 2260
//! names), the word for the whole country, and the suffixes of a place below a province (市, 县,
//! 示范区). Each entry's example is a sentence whose figure is about that region.
//!
//! Tables only; [`crate::link::regions`] reads them.

use super::{Word, word};

/// A province-level division: its full name, the short name texts also use, its ISO 3166-2 code.
#[derive(Debug)]
pub struct Province {
    pub name: &'static str,
    pub short: &'static str,
    pub code: &'static str,
    pub example: &'static str,
}

const fn province(name: &'static str, short: &'static str, code: &'static str, example: &'static str) -> Province {
    Province { name, short, code, example }
}

pub const PROVINCES: [Province; 34] = [
    province("北京市", "北京", "CN-BJ", "北京研发经费投入达到2900亿元。"),
    province("天津市", "天津", "CN-TJ", "天津研发经费投入达到600亿元。"),
    province("河北省", "河北", "CN-HE", "河北省研发经费投入达到800亿元。"),
    province("山西省", "山西", "CN-SX", "山西省研发经费投入达到300亿元。"),
    province("内蒙古自治区", "内蒙古", "CN-NM", "内蒙古研发经费投入达到200亿元。"),
    province("辽宁省", "辽宁", "CN-LN", "辽宁省研发经费投入达到600亿元。"),
    province("吉林省", "吉林", "CN-JL", "吉林省研发经费投入达到200亿元。"),
    province("黑龙江省", "黑龙江", "CN-HL", "黑龙江省研发经费投入达到200亿元。"),
    province("上海市", "上海", "CN-SH", "上海研发经费投入达到2000亿元。"),
    province("江苏省", "江苏", "CN-JS", "江苏省研发经费投入达到4000亿元。"),
    province("浙江省", "浙江", "CN-ZJ", "浙江省研发经费投入达到2600亿元。"),
    province("安徽省", "安徽", "CN-AH", "安徽省研发经费投入达到1200亿元。"),
    province("福建省", "福建", "CN-FJ", "福建省研发经费投入达到1100亿元。"),
    province("江西省", "江西", "CN-JX", "江西省研发经费投入达到600亿元。"),
    province("山东省", "山东", "CN-SD", "山东省研发经费投入达到2500亿元。"),
    province("河南省", "河南", "CN-HA", "河南省研发经费投入达到1100亿元。"),
    province("湖北省", "湖北", "CN-HB", "湖北省研发经费投入达到1400亿元。"),
    province("湖南省", "湖南", "CN-HN", "湖南省研发经费投入达到1200亿元。"),
    province("广东省", "广东", "CN-GD", "广东省研发经费投入达到4400亿元。"),
    province("广西壮族自治区", "广西", "CN-GX", "广西研发经费投入达到200亿元。"),
    province("海南省", "海南", "CN-HI", "海南省研发经费投入达到70亿元。"),
    province("重庆市", "重庆", "CN-CQ", "重庆研发经费投入达到700亿元。"),
    province("四川省", "四川", "CN-SC", "四川省研发经费投入达到1300亿元。"),
    province("贵州省", "贵州", "CN-GZ", "贵州省研发经费投入达到200亿元。"),
    province("云南省", "云南", "CN-YN", "云南省研发经费投入达到300亿元。"),
    province("西藏自治区", "西藏", "CN-XZ", "西藏研发经费投入达到8亿元。"),
    province("陕西省", "陕西", "CN-SN", "陕西省研发经费投入达到800亿元。"),
    province("甘肃省", "甘肃", "CN-GS", "甘肃省研发经费投入达到140亿元。"),
    province("青海省", "青海", "CN-QH", "青海省研发经费投入达到30亿元。"),
    province("宁夏回族自治区", "宁夏", "CN-NX", "宁夏研发经费投入达到80亿元。"),
    province("新疆维吾尔自治区", "新疆", "CN-XJ", "新疆研发经费投入达到90亿元。"),
    province("台湾省", "台湾", "CN-TW", "台湾省研发经费投入达到4000亿元。"),
    province("香港特别行政区", "香港", "CN-HK", "香港研发经费投入达到300亿元。"),
    province("澳门特别行政区", "澳门", "CN-MO", "澳门研发经费投入达到10亿元。"),
];

/// The whole country: a figure right after it, or a subject it opens that names a catalog
/// indicator, is about the country (在全国178家国家高新区中, 全国研发经费投入).
pub const NATION: Word = word("全国", "在全国178家国家高新区中位居前列。");

/// The region code of [`NATION`].
pub const NATION_CODE: &str = "CN";

/// Suffixes that close the name of a place below a province, longest first.
pub const PLACE_SUFFIXES: [Word; 3] = [
    word("示范区", "陕西省年报\n杨凌示范区研发经费投入达到30亿元。"),
    word("市", "陕西省年报\n西安市研发经费投入达到500亿元。"),
    word("县", "陕西省年报\n周至县研发经费投入达到3亿元。"),
];

/// Chars that open a word for the document's own place or a class of places (全市, 本县, 各市,
/// 两市, 城市, 设区市), never a name.
pub const NOT_NAME_OPENINGS: &str = "全本我该各每其此这两三四五六七八九十城都县设地市区省镇乡";

/// Chars that close such a class word before the suffix (县级市, 地级市, 城区市).
pub const NOT_NAME_ENDINGS: &str = "级区城州";
