//! Writes the two charts of a template as SVG files, to look at them:
//! `cargo run --example chart_svgs -- <out-dir> [template-key]`.

use trailmap::charts::curve::{curve_svg, CurveOptions};
use trailmap::charts::matrix::{matrix_svg, MatrixOptions};

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().unwrap_or_else(|| "target".into());
    let key = args.next().unwrap_or_else(|| "six-stage-b2b".into());
    let Some(map) = trailmap::model::templates::build(&key) else {
        eprintln!("no template “{key}”");
        std::process::exit(2);
    };
    let write = |name: &str, svg: Result<String, trailmap::charts::ChartError>| match svg {
        Ok(svg) => {
            let path = format!("{dir}/{name}");
            std::fs::write(&path, svg).unwrap_or_else(|e| eprintln!("{path}: {e}"));
            println!("wrote {path}");
        }
        Err(e) => eprintln!("{name}: {e}"),
    };
    write(
        "curve.svg",
        curve_svg(&map, &CurveOptions::default(), 1300, 460),
    );
    write(
        "curve-stakeholders.svg",
        curve_svg(
            &map,
            &CurveOptions {
                by_stakeholder: true,
                ..CurveOptions::default()
            },
            1300,
            460,
        ),
    );
    write(
        "matrix.svg",
        matrix_svg(&map, &MatrixOptions::default(), 640, 700),
    );
}
