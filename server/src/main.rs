//! `yingji`: one binary for every node of the national system.

use std::process::ExitCode;

use clap::Parser;

/// Each Argon2id hash takes ~19 MiB. With glibc's malloc, whose mmap threshold grows after such
/// a block is freed, every hashing thread kept its block: 230 MB resident after the demo
/// accounts alone. mimalloc hands large freed blocks back to the system.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
use server::config::{AuditCommand, Cli, Command, UserCommand};

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    server::telemetry::init();
    let config = match cli.validate() {
        Ok(config) => config,
        Err(err) => {
            eprintln!("yingji: {err}");
            return ExitCode::from(2);
        }
    };
    let result = match cli.command.clone().unwrap_or_default() {
        Command::Serve => server::startup::run(config).await,
        Command::Migrate => server::startup::migrate_only(&config).await,
        Command::Exchange(command) => server::exchange::commands::run(&config, command).await,
        Command::Hall(command) => server::hall::commands::run(&config, command).await,
        Command::CheckConfig => {
            println!("{config}");
            Ok(())
        }
        Command::User(UserCommand::CreateAdmin {
            username,
            display_name,
        }) => {
            let password = match std::env::var("YINGJI_ADMIN_PASSWORD") {
                Ok(password) => password,
                Err(_) => {
                    let mut line = String::new();
                    if std::io::stdin().read_line(&mut line).is_err() {
                        eprintln!("yingji: cannot read the password from standard input");
                        return ExitCode::FAILURE;
                    }
                    line.trim_end_matches(['\r', '\n']).to_string()
                }
            };
            server::startup::create_admin(&config, username, display_name, password).await
        }
        Command::Audit(AuditCommand::Verify) => {
            return match server::startup::verify_audit(&config).await {
                Ok(report) => {
                    println!("{}", report.message);
                    if report.intact {
                        ExitCode::SUCCESS
                    } else {
                        ExitCode::FAILURE
                    }
                }
                Err(err) => {
                    eprintln!("yingji: {}", server::startup::describe(&err));
                    ExitCode::FAILURE
                }
            };
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            tracing::error!("{}", server::startup::describe(&err));
            eprintln!("yingji: {}", server::startup::describe(&err));
            ExitCode::FAILURE
        }
    }
}
