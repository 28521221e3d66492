//! `figures-extract-bench DIR [--in-memory [ROUNDS] | --digest]`: extraction throughput over `DIR/raw/*.txt` exactly as
//! `figures bench --extract-only` measures it ("extract MB/s, all threads": rayon over the files,
//! each read and extracted, the figures counted) with the CLI's allocator (mimalloc), but built
//! without Polars, so that it builds in a minute. `python/bench/throughput.py` runs it next to
//! `figures.extract_arrow` on the same files.

use std::time::Instant;

use figures_extract::catalog::Catalog;
use figures_extract::extract::extract;
use rayon::prelude::*;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let dir = std::env::args().nth(1).expect("usage: figures-extract-bench DIR (with DIR/raw/*.txt)");
    let mut paths: Vec<_> = std::fs::read_dir(std::path::Path::new(&dir).join("raw"))
        .expect("DIR/raw")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let catalog = Catalog::default();
    if std::env::args().nth(2).as_deref() == Some("--digest") {
        let mut hasher = std::hash::DefaultHasher::new();
        for p in &paths {
            let text = std::fs::read_to_string(p).unwrap_or_default();
            std::hash::Hash::hash(&extract("b", &text, &catalog).to_json("b", &text).to_string(), &mut hasher);
        }
        println!("{} documents, digest {:016x}", paths.len(), std::hash::Hasher::finish(&hasher));
        return;
    }
    let read = |p: &std::path::PathBuf| std::fs::read_to_string(p).unwrap_or_default();
    let in_memory: Option<Vec<String>> =
        (std::env::args().nth(2).as_deref() == Some("--in-memory")).then(|| paths.iter().map(read).collect());
    // Later rounds run on memory the allocator already holds, as a long-lived process does.
    let rounds: usize = std::env::args().nth(3).and_then(|r| r.parse().ok()).unwrap_or(1);
    let count = |text: &str| (text.len(), extract("b", text, &catalog).figures.len());
    for _ in 0..rounds {
        let t = Instant::now();
        let (bytes, figures) = match &in_memory {
            Some(texts) => texts.par_iter().map(|text| count(text)).reduce(|| (0, 0), |a, b| (a.0 + b.0, a.1 + b.1)),
            None => paths.par_iter().map(|p| count(&read(p))).reduce(|| (0, 0), |a, b| (a.0 + b.0, a.1 + b.1)),
        };
        let secs = t.elapsed().as_secs_f64();
        println!("{} documents, {bytes} bytes, {figures} figures, {secs:.3} s, {:.1} MB/s", paths.len(), bytes as f64 / 1e6 / secs);
    }
}
