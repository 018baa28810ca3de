//! `#[derive(Hello)]` gives a type `fn hello() -> &'static str` naming it.

use proc_macro::{TokenStream, TokenTree};

#[proc_macro_derive(Hello)]
pub fn derive_hello(input: TokenStream) -> TokenStream {
    let mut tokens = input.into_iter();
    let mut name = None;
    while let Some(token) = tokens.next() {
        if let TokenTree::Ident(ident) = &token {
            let word = ident.to_string();
            if word == "struct" || word == "enum" {
                if let Some(TokenTree::Ident(type_name)) = tokens.next() {
                    name = Some(type_name.to_string());
                }
                break;
            }
        }
    }
    let name = name.expect("#[derive(Hello)] needs a struct or an enum");
    format!(
        "impl {name} {{ pub fn hello() -> &'static str {{ \"hello from derived {name}\" }} }}"
    )
    .parse()
    .expect("generated code parses")
}
