//! The shipped `data/` folder is embedded in the binary (`include_dir!` in
//! `src/content/set.rs`): rebuild when anything under it changes.

fn main() {
    println!("cargo:rerun-if-changed=data");
}
