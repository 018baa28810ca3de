//! Tells the program who built it.

fn main() {
    println!("cargo:rustc-env=APP_BUILT_BY=app's own build script");
    println!("cargo:rerun-if-changed=build.rs");
}
