//! Every row of the README's "Supported forms" and "Qualifiers" tables, as one test per form:
//! the text, its exact value and unit, and the bounds.

use figures::catalog::Catalog;
use figures::extract::extract;
use figures::records::{Figure, Unit};

fn figures(text: &str) -> Vec<Figure> {
    extract("t", text, &Catalog::default()).figures
}

/// The only figure in `text`: (surface, exact value, unit, lower, upper).
fn one(text: &str) -> (String, String, String, Option<f64>, Option<f64>) {
    let f = figures(text);
    assert_eq!(f.len(), 1, "{text}: {f:#?}");
    let f = &f[0];
    let unit = serde_json::to_value(f.unit).unwrap().as_str().unwrap().to_string();
    (f.text.clone(), f.value_exact.clone(), unit, f.lower, f.upper)
}

fn exact(text: &str, surface: &str, value: &str, unit: &str) {
    let (s, v, u, lo, hi) = one(text);
    assert_eq!((s.as_str(), v.as_str(), u.as_str()), (surface, value, unit), "{text}");
    let x: f64 = value.parse().unwrap();
    assert_eq!((lo, hi), (Some(x), Some(x)), "{text}: exact figures have lower = upper = value");
}

fn bounded(text: &str, surface: &str, value: &str, unit: &str, lower: Option<f64>, upper: Option<f64>) {
    let (s, v, u, lo, hi) = one(text);
    assert_eq!((s.as_str(), v.as_str(), u.as_str(), lo, hi), (surface, value, unit, lower, upper), "{text}");
}

/// The only figure in `text` and its unit as written.
fn unit_text(text: &str) -> Option<String> {
    let f = figures(text);
    assert_eq!(f.len(), 1, "{text}: {f:#?}");
    f[0].unit_text.clone()
}

#[test]
fn units_of_measurement_normalised_where_a_unit_exists() {
    exact("面积16.7万平方公里。", "16.7万平方公里", "167000", "km2");
    exact("亩产达到686公斤。", "686公斤", "686", "kg");
    exact("果实最重达520克。", "520克", "0.52", "kg");
    exact("产量2.16亿吨。", "2.16亿吨", "216000000", "t");
    exact("亩产增加12千克。", "12千克", "12", "kg");
}

#[test]
fn other_units_keep_their_written_unit_and_scale_the_value_by_wan_and_yi() {
    exact("运营里程新增43.6公里。", "43.6公里", "43.6", "other");
    assert_eq!(unit_text("运营里程新增43.6公里。").as_deref(), Some("公里"));
    exact("节约用电3.5万千瓦时。", "3.5万千瓦时", "35000", "other");
    assert_eq!(unit_text("节约用电3.5万千瓦时。").as_deref(), Some("千瓦时"));
    exact("装机达到182万千瓦。", "182万千瓦", "1820000", "other");
    exact("全年节能量12万吨标准煤。", "12万吨标准煤", "120000", "other");
    exact("隧洞长12千米。", "12千米", "12", "other");
    exact("全长三十五公里。", "三十五公里", "35", "other");
    exact("算力规模达到2.1EFLOPS。", "2.1EFLOPS", "2.1", "other");
    exact("园区全年用电量达到36亿度。", "36亿度", "3600000000", "other");
    assert_eq!(unit_text("园区全年用电量达到36亿度。").as_deref(), Some("度"));
    assert!(figures("他一度担任所长。").is_empty(), "一度 is once");
    assert_eq!(unit_text("人均承担课题1.4个/人。").as_deref(), Some("个/人"));
    assert_eq!(unit_text("平均浓度42微克/立方米。").as_deref(), Some("微克/立方米"));
    assert_eq!(unit_text("万人有效发明专利拥有量达到1.75件/万人。").as_deref(), Some("件/万人"));
    assert_eq!(unit_text("高新技术企业6669家。"), None);
}

#[test]
fn traditional_forms_are_read_and_the_measure_word_is_given_simplified() {
    // The span keeps the text as written; the measure word is a category, so 臺 and 台 group.
    let f = figures("引進大型科研儀器36臺。");
    assert_eq!((f[0].text.as_str(), f[0].measure_word.as_deref()), ("36臺", Some("台")));
    exact("研發投入強度提高0.3個百分點。", "0.3個百分點", "0.3", "pp");
    bounded("培訓技術人員1萬餘人。", "1萬餘人", "10000", "count", Some(10000.0), Some(20000.0));
    bounded("財政科技撥款約30億元。", "約30億元", "3000000000", "CNY", Some(2.5e9), Some(3.5e9));
}

/// A report copied through a site that converts it to traditional script reads as the report:
/// the same figures, changes and indicators (从→從, 分别→分別, 总额→總額, 蝉联→蟬聯).
#[test]
fn a_text_converted_to_traditional_script_reads_as_its_simplified_twin() {
    let text = std::fs::read_to_string("raw/catalog.toml").expect("raw/catalog.toml reads");
    let catalog: Catalog = toml::from_str(&text).expect("raw/catalog.toml parses");
    let twins = [
        ("全市科技型中小企業從1250家增長到3480家，增長178.4%。", "全市科技型中小企业从1250家增长到3480家，增长178.4%。"),
        ("去年技術合同成交總額達到88.6億元，較上年增長14.2%。", "去年技术合同成交总额达到88.6亿元，较上年增长14.2%。"),
        (
            "登記技術開發合同1840項，成交金額為27.5億元，分別比上年增長12.6%和31.8%。",
            "登记技术开发合同1840项，成交金额为27.5亿元，分别比上年增长12.6%和31.8%。",
        ),
        ("區域創新能力綜合排名蟬聯全省第二。", "区域创新能力综合排名蝉联全省第二。"),
    ];
    for (traditional, simplified) in twins {
        let (a, b) = (extract("t", traditional, &catalog), extract("t", simplified, &catalog));
        let figures =
            |x: &figures::extract::Extraction| x.figures.iter().map(|f| (f.start, f.end, f.value, f.unit, f.role)).collect::<Vec<_>>();
        let changes = |x: &figures::extract::Extraction| {
            x.changes
                .iter()
                .map(|c| (c.relation, c.direction, c.indicator_id.clone(), c.from_id.clone(), c.rate_id.clone()))
                .collect::<Vec<_>>()
        };
        assert!(!b.figures.is_empty(), "{simplified}");
        assert_eq!(figures(&a), figures(&b), "{traditional}");
        assert_eq!(changes(&a), changes(&b), "{traditional}");
    }
}

/// Each item of a list is named with the words the items share, also when the last item holds
/// them (发明专利、实用新型专利和外观设计专利授权量 → 发明专利授权量).
#[test]
fn list_items_are_named_with_the_words_they_share() {
    let text = std::fs::read_to_string("raw/catalog.toml").expect("raw/catalog.toml reads");
    let catalog: Catalog = toml::from_str(&text).expect("raw/catalog.toml parses");
    let indicators = |s: &str| extract("t", s, &catalog).figures.into_iter().map(|f| f.indicator_id).collect::<Vec<_>>();
    let x = indicators("技术转让和技术咨询合同成交额分别为31.2亿元和8.6亿元。");
    assert_eq!(x, [Some("tech_transfer_contract_turnover".to_string()), Some("tech_consulting_contract_turnover".to_string())]);
    let x = indicators("发明专利、实用新型专利和外观设计专利授权量依次为1.2万件、3.4万件和0.8万件。");
    assert_eq!(x[0].as_deref(), Some("invention_patents_granted"));
}

#[test]
fn digits_with_wan_count_what_follows() {
    exact("惠及380万群众。", "380万", "3800000", "count");
}

#[test]
fn yuan_jiao_fen() {
    exact("成本3元5角。", "3元5角", "3.5", "CNY");
    exact("售价1元2角5分。", "1元2角5分", "1.25", "CNY");
    exact("收购价2角。", "2角", "0.2", "CNY");
}

#[test]
fn measure_words_arabic_only_after_chinese_numerals_name_a_phase() {
    exact("开设大讲堂24期。", "24期", "24", "count");
    assert!(figures("建设二期工程。").is_empty());
}

#[test]
fn ranks_without_wei_after_a_ranking_verb_or_a_scope() {
    assert_eq!(figures("研发投入强度位居全国第四、西部第一。").iter().map(|f| f.value).collect::<Vec<_>>(), [4.0, 1.0], "第四 before 、");
    exact("成交额居全国第5。", "第5", "5", "rank");
    exact("排名全省第1。", "第1", "1", "rank");
    exact("产量全国第一。", "第一", "1", "rank");
    exact("已成为世界第一大专利申请国。", "第一", "1", "rank");
    exact("指数位列全国12位。", "12位", "12", "rank");
    exact("增速位居榜首。", "榜首", "1", "rank");
    bounded("进入全国前三。", "前三", "3", "rank", Some(1.0), Some(3.0));
}

#[test]
fn ordinals_of_a_series_are_not_ranks() {
    assert!(figures("跻身全国第一梯队。").is_empty());
    assert!(figures("入选第二批国家创新型县名单。").is_empty());
    assert!(figures("承办第六届创新创业大赛。").is_empty());
    assert!(figures("全国第四季度成交额增长较快。").is_empty());
}

#[test]
fn a_qualifier_before_a_joining_word() {
    bounded("研发投入约为86亿元。", "86亿元", "8600000000", "CNY", Some(8.55e9), Some(8.65e9));
    bounded("企业数量超过了500家。", "500家", "500", "count", Some(500.0), None);
    bounded("高企产值约占规上工业的40%。", "40%", "40", "%", Some(35.0), Some(45.0));
    bounded("专利授权量翻了一番多。", "翻了一番多", "2", "times", Some(2.0), Some(4.0));
}

#[test]
fn titles_slogans_congresses_and_named_years_are_not_figures() {
    assert!(figures("印发《科技创新三年行动方案》。").is_empty());
    assert!(figures("努力实现“两个翻番”目标,落实“十年禁渔”部署。").is_empty());
    assert!(figures("深入学习贯彻党的二十大精神,落实党的十九届五中全会部署。").is_empty());
    assert!(figures("新的一年,今年是规划实施的最后一年。").is_empty());
    assert!(figures("十八大以来,科技投入持续增加;十九届五中全会作出部署。").is_empty(), "a congress without 党的");
    assert!(figures("市五届人大二次会议和区政协九届三次会议审议通过。").is_empty(), "sessions");
    assert!(figures("企业总数比上一年有所增加。").is_empty(), "上一年 names a year");
    assert!(figures("实施科技创新三年行动计划,编制五年规划。").is_empty(), "the years of a plan's name");
    assert_eq!(figures("实施十大科技攻关行动。").len(), 1, "十大 before what it counts is a count");
}

#[test]
fn currencies_other_than_yuan_and_dollars_keep_their_name() {
    exact("出口额12亿美金。", "12亿美金", "1200000000", "USD");
    exact("在港融资5000万港元。", "5000万港元", "50000000", "other");
    assert_eq!(unit_text("引进欧洲资金2000万欧元。").as_deref(), Some("欧元"));
}

#[test]
fn a_month_range_written_in_chinese_numerals() {
    bounded("一至三月,全市新增企业。", "一至三月", "1", "month", Some(1.0), Some(3.0));
}

#[test]
fn numbers_listed_before_one_unit_take_it() {
    let f = figures("增速分别领先全国、全省3.6、7.3个百分点。");
    let got: Vec<_> = f.iter().map(|x| (x.text.as_str(), x.value, x.unit)).collect();
    assert_eq!(got, [("3.6", 3.6, Unit::PercentagePoint), ("7.3个百分点", 7.3, Unit::PercentagePoint)]);
    let f = figures("两区分别为12.5、13.1亿元。");
    assert_eq!(f.iter().map(|x| x.value).collect::<Vec<_>>(), [1.25e9, 1.31e9], "the last one's 亿 too");
}

#[test]
fn a_number_scaled_by_yi_after_a_noun_of_money_is_in_yuan() {
    exact("下达科技专项资金12亿。", "12亿", "1200000000", "CNY");
    exact("全省常住人口1.2亿。", "1.2亿", "120000000", "count");
}

#[test]
fn several_before_a_magnitude_or_a_multiple() {
    bounded("吸引数十家企业。", "数十家", "20", "count", Some(20.0), Some(100.0));
    bounded("服务好几百家企业。", "好几百家", "200", "count", Some(200.0), Some(1000.0));
    bounded("产能提高数倍。", "数倍", "2", "times", Some(2.0), Some(10.0));
    bounded("产值增长数十倍。", "数十倍", "20", "times", Some(20.0), Some(100.0));
}

#[test]
fn arabic_with_a_thousands_separator() {
    exact("企业2,138家。", "2,138家", "2138", "count");
}

#[test]
fn full_width_digits_and_punctuation() {
    exact("规模１２３，４５６．７亿元。", "１２３，４５６．７亿元", "12345670000000", "CNY");
}

#[test]
fn a_space_before_the_unit() {
    exact("占比30.2 %。", "30.2 %", "30.2", "%");
    exact("专利1165 件。", "1165 件", "1165", "count");
}

#[test]
fn wan_yi_and_wanyi_after_arabic() {
    exact("专利3.3万件。", "3.3万件", "33000", "count");
    exact("规模1.2万亿元。", "1.2万亿元", "1200000000000", "CNY");
    exact("技术合同成交额96.19亿元。", "96.19亿元", "9619000000", "CNY");
}

#[test]
fn mixed_segments() {
    exact("人口5万4千人。", "5万4千人", "54000", "count");
}

#[test]
fn chinese_numerals() {
    exact("共两千零五十个。", "两千零五十个", "2050", "count");
    exact("人员一万三千人。", "一万三千人", "13000", "count");
    exact("人员一万三人。", "一万三人", "13000", "count");
    exact("建成站点廿二个。", "廿二个", "22", "count");
    exact("入驻企业卅五家。", "卅五家", "35", "count");
    exact("两千零二十二年全市新增。", "两千零二十二年", "2022", "year");
}

#[test]
fn formal_numerals() {
    exact("壹佰贰拾叁项。", "壹佰贰拾叁项", "123", "count");
}

#[test]
fn n_da() {
    exact("十大科技成果。", "十大", "10", "count");
}

#[test]
fn baifenzhi_and_qianfenzhi() {
    exact("占百分之二十。", "百分之二十", "20", "%");
    exact("占千分之五。", "千分之五", "0.5", "%");
}

#[test]
fn cheng_with_duo() {
    bounded("增长七成多。", "七成多", "70", "%", Some(70.0), Some(80.0));
}

#[test]
fn multiples() {
    exact("增长3倍。", "3倍", "3", "times");
    exact("经济翻一番。", "翻一番", "2", "times");
    exact("经济翻两番。", "翻两番", "4", "times");
}

#[test]
fn ranges() {
    bounded("3至5个。", "3至5个", "3", "count", Some(3.0), Some(5.0));
    bounded("10%—15%。", "10%—15%", "10", "%", Some(10.0), Some(15.0));
    bounded("20万到30万元。", "20万到30万元", "200000", "CNY", Some(200000.0), Some(300000.0));
    bounded("3-5年。", "3-5年", "3", "years", Some(3.0), Some(5.0));
}

#[test]
fn a_band_classing_a_noun_is_one_range() {
    bounded("营业收入10亿元至100亿元的企业。", "10亿元至100亿元", "1000000000", "CNY", Some(1e9), Some(1e10));
    assert_eq!(figures("营业收入从10亿元增长到100亿元的水平。").len(), 2, "after 从 the pair is a change");
    assert_eq!(figures("实现了10亿元到100亿元的大跨越。").len(), 2, "before 的大跨越 the pair is a change");
}

#[test]
fn ranks() {
    exact("居全国第5位。", "第5位", "5", "rank");
    exact("第3名。", "第3名", "3", "rank");
    exact("排名第8。", "第8", "8", "rank");
    exact("居全国首位。", "首位", "1", "rank");
    bounded("排在前3名。", "前3名", "3", "rank", Some(1.0), Some(3.0));
}

#[test]
fn places_moved() {
    exact("前移4位。", "4位", "4", "places");
    exact("上升3位。", "3位", "3", "places");
}

#[test]
fn years_months_and_dates() {
    exact("2021年。", "2021年", "2021", "year");
    bounded("1—5月。", "1—5月", "1", "month", Some(1.0), Some(5.0));
    exact("6月28日。", "6月28日", "628", "date");
    exact("2016年3月10日。", "2016年3月10日", "20160310", "date");
}

#[test]
fn durations() {
    exact("近五年来。", "五年", "5", "years");
    exact("10年来。", "10年", "10", "years");
    exact("前五个月。", "五个月", "5", "months");
}

#[test]
fn digit_counts() {
    exact("实现两位数增长。", "两位数", "2", "digits");
}

#[test]
fn percentage_points() {
    exact("提高2.5个百分点。", "2.5个百分点", "2.5", "pp");
}

#[test]
fn yu_and_duo_after_the_number() {
    bounded("250余亿元。", "250余亿元", "25000000000", "CNY", Some(25e9), Some(26e9));
    bounded("500余亿元。", "500余亿元", "50000000000", "CNY", Some(50e9), Some(60e9));
    bounded("200余人。", "200余人", "200", "count", Some(200.0), Some(300.0));
    bounded("60多个。", "60多个", "60", "count", Some(60.0), Some(70.0));
}

#[test]
fn open_more_than() {
    bounded("超10亿元。", "超10亿元", "1000000000", "CNY", Some(1e9), None);
    bounded("超过100家。", "超过100家", "100", "count", Some(100.0), None);
    bounded("逾200人。", "逾200人", "200", "count", Some(200.0), None);
    bounded("突破200万亩。", "突破200万亩", "2000000", "mu", Some(2e6), None);
}

#[test]
fn at_least() {
    bounded("500家以上。", "500家以上", "500", "count", Some(500.0), None);
    bounded("上亿元。", "上亿元", "100000000", "CNY", Some(1e8), None);
}

#[test]
fn a_trailing_qualifier_after_a_special_form() {
    bounded("占百分之二十以上。", "百分之二十以上", "20", "%", Some(20.0), None);
}

#[test]
fn shouwei_shares_the_ranking_verb_of_a_listed_rank() {
    let f = figures("数量居全国第7位、中部首位。");
    assert_eq!(f.iter().map(|x| x.text.as_str()).collect::<Vec<_>>(), ["第7位", "首位"]);
}

#[test]
fn negated_comparisons() {
    bounded("不低于50亿元。", "不低于50亿元", "5000000000", "CNY", Some(5e9), None);
    bounded("不少于100家。", "不少于100家", "100", "count", Some(100.0), None);
    bounded("不超过3%。", "不超过3%", "3", "%", None, Some(3.0));
}

#[test]
fn a_qualified_lone_multiplier() {
    bounded("达到近百亿元。", "近百亿元", "10000000000", "CNY", Some(9e9), Some(1e10));
    assert!(figures("百姓").is_empty() && figures("千兆宽带").is_empty());
}

#[test]
fn nearly() {
    bounded("近1.9万亿元。", "近1.9万亿元", "1900000000000", "CNY", Some(1.8e12), Some(1.9e12));
    bounded("将近50个。", "将近50个", "50", "count", Some(40.0), Some(50.0));
}

#[test]
fn about() {
    bounded("约30亿元。", "约30亿元", "3000000000", "CNY", Some(2.5e9), Some(3.5e9));
    bounded("100家左右。", "100家左右", "100", "count", Some(50.0), Some(150.0));
    bounded("50人上下。", "50人上下", "50", "count", Some(45.0), Some(55.0));
    // A written trailing zero after the point is significant.
    bounded("强度2.0%左右。", "2.0%左右", "2", "%", Some(1.95), Some(2.05));
}

#[test]
fn less_than() {
    bounded("不到10个。", "不到10个", "10", "count", None, Some(10.0));
    bounded("不足5%。", "不足5%", "5", "%", None, Some(5.0));
}

#[test]
fn several() {
    bounded("数十家。", "数十家", "20", "count", Some(20.0), Some(100.0));
}

#[test]
fn projected_figures() {
    let f = figures("双季亩产量预计将突破1200公斤。");
    assert!(f[0].projected);
}

#[test]
fn a_growth_rate_is_a_change_and_a_share_is_a_share() {
    let f = figures("成交2309.19亿元,同比增长31.64%,在总成交额中占 75.62%。");
    let roles: Vec<String> = f.iter().map(|x| serde_json::to_value(x.role).unwrap().as_str().unwrap().to_string()).collect();
    assert_eq!(roles, ["level", "change", "share"]);
}

#[test]
fn names_and_codes_with_digits_are_not_figures() {
    for text in ["4G和5G网络", "NB-IoT", "COVID-19疫情", "“03专项”", "“2+6+N”产业", "赣府发〔2021〕12号", "“十三五”", "“十四五”", "973计划"]
    {
        assert!(figures(text).is_empty(), "{text}: {:?}", figures(text));
    }
}

#[test]
fn list_markers_are_not_figures() {
    for text in ["一是锚定产业。", "一、总体情况", "1、创新驱动", "(一)总体", "第一,", "1.总体"] {
        assert!(figures(text).is_empty(), "{text}: {:?}", figures(text));
    }
}

#[test]
fn numerals_inside_words_are_not_figures() {
    for text in [
        "一批成果",
        "一体化",
        "新一代",
        "进一步",
        "半导体",
        "长三角",
        "九江",
        "新余",
        "双季",
        "首条",
        "千兆以上宽带",
        "万众创新",
        "两地",
        "一核十城多链",
        "九年义务教育",
        "第二个市州",
    ] {
        assert!(figures(text).is_empty(), "{text}: {:?}", figures(text));
    }
}

/// Found by the fuzz target: a falling pair read as a range had upper < lower.
#[test]
fn regression_a_falling_pair_is_not_a_range() {
    for f in figures("两至零元") {
        assert!(f.lower.is_none_or(|l| l <= f.value) && f.upper.is_none_or(|u| f.value <= u), "{f:?}");
    }
}

/// Found by the fuzz target: 前零位 became a rank of 0 with bounds (1, 0).
#[test]
fn regression_a_rank_of_zero_is_not_a_figure() {
    assert!(figures("前零位").is_empty());
    assert!(figures("第0位").is_empty());
}

#[test]
fn a_numeral_standing_alone_is_a_bare_number() {
    exact("一百二十三", "一百二十三", "123", "number");
    exact("十一", "十一", "11", "number");
    assert!(figures("九江市").is_empty(), "a numeral inside a word is still not a figure");
}

#[test]
fn dian_is_a_chinese_decimal_point() {
    exact("一点二三", "一点二三", "1.23", "number");
    exact("占百分之三点五。", "百分之三点五", "3.5", "%");
    exact("投资三点五亿元。", "三点五亿元", "350000000", "CNY");
    assert!(figures("重点项目").is_empty() && figures("一点也不").is_empty());
}

#[test]
fn a_minus_sign_makes_a_negative_figure() {
    exact("增长-3.2%。", "-3.2%", "-3.2", "%");
    exact("负一百", "负一百", "-100", "number");
    bounded("1-5月", "1-5月", "1", "month", Some(1.0), Some(5.0));
}

/// Found by the fuzz target: in 一至五成 the range's lower end was not scaled by 成 (10%).
#[test]
fn regression_a_cheng_range_scales_both_ends() {
    bounded("一至五成", "一至五成", "10", "%", Some(10.0), Some(50.0));
    for f in figures("-一至零成") {
        assert!(f.lower.is_none_or(|l| l <= f.value) && f.upper.is_none_or(|u| f.value <= u), "{f:?}");
    }
}

/// Found by random text: in 五大约亿家 the prefix 大约 reached back into 五大 (大 is its measure
/// word), so the two figures overlapped and linking sliced across them and panicked.
#[test]
fn regression_a_prefix_qualifier_never_reaches_into_the_figure_before() {
    for text in ["五大约亿家", "五大约亿元", "共五大约亿元的项目。"] {
        let found = figures(text);
        assert_eq!(found.len(), 2, "{text}: {found:?}");
        assert!(found[0].end <= found[1].start, "{text}: overlapping {found:?}");
        assert!(found[1].text.starts_with("约亿"), "{text}: {found:?}");
    }
}
