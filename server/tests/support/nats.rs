//! Real nats-servers (Debian's package; the test command installs it) on 127.0.0.1, with
//! JetStream in a domain named after the server and optional leaf-node links.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

pub struct NatsServer {
    child: Option<Child>,
    pub name: String,
    pub port: u16,
    pub leaf_port: u16,
    conf: PathBuf,
}

impl Drop for NatsServer {
    fn drop(&mut self) {
        self.kill();
    }
}

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// Whether nats-server can run here; panics if it cannot but YINGJI_REQUIRE_NATS is set.
pub fn available() -> bool {
    let found = Command::new("nats-server")
        .arg("--version")
        .stdout(Stdio::null())
        .status()
        .is_ok();
    if !found && std::env::var_os("YINGJI_REQUIRE_NATS").is_some() {
        panic!("YINGJI_REQUIRE_NATS is set but nats-server is not installed");
    }
    if !found {
        eprintln!("note: nats-server not installed, NATS tests skipped");
    }
    found
}

impl NatsServer {
    /// Starts a server named `name` (also its JetStream domain) storing under `dir`, linked as
    /// a leaf to the server listening for leaves on `parent_leaf`.
    pub async fn start(name: &str, dir: &Path, parent_leaf: Option<u16>) -> NatsServer {
        let (port, leaf_port) = (free_port(), free_port());
        let store = dir.join(format!("js-{name}"));
        let remotes = parent_leaf.map_or(String::new(), |p| {
            format!("remotes: [ {{ url: \"nats-leaf://127.0.0.1:{p}\" }} ]")
        });
        let conf = dir.join(format!("{name}.conf"));
        std::fs::create_dir_all(dir).expect("nats dir");
        std::fs::write(
            &conf,
            format!(
                "listen: 127.0.0.1:{port}\nserver_name: {name}\n\
                 jetstream {{ store_dir: \"{}\", domain: {name} }}\n\
                 leafnodes {{ listen: 127.0.0.1:{leaf_port}\n {remotes} }}\n",
                store.display()
            ),
        )
        .expect("nats config");
        let mut server = NatsServer {
            child: None,
            name: name.to_string(),
            port,
            leaf_port,
            conf,
        };
        server.restart().await;
        server
    }

    pub fn url(&self) -> String {
        format!("nats://127.0.0.1:{}", self.port)
    }

    pub fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// (Re)starts the server with the same ports and store, and waits until it listens.
    pub async fn restart(&mut self) {
        self.kill();
        let child = Command::new("nats-server")
            .arg("-c")
            .arg(&self.conf)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("nats-server starts");
        self.child = Some(child);
        for _ in 0..200 {
            if tokio::net::TcpStream::connect(("127.0.0.1", self.port))
                .await
                .is_ok()
            {
                return;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("nats-server {} did not listen on {}", self.name, self.port);
    }
}
