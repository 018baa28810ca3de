//! Prints the greeting.

fn main() {
    println!("{}", render::render(&model::greeting()));
}
