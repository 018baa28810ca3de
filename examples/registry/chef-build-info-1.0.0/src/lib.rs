//! Reports a value its build script computed.

pub fn build_info() -> &'static str {
    env!("CHEF_BUILD_INFO")
}
