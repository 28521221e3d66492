//! Corpus: generates synthetic report texts of the genre for benchmarks — sentences shaped like
//! the seed's and the corpus's (before→after changes, levels with growth rates, shares, ranks,
//! qualified amounts, Chinese numerals, codes that are not figures, plain prose) with varied
//! numbers, subjects and regions.
//!
//! Two densities: [`Density::Dense`], every sentence but a ninth carrying figures (one figure per
//! ~36 bytes, five times the seed), and [`Density::SeedLike`], with the seed's share of prose
//! (one figure per ~170 bytes).
//!
//! Pure and deterministic: the same seed gives the same bytes, so benchmark runs compare.

/// A small xorshift generator: deterministic across platforms, no dependency.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    /// A number in `lo..hi`.
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next_u64() % (hi - lo).max(1)
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next_u64() % items.len() as u64) as usize]
    }
}

const REGIONS: [&str; 8] = ["江西", "湖南", "四川", "陕西", "江苏", "福建", "安徽", "湖北"];
const AMOUNTS: [&str; 6] = ["全社会研发投入", "技术合同成交额", "高新技术产业营业收入", "财政科技支出", "技术服务合同成交额", "出口总额"];
const COUNTS: [&str; 6] = ["高新技术企业", "科技型中小企业", "专利授权量", "省级实验室", "新型研发机构", "技术合同登记数"];
const MEASURES: [&str; 5] = ["家", "件", "个", "项", "人"];
const SHARES: [&str; 3] = ["研发投入强度", "高新技术产业增加值占比", "科技进步贡献率"];
const PROSE: [&str; 8] = [
    "坚持把创新作为引领发展的第一动力,深入实施创新驱动发展战略,加快构建自主可控的现代产业技术创新体系。",
    "通过国家“03专项”成果转化试点示范,实现全省NB-IoT网络全覆盖,基本实现5G网络“乡乡通”。",
    "围绕“2+6+N”重点产业,推进一批重大创新平台建设,进一步优化科创城空间和产业布局。",
    "积极融入长三角一体化、中部地区崛起等国家重大区域战略,省际科技合作领域不断拓宽。",
    "深化科技体制改革,赋予科研人员更大的人财物支配权和技术路线决策权,营造良好创新生态。",
    "聚焦产业链部署创新链,围绕创新链布局产业链,推动科技成果在省内转移转化和产业化。",
    "强化企业创新主体地位,引导各类创新要素向企业集聚,促进产学研用深度融合。",
    "加强基础研究和应用基础研究,提升原始创新能力,为高质量发展提供有力科技支撑。",
];

/// How much of the text carries figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Density {
    /// Nearly every sentence carries figures: one per ~36 bytes.
    Dense,
    /// The seed's mix of figures and prose: one per ~170 bytes.
    SeedLike,
}

impl Density {
    /// Percent of sentences that are plain prose.
    fn prose_percent(self) -> u64 {
        match self {
            Density::Dense => 0,
            Density::SeedLike => 70,
        }
    }
}

fn decimal(rng: &mut Rng, max: u64) -> String {
    format!("{}.{:02}", rng.range(1, max), rng.range(0, 100))
}

/// One sentence of the genre.
pub fn sentence(rng: &mut Rng) -> String {
    let region = rng.pick(&REGIONS);
    match rng.next_u64() % 9 {
        0 => {
            let a = rng.range(100, 900);
            format!("{region}{}从{a}亿元增长到{}亿元;", rng.pick(&AMOUNTS), a + rng.range(1, 900))
        }
        1 => {
            let m = rng.pick(&MEASURES);
            let a = rng.range(100, 9000);
            format!("{}从{a}{m}增长到{}{m};", rng.pick(&COUNTS), a + rng.range(1, 9000))
        }
        2 => format!("{}年全省{}为{}亿元,比上年增长{}%。", rng.range(2010, 2025), rng.pick(&AMOUNTS), decimal(rng, 5000), decimal(rng, 80)),
        3 => format!("{}从{}%上升至{}%,创历史新高。", rng.pick(&SHARES), decimal(rng, 10), decimal(rng, 20)),
        4 => format!("{region}综合科技创新水平指数从全国第{}位前移至第{}位。", rng.range(12, 30), rng.range(1, 12)),
        5 => {
            format!("全省拥有{}{}余{},榜单金额超{}亿元。", rng.pick(&COUNTS), rng.range(2, 9) * 100, rng.pick(&MEASURES), rng.range(2, 90))
        }
        6 => format!("营业收入近{}万亿元,在总成交额中占{}%。", decimal(rng, 9), decimal(rng, 90)),
        7 => format!("打造{}大科创城,实施{}个重大专项。", rng.pick(&["三", "四", "六", "十"]), rng.range(10, 99)),
        _ => rng.pick(&PROSE).to_string(),
    }
}

/// One document of about `target` bytes: a title line, then paragraphs of sentences.
pub fn document(rng: &mut Rng, target: usize, density: Density) -> String {
    let mut text = format!("{}科技创新工作综述\n\n", rng.pick(&REGIONS));
    while text.len() < target {
        for _ in 0..6 {
            if rng.range(0, 100) < density.prose_percent() {
                text.push_str(rng.pick(&PROSE));
            } else {
                text.push_str(&sentence(rng));
            }
        }
        text.push_str("\n\n");
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_text() {
        assert_eq!(document(&mut Rng::new(7), 4000, Density::Dense), document(&mut Rng::new(7), 4000, Density::Dense));
        assert_ne!(document(&mut Rng::new(7), 4000, Density::Dense), document(&mut Rng::new(8), 4000, Density::Dense));
    }

    #[test]
    fn generated_text_carries_figures_and_changes() {
        let text = document(&mut Rng::new(1), 20_000, Density::Dense);
        let x = crate::extract::extract("g", &text, &crate::catalog::Catalog::default());
        assert!(x.figures.len() > 100, "{}", x.figures.len());
        assert!(x.changes.len() > 20, "{}", x.changes.len());
    }

    fn bytes_per_figure(density: Density) -> usize {
        let text = document(&mut Rng::new(3), 200_000, density);
        text.len() / crate::extract::extract("g", &text, &crate::catalog::Catalog::default()).figures.len()
    }

    #[test]
    fn each_density_carries_figures_as_often_as_it_says() {
        // The seed: 8,578 bytes, 50 figures, one per 172 bytes.
        assert!((140..=210).contains(&bytes_per_figure(Density::SeedLike)), "{}", bytes_per_figure(Density::SeedLike));
        assert!((25..=50).contains(&bytes_per_figure(Density::Dense)), "{}", bytes_per_figure(Density::Dense));
    }
}
