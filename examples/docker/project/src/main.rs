//! Prints a greeting as JSON.

use serde::Serialize;

#[derive(Serialize)]
struct Greeting {
    message: &'static str,
    built_with: &'static str,
}

fn main() {
    let greeting = Greeting {
        message: "hello from a jchef-cooked image",
        built_with: "jchef",
    };
    println!("{}", serde_json::to_string(&greeting).expect("a greeting serializes"));
}
