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
    /// 角: a tenth of a yuan (2角 is 0.2 CNY); after 元 it adds to the yuan (3元5角).
    Jiao,
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
    /// 克, 毫克: a mass in kilograms once divided by ten to this power (520克 is 0.52 kg).
    Gram(u32),
    /// 年: a calendar year after a four-digit year, otherwise a number of years.
    Year,
    /// 月: a month of the year (with 日, a date).
    Month,
    /// 日 after a day's number with no month before it (记者2日获悉): a date of the month.
    Day,
    Days,
    Months,
    /// 位数: a number of digits (两位数增长).
    Digits,
    /// A unit of measurement with no unit of its own among [`Unit`]'s (公里, 千瓦时, 吨标准煤): the
    /// figure is `other`, `unit_text` the unit as written and its value in that unit, scaled by
    /// any 万 or 亿 written before it as a count's is (3.5万千瓦时 is 35000, unit_text 千瓦时).
    Other {
        /// Read only after Arabic digits: 82.4分 is a score, while 十分 is "very".
        arabic_only: bool,
    },
    /// A measure word: a count of things (家, 件, 个 …); see [`MeasureWord::arabic_only`].
    Measure {
        arabic_only: bool,
    },
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

const fn other(word: &'static str, example: &'static str) -> UnitEntry {
    UnitEntry { word, unit: UnitWord::Other { arabic_only: false }, reads_as: Unit::Other, example }
}

/// Unit words, tried in this order before the measure words: a longer word comes before any word
/// it starts with (个百分点 before 个, 千瓦时 before 千瓦, 吨标准煤 before 吨). The units of
/// measurement are the legal units' Chinese names (GB 3100–3102) and the compounds reports use.
pub const UNITS: [UnitEntry; 99] = [
    unit("个百分点", UnitWord::PercentagePoint, Unit::PercentagePoint, "比上年提高0.12个百分点。"),
    unit("平方公里", UnitWord::Area(Unit::SquareKilometre), Unit::SquareKilometre, "园区面积达120平方公里。"),
    unit("平方千米", UnitWord::Area(Unit::SquareKilometre), Unit::SquareKilometre, "园区面积达120平方千米。"),
    other("平方米", "孵化场地面积4.6万平方米。"),
    other("平米", "新建标准厂房40万平米。"),
    other("平方厘米", "芯片面积1.5平方厘米。"),
    other("立方米", "日处理能力150万立方米。"),
    other("立方千米", "水库库容2立方千米。"),
    // After digits 百 reads as a multiplier (2百 is 200), so a bare 百分点 is a unit after a space.
    unit("百分点", UnitWord::PercentagePoint, Unit::PercentagePoint, "比上年提高2 百分点。"),
    other("个工作日", "办理时限压缩至5个工作日。"),
    other("工作日", "办理时限压缩至5工作日。"),
    other("个小时", "连续运行72个小时。"),
    unit("个月", UnitWord::Months, Unit::Months, "审批用时五个月。"),
    unit("公顷", UnitWord::Area(Unit::Hectare), Unit::Hectare, "新增林地300公顷。"),
    unit("公斤", UnitWord::Mass(Unit::Kilogram), Unit::Kilogram, "亩产500公斤。"),
    other("公里", "运营里程新增43.6公里。"),
    unit("千克", UnitWord::Mass(Unit::Kilogram), Unit::Kilogram, "亩产增加50 千克。"),
    other("千米", "隧洞长度为12千米。"),
    other("千瓦时", "节约用电3.5万千瓦时。"),
    other("千瓦", "单堆额定功率150千瓦。"),
    other("千伏", "建成输电线路500千伏。"),
    other("千帕", "设计压力200千帕。"),
    other("兆瓦时", "储能容量200兆瓦时。"),
    other("兆瓦", "新增风电装机120兆瓦。"),
    other("兆赫", "工作频率900兆赫。"),
    other("吉瓦时", "储能容量2吉瓦时。"),
    other("吉瓦", "新能源装机规模3.2吉瓦。"),
    other("太瓦时", "全社会用电量0.5太瓦时。"),
    other("毫米", "加工精度0.01毫米。"),
    other("厘米", "作物株高增加12厘米。"),
    other("微米", "线宽达到5微米。"),
    other("纳米", "芯片制程达到7纳米。"),
    other("海里", "科考航程1.2万海里。"),
    other("毫升", "单支试剂10毫升。"),
    unit("毫克", UnitWord::Gram(6), Unit::Kilogram, "单片含量500毫克。"),
    other("微克", "单片含量500微克。"),
    unit("克", UnitWord::Gram(3), Unit::Kilogram, "果实最重达520克。"),
    other("升", "每分钟灌装食用油120升。"),
    other("米", "钻探深度达到8588米。"),
    other("吨标准煤", "全年节能量12万吨标准煤。"),
    other("吨标煤", "全年节能量12万吨标煤。"),
    other("吨二氧化碳当量", "减少排放3万吨二氧化碳当量。"),
    other("小时", "响应时间缩短为2小时。"),
    other("分钟", "响应时间缩短为45分钟。"),
    other("毫秒", "时延低于10毫秒。"),
    other("秒", "恢复时间缩短至30秒。"),
    other("周年", "迎来建校60周年。"),
    other("周岁", "申报人年龄不超过35周岁。"),
    other("周", "集中轮训为期2周。"),
    other("岁", "入选者年龄45岁以下。"),
    other("人年", "研发人员全时当量3.2万人年。"),
    other("斤", "每亩增产稻谷80斤。"),
    other("摄氏度", "最高温度达到38摄氏度。"),
    other("℃", "最高温度达到38℃。"),
    other("分贝", "噪声低于55分贝。"),
    // 一度 is "once": only digits count in 度 (36亿度 of electricity, 38度).
    unit("度", UnitWord::Other { arabic_only: true }, Unit::Other, "园区全年用电量达到36亿度。"),
    unit("分", UnitWord::Other { arabic_only: true }, Unit::Other, "社会满意度提高到82.4分。"),
    other("字节", "存储容量达到500字节。"),
    other("比特", "传输速率达到10比特。"),
    other("EFLOPS", "算力规模达到2.1EFLOPS。"),
    other("PFLOPS", "算力规模达到300PFLOPS。"),
    other("TFLOPS", "单卡算力达到300TFLOPS。"),
    other("Gbps", "接入带宽达到10Gbps。"),
    other("Mbps", "平均下载速率100Mbps。"),
    other("GWh", "储能容量2GWh。"),
    other("MWh", "储能容量200MWh。"),
    other("kWh", "节约用电350kWh。"),
    other("GW", "新能源装机3.2GW。"),
    other("MW", "新增风电装机120MW。"),
    other("kW", "单堆功率150kW。"),
    other("km", "运营里程新增43.6km。"),
    other("nm", "芯片制程达到7nm。"),
    unit("美元", UnitWord::Money(Unit::Usd), Unit::Usd, "出口额12亿美元。"),
    unit("美金", UnitWord::Money(Unit::Usd), Unit::Usd, "出口额12亿美金。"),
    // Currencies with no unit of their own among Unit's keep their name (ISO 4217's Chinese names).
    other("港元", "在港融资5000万港元。"),
    other("港币", "在港融资5000万港币。"),
    other("欧元", "引进欧洲资金2000万欧元。"),
    other("日元", "日方投资3亿日元。"),
    other("英镑", "合作经费800万英镑。"),
    other("澳元", "合作经费500万澳元。"),
    other("卢布", "合作经费900万卢布。"),
    other("韩元", "合作经费20亿韩元。"),
    unit("位数", UnitWord::Digits, Unit::Digits, "保持两位数增长。"),
    unit("元", UnitWord::Money(Unit::Cny), Unit::Cny, "投入3000元。"),
    unit("角", UnitWord::Jiao, Unit::Cny, "每斤收购价提高2角。"),
    unit("%", UnitWord::Percent, Unit::Percent, "占比为12.5%。"),
    unit("‰", UnitWord::PerMille, Unit::Percent, "出生率为5‰。"),
    unit("倍", UnitWord::Times, Unit::Times, "规模扩大3倍。"),
    unit("亩", UnitWord::Area(Unit::Mu), Unit::Mu, "建成高标准农田2000亩。"),
    unit("吨", UnitWord::Mass(Unit::Tonne), Unit::Tonne, "产量达50万吨。"),
    unit("年", UnitWord::Year, Unit::Year, "2021年,全省新增企业。"),
    unit("月份", UnitWord::Month, Unit::Month, "1-6月份,全省新增企业300家。"),
    unit("月", UnitWord::Month, Unit::Month, "5月,全省新增企业。"),
    unit("天", UnitWord::Days, Unit::Days, "审批时间缩短至30天。"),
    unit("日", UnitWord::Day, Unit::Date, "记者2日从省科技厅获悉。"),
    unit("成", UnitWord::Cheng, Unit::Percent, "企业占七成。"),
    other("瓦", "单个灯具额定功率仅为9瓦。"),
    other("伏", "额定电压220伏。"),
    other("帕", "设计压力200帕。"),
];

/// A measure word (量词): the figure before one is a count of these.
#[derive(Debug)]
pub struct MeasureWord {
    pub word: &'static str,
    /// After a Chinese numeral the word names a phase or a session, not a count (二期工程,
    /// 三届): only Arabic digits count with it (举办24期).
    pub arabic_only: bool,
    pub example: &'static str,
}

const fn measure(word: &'static str, example: &'static str) -> MeasureWord {
    MeasureWord { word, arabic_only: false, example }
}

const fn arabic_measure(word: &'static str, example: &'static str) -> MeasureWord {
    MeasureWord { word, arabic_only: true, example }
}

/// Measure words: the figure before one is a count of these. Tried after the unit words, a longer
/// word before any word it starts with (人次 before 人, 台套 before 台).
pub const MEASURE_WORDS: [MeasureWord; 69] = [
    measure("人次", "服务群众12万人次。"),
    measure("家次", "服务企业300家次。"),
    measure("项次", "获奖12项次。"),
    measure("件次", "受理咨询1200件次。"),
    measure("户次", "走访农户300户次。"),
    measure("场次", "举办活动12场次。"),
    measure("批次", "抽检产品120批次。"),
    measure("架次", "无人机飞行300架次。"),
    measure("台套", "推广节水灌溉设备2300台套。"),
    measure("台件", "检定计量器具45万台件。"),
    measure("台次", "检测车辆300台次。"),
    measure("个", "建成平台12个。"),
    measure("家", "高新技术企业6669家。"),
    measure("件", "专利授权1165件。"),
    measure("项", "登记成果12项。"),
    measure("人", "引进人才50人。"),
    measure("位", "新增院士3位。"),
    measure("名", "新增院士3名。"),
    measure("支", "组建团队12支。"),
    measure("所", "新建学校12所。"),
    measure("座", "建成桥梁12座。"),
    measure("台", "购置设备12台。"),
    measure("套", "推广装备12套。"),
    measure("条", "建成产线12条。"),
    measure("篇", "发表论文12篇。"),
    measure("部", "出台法规12部。"),
    measure("种", "培育新品种12种。"),
    measure("类", "涵盖产业12类。"),
    measure("批", "认定示范区12批。"),
    measure("次", "开展培训12次。"),
    measure("处", "建成站点12处。"),
    measure("户", "帮扶农户12户。"),
    measure("市", "覆盖全省11市。"),
    measure("大", "评选出十大科技成果。"),
    measure("只", "培育基金12只。"),
    measure("辆", "推广新能源汽车12辆。"),
    measure("架", "交付飞机12架。"),
    measure("笔", "发放科技贷款1200笔。"),
    measure("艘", "交付船舶12艘。"),
    measure("场", "举办活动12场。"),
    measure("届", "连续举办12届。"),
    measure("款", "发布新品12款。"),
    measure("份", "签订合同12份。"),
    measure("株", "种植苗木12株。"),
    measure("例", "完成手术12例。"),
    measure("颗", "发射卫星12颗。"),
    measure("根", "更换老旧电杆1.2万根。"),
    measure("头", "新增能繁母猪3.6万头。"),
    measure("册", "编印科普读物5万册。"),
    measure("本", "配送图书2.4万本。"),
    measure("幅", "展出作品120幅。"),
    measure("枚", "发射火箭12枚。"),
    measure("棵", "种植树木1200棵。"),
    measure("间", "改造教室12间。"),
    measure("栋", "建成厂房12栋。"),
    measure("张", "发放科技券1200张。"),
    measure("门", "开设课程12门。"),
    measure("块", "建设示范田12块。"),
    measure("片", "建成示范片12片。"),
    measure("席", "在全国百强榜中占据4席。"),
    arabic_measure("期", "开设科技创新大讲堂24期。"),
    arabic_measure("轮", "开展评审12轮。"),
    arabic_measure("单", "全年办理知识产权质押融资36单。"),
    arabic_measure("宗", "全年查处专利侵权案件12宗。"),
    arabic_measure("起", "全年调处知识产权纠纷45起。"),
    arabic_measure("组", "全年选派科技特派员服务团32组。"),
    arabic_measure("队", "全年组建科技服务小分队18队。"),
    arabic_measure("层", "孵化大楼地上28层。"),
    arabic_measure("段", "全年建成科普示范路12段。"),
];

/// Unit words, then measure words, in the order they are tried.
pub static UNIT_LEXICON: LazyLock<Lexicon<UnitWord>> = LazyLock::new(|| {
    Lexicon::new(
        UNITS
            .iter()
            .map(|u| (u.word, u.unit))
            .chain(MEASURE_WORDS.iter().map(|m| (m.word, UnitWord::Measure { arabic_only: m.arabic_only }))),
    )
});

/// A word before a number that makes it a part of a whole: 百分之二十 is 20%, 千分之五 is 0.5%,
/// 万分之三 is 0.03%.
#[derive(Debug)]
pub struct PerWord {
    pub word: &'static str,
    /// What the number after the word is multiplied by to give a percentage.
    pub to_percent: Decimal,
    pub example: &'static str,
}

pub const PER_WORDS: [PerWord; 3] = [
    PerWord { word: "百分之", to_percent: Decimal::ONE, example: "占比达百分之二十。" },
    PerWord { word: "千分之", to_percent: Decimal::from_parts(1, 0, 0, false, 1), example: "误差小于千分之五。" },
    PerWord { word: "万分之", to_percent: Decimal::from_parts(1, 0, 0, false, 2), example: "不良率低于万分之三。" },
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
pub const DOUBLINGS: [Doubling; 9] = [
    doubling("翻一番", 2, "研发投入翻一番。"),
    doubling("翻了一番", 2, "研发投入翻了一番。"),
    doubling("翻两番", 4, "研发投入翻两番。"),
    doubling("翻了两番", 4, "研发投入翻了两番。"),
    doubling("翻三番", 8, "研发投入翻三番。"),
    doubling("翻番", 2, "研发投入实现翻番。"),
    // 倍 after 翻 names the doubling too: 翻一倍 is 翻一番, not one time more.
    doubling("翻一倍", 2, "研发投入四年翻一倍。"),
    doubling("翻了一倍", 2, "研发投入四年翻了一倍。"),
    doubling("翻倍", 2, "研发投入规模翻倍。"),
];

/// Nouns of an amount of money: a number scaled by 万 or 亿 with no unit after one in its clause
/// (营业收入突破1500亿) is in yuan, where it would otherwise count things (人口1.2亿).
pub const MONEY_NOUNS: [Word; 11] = [
    word("额", "全市技术合同成交额突破400亿。"),
    word("收入", "园区营业收入突破1500亿。"),
    word("产值", "高新技术产业产值达到9450亿。"),
    word("总值", "地区生产总值突破1万亿。"),
    word("增加值", "规上工业增加值达到3200亿。"),
    word("投资", "固定资产投资超过800亿。"),
    word("经费", "研发经费支出达到120亿。"),
    word("投入", "全社会研发投入达到了2.79万亿。"),
    word("资金", "下达科技专项资金12亿。"),
    word("利润", "企业实现利润总额86亿。"),
    word("税收", "园区实现税收150亿。"),
];
