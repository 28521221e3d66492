//! Clause words: the words around a figure that introduce it or frame it rather than name what it
//! is about — subject tails (…为), share tails (…的比重), rank scope (全国), predicate openings
//! (相当于…), the words of a distributed list (依次, 、, 的) and of a before→after (到, 至, 为), and
//! the word after a year that keeps its span on the digits (全年). Each entry's example shows what is left
//! once the word is cut.
//!
//! Tables only; [`crate::link`] and [`crate::scan::date`] read them.

use super::{Word, word};

/// A word cut from a clause, a sentence where it is cut, and what the example leaves: the
/// subject, the whole a share is of, what a rank ranks or an item, as the table says.
#[derive(Debug)]
pub struct Cut {
    pub word: &'static str,
    pub example: &'static str,
    pub leaves: &'static str,
}

const fn cut(word: &'static str, example: &'static str, leaves: &'static str) -> Cut {
    Cut { word, example, leaves }
}

/// Words opening a bracketed byline (记者…, 通讯员…): a news report's dateline and byline run into
/// its first sentence, and the subject starts after the byline's closing bracket.
pub const BYLINES: [Cut; 2] = [
    cut("记者", "本报讯(记者 王明)全省技术合同成交额达到300亿元,同比增长30%。", "技术合同成交额"),
    cut("通讯员", "本报讯(通讯员 李华)全市研发经费投入达到30亿元,同比增长30%。", "研发经费投入"),
];

/// How the name before a verb of [`SUBJECT_VERBS`] ends when it owns the measure after the verb
/// and stays in the subject: an industry (电子信息产业实现增加值 → 电子信息产业增加值), where a
/// place or a body (高新区实现营业收入) only scopes the measure and is cut with the verb.
pub const OWNERS: [Cut; 8] = [
    cut("产业", "电子信息产业实现增加值15.6亿元,同比增长32.9%。", "电子信息产业增加值"),
    cut("行业", "软件行业实现营业收入86亿元,同比增长12%。", "软件行业营业收入"),
    cut("制造业", "高技术制造业完成总产值1824.6亿元,同比增长11.8%。", "高技术制造业总产值"),
    cut("服务业", "科技服务业实现营业收入120亿元,同比增长15%。", "科技服务业营业收入"),
    cut("批发业", "限额以上批发业完成销售额37.5亿元,增长0.7%。", "限额以上批发业销售额"),
    cut("零售业", "零售业完成销售额19.6亿元,增长2.6%。", "零售业销售额"),
    cut("住宿业", "住宿业完成营业额1.76亿元,增长3.1%。", "住宿业营业额"),
    cut("餐饮业", "餐饮业完成营业额1.42亿元,增长17.4%。", "餐饮业营业额"),
];

/// Words at the end of a subject that introduce the figure rather than name the measure, cut in
/// this order: a word before any word it ends with (依次为 before 为).
pub const SUBJECT_TAILS: [Cut; 32] = [
    cut("依次为", "技术合同成交额依次为300亿元、200亿元,同比依次增长30%、20%。", "技术合同成交额"),
    cut("依次是", "技术合同成交额依次是300亿元、200亿元,同比依次增长30%、20%。", "技术合同成交额"),
    cut("分别为", "技术合同成交额分别为300亿元、200亿元,同比分别增长30%、20%。", "技术合同成交额"),
    cut("各为", "技术合同成交额各为300亿元,同比增长30%。", "技术合同成交额"),
    cut("达到", "技术合同成交额达到300亿元,同比增长30%。", "技术合同成交额"),
    cut("已有", "高新技术企业已有6669家,同比增长30%。", "高新技术企业"),
    cut("仅有", "高新技术企业仅有6669家,同比增长30%。", "高新技术企业"),
    cut("已", "高新技术企业数量已达到6669家,同比增长30%。", "高新技术企业数量"),
    cut("评价入库", "科技型中小企业评价入库2.6万家,同比增长30%。", "科技型中小企业"),
    cut("合计", "技术合同成交额合计300亿元,同比增长30%。", "技术合同成交额"),
    cut("实现了", "技术合同成交额实现了300亿元,同比增长30%。", "技术合同成交额"),
    cut("实现", "技术合同成交额实现300亿元,同比增长30%。", "技术合同成交额"),
    cut("完成了", "地区生产总值完成了3520亿元,同比增长6.1%。", "地区生产总值"),
    cut("完成", "地区生产总值完成3520亿元,同比增长6.1%。", "地区生产总值"),
    cut("成交", "技术合同成交300亿元,同比增长30%。", "技术合同"),
    cut("达", "技术合同成交额达300亿元,同比增长30%。", "技术合同成交额"),
    cut("为", "技术合同成交额为300亿元,同比增长30%。", "技术合同成交额"),
    cut("是", "技术合同成交额是300亿元,同比增长30%。", "技术合同成交额"),
    cut("有", "高新技术企业有6669家,同比增长30%。", "高新技术企业"),
    cut("共", "高新技术企业共6669家,同比增长30%。", "高新技术企业"),
    cut("的", "技术合同成交额的300亿元,同比增长30%。", "技术合同成交额"),
    cut("首次", "技术合同成交额首次突破300亿元,达到312亿元,同比增长30%。", "技术合同成交额"),
    cut("入库", "科技型中小企业入库46家,同比增长35.3%。", "科技型中小企业"),
    cut("净增", "高新技术企业净增1200家,总数达到6500家。", "高新技术企业"),
    cut("新增", "科技企业孵化器新增3家,总数达到25家。", "科技企业孵化器"),
    cut("约", "技术合同成交额约为300亿元,同比增长30%。", "技术合同成交额"),
    cut("预计", "研发投入强度预计达到2.5%,比上年提高0.1个百分点。", "研发投入强度"),
    cut("力争", "研发投入强度力争达到2.5%,比上年提高0.1个百分点。", "研发投入强度"),
    cut("将", "高新技术企业总数将突破2万家,比上年增长10%。", "高新技术企业总数"),
    cut("共计", "全国科技馆数量共计1677个,比上年增长6.3%。", "全国科技馆数量"),
    cut("累计", "全市财政科技支出累计10.6亿元,同比增长46%。", "财政科技支出"),
    // Last, after every tail it ends (分别为): 分别 before a verb cut first (分别达到).
    cut("分别", "技术合同成交额和技术交易额分别达到300亿元和200亿元,分别增长10%和20%。", "技术合同成交额和技术交易额"),
];

/// Words opening a subject that scope, time or introduce it rather than name the measure
/// (全省研发经费投入 → 研发经费投入, 新增5G基站3.8万个 → 5G基站), cut from its start. 全国 is
/// not among them: it begins names (全国重点实验室).
pub const SUBJECT_OPENINGS: [Cut; 34] = [
    cut("全省", "全省研发经费投入达到300亿元,同比增长30%。", "研发经费投入"),
    cut("现有", "全省现有两院院士52名,比上年增加9名。", "两院院士"),
    cut("全市", "全市研发经费投入达到30亿元,同比增长30%。", "研发经费投入"),
    cut("全县", "全县高新技术企业从18家增至27家。", "高新技术企业"),
    cut("全区", "全区研发经费投入达到30亿元,同比增长30%。", "研发经费投入"),
    cut("我省", "我省研发经费投入达到300亿元,同比增长30%。", "研发经费投入"),
    cut("我市", "我市研发经费投入达到30亿元,同比增长30%。", "研发经费投入"),
    cut("本省", "本省研发经费投入达到300亿元,同比增长30%。", "研发经费投入"),
    cut("本市", "本市研发经费投入达到30亿元,同比增长30%。", "研发经费投入"),
    cut("该省", "该省高新技术企业数量由1.5万家增加到3.6万家。", "高新技术企业数量"),
    cut("该市", "该市研发经费投入达到30亿元,同比增长30%。", "研发经费投入"),
    cut("全年", "全年专利授权量9.87万件,比上年下降4.3%。", "专利授权量"),
    cut("年末", "年末有效发明专利8.46万件,比上年增长12%。", "有效发明专利"),
    cut("其中", "其中高新技术企业由412家增至768家。", "高新技术企业"),
    cut("预计", "预计技术合同成交额达到300亿元,同比增长30%。", "技术合同成交额"),
    cut("有效期内", "有效期内高新技术企业总数由17268家增加到20418家。", "高新技术企业总数"),
    cut("新增", "新增高新技术企业486家,总数达到2315家。", "高新技术企业"),
    cut("新建", "全年新建5G基站3.8万个,累计达到15.6万个。", "5G基站"),
    cut("新认定", "全年新认定省级新型研发机构36家,累计达到218家。", "省级新型研发机构"),
    cut("新获批", "全年新获批国家级创新平台12个,总数达到85个。", "国家级创新平台"),
    cut("新培育", "全年新培育科技型中小企业1500家,累计达到1.2万家。", "科技型中小企业"),
    cut("新引进", "全年新引进高层次人才320名,累计达到2100名。", "高层次人才"),
    cut("新组建", "全年新组建创新联合体15个,累计达到60个。", "创新联合体"),
    cut("新成立", "全年新成立成果转化机构35家,总数达到193家。", "成果转化机构"),
    cut("新备案", "全年新备案新型研发机构17家,总数达到58家。", "新型研发机构"),
    cut("共", "全年共登记技术合同3.26万项,同比增长5%。", "登记技术合同"),
    cut("存有", "全省共存有有效发明专利1.5万件,同比增长30%。", "有效发明专利"),
    cut("确保", "确保研发投入强度达到2.5%,比上年提高0.1个百分点。", "研发投入强度"),
    cut("力争", "力争研发投入强度达到2.5%,比上年提高0.1个百分点。", "研发投入强度"),
    cut("今年", "今年高新技术企业总数达到2万家,比上年增长10%。", "高新技术企业总数"),
    cut("目前", "目前高新技术企业总数达到2万家,比上年增长10%。", "高新技术企业总数"),
    // The end of a year stated before (到2020年底, 2020年末), which the year's span leaves out.
    cut("底", "到2020年底高新技术企业总数达到2万家,比上年增长10%。", "高新技术企业总数"),
    cut("末", "2020年末高新技术企业总数达到2万家,比上年增长10%。", "高新技术企业总数"),
    cut("度", "2020年度全市研发经费投入达到30亿元,同比增长30%。", "研发经费投入"),
];

/// Verbs of having that open a subject after its scope (全区拥有各类专业技术人员): cut, unless a
/// 的 after them makes them part of a relative clause naming the measure (拥有有效发明专利的企业占比).
pub const HAVING: [Cut; 2] = [
    cut("拥有", "全区拥有各类专业技术人员38.5万人,比上年增长4.6%。", "各类专业技术人员"),
    cut("共有", "年末全区共有高技术制造业企业140个,比上年末增长5.5%。", "高技术制造业企业"),
];

/// Verbs inside a subject after which the measure is named (高新区实现营业收入 → 营业收入): the
/// subject starts after the last of them.
pub const SUBJECT_VERBS: [Cut; 8] = [
    cut("获得", "全省企业获得国家科技奖励资金2.3亿元,同比增长12%。", "国家科技奖励资金"),
    cut("建成", "全省累计建成科技企业孵化器236家,比上年增加21家。", "科技企业孵化器"),
    cut("争取", "五年来全省共争取中央引导资金12.6亿元,是“十二五”期间的4.3倍。", "中央引导资金"),
    cut("加大", "持续加大基础研究投入,从8.2亿元增加到15.6亿元。", "基础研究投入"),
    cut("实现", "高新区实现营业收入3286.5亿元,同比增长9.4%。", "营业收入"),
    cut("共投入", "全省共投入R&D经费790.3亿元,比上年增长12.8%。", "R&D经费"),
    cut("完成", "全市完成工业总产值1824.6亿元,同比增长11.8%。", "工业总产值"),
    // 入库 alone begins the statistical term (入库科技型中小企业), as 登记 does (登记技术合同).
    cut("评价入库", "全年评价入库科技型中小企业3.47万家,同比增长22.6%。", "科技型中小企业"),
];

/// Words that open a clause continuing the predicate of a level stated before it (…1367.4亿元,
/// 同比增长35.6%): a rate in a later clause belongs to the level only after one of them or a
/// change word; otherwise its clause names a subject of its own.
pub const RATE_OPENINGS: [Cut; 15] = [
    cut("比", "营业收入100亿元,比上年增长12%。", "营业收入"),
    cut("较", "营业收入100亿元,较上年增长12%。", "营业收入"),
    cut("同比", "营业收入100亿元,同比增长12%。", "营业收入"),
    cut("环比", "营业收入100亿元,环比增长12%。", "营业收入"),
    cut("年均", "营业收入100亿元,年均增长12%。", "营业收入"),
    cut("平均", "营业收入100亿元,两年平均增长12%。", "营业收入"),
    cut("年平均", "营业收入100亿元,年平均增长率12%。", "营业收入"),
    cut("净增", "高新技术企业1.62万家,净增2400余家。", "高新技术企业"),
    cut("分别", "营业收入100亿元、利润10亿元,分别增长12%、5%。", "营业收入"),
    cut("依次", "营业收入100亿元、利润10亿元,依次增长12%、5%。", "营业收入"),
    cut("与上年相比", "营业收入100亿元,与上年相比增长12%。", "营业收入"),
    cut("相比", "高新技术企业5100多家,相比2016年的1520家翻了两番多。", "高新技术企业"),
    cut("整体", "平均得分61.5分,整体较上年提高4.8分。", "平均得分"),
    cut("年度", "研发经费投入强度达到1.45%,年度增幅达到0.22个百分点。", "研发经费投入强度"),
    cut("总体", "营业收入100亿元,总体比上年增长12%。", "营业收入"),
];

/// Words that may make up the whole clause of a level stated after its rate, saying only how the
/// level was reached: the level is then the one the rate's clause names (成交额同比增长62.5%,
/// 首次超过50亿元).
pub const LEVEL_LEADS: [Cut; 9] = [
    cut("首次", "成交额同比增长62.5%,首次超过50亿元。", "成交额"),
    cut("首度", "成交额同比增长62.5%,首度突破50亿元。", "成交额"),
    cut("再次", "成交额同比增长62.5%,再次超过50亿元。", "成交额"),
    cut("一举", "成交额同比增长62.5%,一举突破50亿元。", "成交额"),
    cut("已经", "成交额同比增长62.5%,已经达到50亿元。", "成交额"),
    cut("已", "成交额同比增长62.5%,已达50亿元。", "成交额"),
    cut("达到", "成交额同比增长62.5%,达到50亿元。", "成交额"),
    cut("达", "成交额同比增长62.5%,达50亿元。", "成交额"),
    cut("为", "成交额同比增长62.5%,为50亿元。", "成交额"),
];

/// Words in a clause that make its figure a running total, whose growth was stated in the clause
/// before (新增技术经纪人860余名,累计达到3200名).
pub const TOTALS: [Cut; 5] = [
    cut("累计", "新增技术经纪人860余名,累计达到3200名。", "技术经纪人"),
    cut("总数", "新增高新技术企业486家,总数达到2315家。", "高新技术企业"),
    cut("总量", "新增专利1200件,总量达到9800件。", "专利"),
    cut("共计", "新增省级示范企业22家,全市共计66家。", "省级示范企业"),
    cut("总计", "新增省级示范企业22家,全市总计66家。", "省级示范企业"),
];

/// Words between the name of a whole and its share (占规模以上工业增加值的比重为).
pub const SHARE_TAILS: [Cut; 12] = [
    cut("的比重为", "增加值占工业增加值的比重为40.2%。", "工业增加值"),
    cut("的比重", "增加值占工业增加值的比重40.2%。", "工业增加值"),
    cut("比重为", "增加值占工业增加值比重为40.2%。", "工业增加值"),
    cut("比重", "增加值占工业增加值比重40.2%。", "工业增加值"),
    cut("依次是", "增加值占工业增加值的比重依次是40.2%、30.1%。", "工业增加值"),
    cut("依次为", "增加值占工业增加值的比重依次为40.2%、30.1%。", "工业增加值"),
    cut("达到", "增加值占工业增加值的比重达到40.2%。", "工业增加值"),
    cut("的", "增加值占工业增加值的40.2%。", "工业增加值"),
    // Only 为 is cut where no longer tail ends the clause: 分别 stays, as the example shows.
    cut("为", "增加值占工业增加值的比重分别为40.2%、30.1%。", "工业增加值的比重分别"),
    cut("达", "增加值占工业增加值的比重达40.2%。", "工业增加值"),
    cut("从", "增加值占工业增加值的比重从30.9%上升至40.2%。", "工业增加值"),
    cut("由", "增加值占工业增加值的比重由30.9%上升至40.2%。", "工业增加值"),
];

/// Words between what is ranked and its rank, besides the ranking verbs (居全国第11位,
/// 在全省排第二位, 从全国第20位).
pub const RANK_SCOPE: [Cut; 7] = [
    cut("全国", "宽带用户数居全国第11位。", "宽带用户数"),
    cut("全省", "宽带用户数居全省第11位。", "宽带用户数"),
    cut("全市", "宽带用户数居全市第11位。", "宽带用户数"),
    cut("在", "宽带用户数在第11位。", "宽带用户数"),
    cut("从", "宽带用户数从第20位前移至第11位。", "宽带用户数"),
    cut("由", "宽带用户数由第20位前移至第11位。", "宽带用户数"),
    cut("中", "宽带用户数在各市中居第11位。", "宽带用户数"),
];

/// Clause openings that continue a predicate rather than name a subject: a rank with no subject
/// of its own passes over such a clause to the one before (…,相当于GDP的1.73%,在全省排第二位).
pub const PREDICATE_OPENINGS: [Cut; 8] = [
    cut("相当于", "经费支出达到89亿元,相当于GDP的1.73%,在全省排第二位。", "经费支出"),
    cut("占", "经费支出达到89亿元,占全国总量较多,在全省排第二位。", "经费支出"),
    cut("比", "经费支出达到89亿元,比上年明显增加,在全省排第二位。", "经费支出"),
    cut("同比", "经费支出达到89亿元,同比明显增加,在全省排第二位。", "经费支出"),
    cut("较", "经费支出达到89亿元,较上年明显增加,在全省排第二位。", "经费支出"),
    cut("增长", "经费支出达到89亿元,增长势头良好,在全省排第二位。", "经费支出"),
    cut("在", "经费支出达到89亿元,在中部地区领先,在全省排第二位。", "经费支出"),
    cut("其中", "经费支出达到89亿元,其中财政投入较多,在全省排第二位。", "经费支出"),
];

/// Words that say a list of figures is distributed over a list of items, in order.
pub const IN_ORDER: [Cut; 3] = [
    cut("依次", "电子信息、先进制造领域成交额依次为633.6亿元、193.47亿元。", "电子信息"),
    cut("分别", "电子信息、先进制造领域成交额分别为633.6亿元、193.47亿元。", "电子信息"),
    cut("各", "电子信息、先进制造领域成交额各为633.6亿元、193.47亿元。", "电子信息"),
];

/// Words joining the figures of a list (75.12%、229.99%); a figure after a one-char joiner takes
/// the role of the one before it.
pub const LIST_JOINERS: [Cut; 4] = [
    cut("、", "电子信息、先进制造领域成交额依次为633.6亿元、193.47亿元。", "电子信息"),
    cut("和", "电子信息、先进制造领域成交额依次为633.6亿元和193.47亿元。", "电子信息"),
    cut("及", "电子信息、先进制造领域成交额依次为633.6亿元及193.47亿元。", "电子信息"),
    cut("以及", "电子信息、先进制造领域成交额依次为633.6亿元以及193.47亿元。", "电子信息"),
];

/// Separators between enumerated items (及 alone is left out: 新材料及其应用 is one item).
pub const ITEM_SEPARATORS: [Cut; 3] = [
    cut("、", "电子信息、先进制造的成交额依次为633.6亿元、193.47亿元。", "电子信息"),
    cut("以及", "电子信息以及先进制造的成交额依次为633.6亿元、193.47亿元。", "电子信息"),
    cut("和", "电子信息和先进制造的成交额依次为633.6亿元、193.47亿元。", "电子信息"),
];

/// Where the last enumerated item ends and the predicate begins.
pub const ITEM_ENDS: [Cut; 3] = [
    cut("的", "电子信息、先进制造的成交额依次为633.6亿元、193.47亿元。", "先进制造"),
    cut("这", "电子信息、先进制造这两个领域成交额依次为633.6亿元、193.47亿元。", "先进制造"),
    cut("等", "电子信息、先进制造等领域成交额依次为633.6亿元、193.47亿元。", "先进制造"),
];

/// The words that end the verb between the two ends of a before→after change (从A增长到B).
pub const TO_WORDS: [Word; 4] = [
    word("到", "高新技术企业从2138家增长到6669家。"),
    word("至", "高新技术企业从2138家增长至6669家。"),
    word("为", "高新技术企业从2138家增长为6669家。"),
    word("居", "综合科技创新水平指数从全国第9位跃居第5位。"),
];

/// Words that hold 从 or 由 without meaning "from" (从事研发, 由于政策, 理由): no change starts at
/// their 从 or 由.
pub const NOT_FROM: [Word; 7] = [
    word("从事", "从事研发的企业500家扩展到800家。"),
    word("从业", "从业人员500人扩展到800人。"),
    word("从而", "从而使企业500家扩展到800家。"),
    word("由于", "由于政策支持企业500家扩展到800家。"),
    word("由此", "由此带动企业500家扩展到800家。"),
    word("理由", "有理由相信企业500家扩展到800家。"),
    word("自由", "自由贸易试验区企业500家扩展到800家。"),
];

/// Words right before a bare decimal that make it the value of the measure named before them (an
/// index, a ratio): 指数由55.2提高到63.8, 指数为63.8. A bare decimal after any other word is no
/// figure.
pub const VALUE_LEADS: [Word; 6] = [
    word("由", "综合科技创新水平指数由55.2提高到63.8。"),
    word("从", "综合科技创新水平指数从55.2提高到63.8。"),
    word("到", "综合科技创新水平指数提高到63.8。"),
    word("至", "综合科技创新水平指数提高至63.8。"),
    word("为", "综合科技创新水平指数为63.8。"),
    word("达", "综合科技创新水平指数达63.8。"),
];

/// Words after a four-digit year that keep the year's span on its digits (2021全年). (年度, 年末
/// and 年底 need none: their 年 is a unit word, read first.)
pub const PERIOD_WORDS: [Word; 1] = [word("全年", "2021全年新增企业300家。")];
