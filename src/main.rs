//! Bodywork Atlas: see `cli.rs` for the command line.

/// mimalloc keeps freed memory for reuse: egui's per-frame vertex buffers then cost no page
/// faults (measured: a third of a frame's CPU time with the system allocator).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    bodywork_atlas::cli::run_cli(std::env::args_os())
}
