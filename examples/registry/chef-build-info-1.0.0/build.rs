fn main() {
    println!("cargo:rustc-env=CHEF_BUILD_INFO=built by chef-build-info's build script");
    println!("cargo:rerun-if-changed=build.rs");
}
