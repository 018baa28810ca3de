//! The demo program: its output shows that the real code, the registry crates, a procedural
//! macro and two build scripts all ran.

use chef_derive_hello::Hello;

/// A type whose `hello` the procedural macro writes.
#[derive(Hello)]
struct Demo;

fn main() {
    println!("{}", greeter::welcome("jchef"));
    println!("{}", Demo::hello());
    println!("{}", chef_build_info::build_info());
    println!("{}", env!("APP_BUILT_BY"));
}
