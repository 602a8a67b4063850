//! Bodywork Atlas: see `cli.rs` for the command line.

fn main() -> std::process::ExitCode {
    bodywork_atlas::cli::run_cli(std::env::args_os())
}
