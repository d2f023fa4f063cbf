//! `wlm-emulator`: serves the Workloadmgr API emulator (and, with `--static`, the console).

use std::net::SocketAddr;
use wlm_emulator::{router, spawn_lifecycle, AppState, Config};

const USAGE: &str =
    "usage: wlm-emulator [--port N] [--host ADDR] [--db PATH] [--static DIR] [--no-seed]
       [--member-token T] [--admin-token T] [--snapshot-seconds S] [--create-delay-ms MS]
       [--api-version 5.0|5.2] [--tick-ms MS] [--extra-snapshots N]
       [--keystone URL] [--demo-project ID] [--other-project ID]
       [--fault JSON]... [--random-faults RATE:SEED] [--stalled-demo]
  --fault takes what POST /_emulator/fail_next takes, e.g.
    '{\"status\": 503, \"path_contains\": \"/snapshots\", \"times\": 2, \"retry_after\": \"1\"}'";

fn parse() -> Result<(Config, SocketAddr), String> {
    let mut config = Config::default();
    let mut host = "127.0.0.1".to_owned();
    let mut port: u16 = 8780;
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{flag} needs a value\n{USAGE}"));
        match flag.as_str() {
            "--port" => port = value()?.parse().map_err(|e| format!("--port: {e}"))?,
            "--host" => host = value()?,
            "--db" => config.db = Some(value()?.into()),
            "--static" => config.static_dir = Some(value()?.into()),
            "--no-seed" => config.seed = false,
            "--member-token" => config.member_token = value()?,
            "--admin-token" => config.admin_token = value()?,
            "--snapshot-seconds" => {
                config.snapshot_seconds =
                    value()?.parse().map_err(|e| format!("--snapshot-seconds: {e}"))?
            }
            "--create-delay-ms" => {
                config.create_target_delay_ms =
                    value()?.parse().map_err(|e| format!("--create-delay-ms: {e}"))?
            }
            "--api-version" => config.api_version = value()?,
            "--tick-ms" => {
                config.tick_ms = value()?.parse().map_err(|e| format!("--tick-ms: {e}"))?
            }
            "--extra-snapshots" => {
                config.extra_snapshots =
                    value()?.parse().map_err(|e| format!("--extra-snapshots: {e}"))?
            }
            "--keystone" => config.keystone = Some(value()?),
            "--fault" => config
                .faults
                .push(serde_json::from_str(&value()?).map_err(|e| format!("--fault: {e}"))?),
            "--random-faults" => {
                config.random_faults = Some(wlm_emulator::inject::parse_random(&value()?)?)
            }
            "--demo-project" => config.demo_project = value()?,
            "--other-project" => config.other_project = value()?,
            "--stalled-demo" => config.stalled_demo = true,
            "-h" | "--help" => return Err(USAGE.to_owned()),
            other => return Err(format!("unknown argument {other}\n{USAGE}")),
        }
    }
    let addr: SocketAddr = format!("{host}:{port}").parse().map_err(|e| format!("address: {e}"))?;
    Ok((config, addr))
}

#[tokio::main]
async fn main() {
    let (config, addr) = match parse() {
        Ok(v) => v,
        Err(msg) => {
            eprintln!("{msg}");
            std::process::exit(2);
        }
    };
    let state = match AppState::new(config.clone()) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("wlm-emulator: cannot open the database: {e}");
            std::process::exit(1);
        }
    };
    spawn_lifecycle(state.clone());
    let listener = match tokio::net::TcpListener::bind(addr).await {
        Ok(l) => l,
        Err(e) => {
            eprintln!("wlm-emulator: cannot listen on {addr}: {e}");
            std::process::exit(1);
        }
    };
    // With --port 0 the system picks the port; tests read it from this line.
    let addr = listener.local_addr().unwrap_or(addr);
    println!("wlm-emulator listening on http://{addr}/");
    println!("  API endpoint: http://{addr}/v1/{{project_id}}");
    println!("  demo project ID: {}", config.demo_project);
    match &config.keystone {
        Some(url) => println!("  tokens are checked by Keystone at {url}"),
        None => {
            println!("  admin token:  {}", config.admin_token);
            println!("  member token: {}", config.member_token);
        }
    }
    if let Some(dir) = &config.static_dir {
        println!("  console: http://{addr}/ (serving {})", dir.display());
    }
    let app = router(state);
    let shutdown = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    if let Err(e) = axum::serve(listener, app).with_graceful_shutdown(shutdown).await {
        eprintln!("wlm-emulator: server error: {e}");
        std::process::exit(1);
    }
}
