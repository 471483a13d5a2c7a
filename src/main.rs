//! The `chronoline` binary: parses arguments, reads the clock (only here, for `--dct today`), runs the
//! command and maps the result to an exit code: 0 ok, 1 check failed, 2 error.

use chronoline::cli::{self, Cli, Outcome};
use clap::Parser;
use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let today = chrono::Local::now().date_naive();
    let mut stdout = std::io::stdout().lock();
    let mut stderr = std::io::stderr();
    match cli::run(cli, today, &mut stdout, &mut stderr) {
        Ok(Outcome::Ok) => ExitCode::SUCCESS,
        Ok(Outcome::Failed) => ExitCode::from(1),
        Ok(Outcome::Errors) => ExitCode::from(2),
        Err(e) if cli::output::is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            // Not `eprintln!`, which panics when stderr is a closed pipe.
            let _ = writeln!(std::io::stderr(), "chronoline: {e}");
            ExitCode::from(2)
        }
    }
}
