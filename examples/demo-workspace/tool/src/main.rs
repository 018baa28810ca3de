//! A tool that only builds with the `fancy` feature.

fn main() {
    println!("extra: {}", chef_extra::extra());
}
