//! Settings from flags and environment, checked once at start-up.

use std::fmt;
use std::net::SocketAddr;
use std::path::PathBuf;

use app::site::{NodeIdentity, NodeTier, TileLayer, check_node_id, check_region};
use clap::{Parser, Subcommand};

/// Default database: an SQLite file under `data/`, created on first start.
pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/yingji.db?mode=rwc";

#[derive(Debug, Parser)]
#[command(
    name = "yingji",
    version,
    about = "Yingji (应急): work-safety emergency command platform"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Address to listen on.
    #[arg(
        long,
        env = "YINGJI_LISTEN",
        default_value = "127.0.0.1:3000",
        global = true
    )]
    pub listen: String,

    /// sqlite://… (default, embedded) or postgres://…
    #[arg(long, env = "DATABASE_URL", default_value = DEFAULT_DATABASE_URL, global = true)]
    pub database_url: String,

    /// Directory with the built site (wasm, CSS, Leaflet, map data).
    #[arg(
        long,
        env = "YINGJI_SITE_ROOT",
        default_value = "target/site",
        global = true
    )]
    pub site_root: PathBuf,

    /// Directory for uploaded files (incident attachments), kept beside the database.
    #[arg(
        long,
        env = "YINGJI_FILES_DIR",
        default_value = "data/files",
        global = true
    )]
    pub files_dir: PathBuf,

    /// NATS server through which this node's server processes share live events, e.g.
    /// nats://127.0.0.1:4222 (one process needs none).
    #[arg(long, env = "YINGJI_NATS_URL", global = true)]
    pub nats_url: Option<String>,

    /// This node's Ed25519 key for the tier exchange (`yingji exchange keygen` writes it).
    #[arg(
        long,
        env = "YINGJI_NODE_KEY",
        default_value = "data/node.key",
        global = true
    )]
    pub node_key: PathBuf,

    /// Load the demo data set (演示数据) and, unless given, use the demo node identity.
    #[arg(long, env = "YINGJI_DEMO", default_value = "false", global = true)]
    pub demo: String,

    /// This node's id: lowercase letters, digits, hyphens.
    #[arg(long, env = "YINGJI_NODE_ID", global = true)]
    pub node_id: Option<String>,

    /// This node's name, e.g. 山西省安全生产应急救援指挥中心.
    #[arg(long, env = "YINGJI_NODE_NAME", global = true)]
    pub node_name: Option<String>,

    /// national | provincial | city | county | enterprise | base
    #[arg(long, env = "YINGJI_NODE_TIER", global = true)]
    pub node_tier: Option<String>,

    /// GB/T 2260 code of the node's region (100000 for the national centre).
    #[arg(long, env = "YINGJI_NODE_REGION", global = true)]
    pub node_region: Option<String>,

    /// Optional XYZ tile URL (WGS-84 tiles only), e.g. http://tiles.local/{z}/{x}/{y}.png
    #[arg(long, env = "YINGJI_TILE_URL", global = true)]
    pub tile_url: Option<String>,

    /// Attribution shown with the tile layer.
    #[arg(
        long,
        env = "YINGJI_TILE_ATTRIBUTION",
        default_value = "",
        global = true
    )]
    pub tile_attribution: String,

    /// The address citizens reach this node's public portal at (e.g. https://yj.example.cn),
    /// written into CAP `web` and the Atom feed's links; relative links when empty.
    #[arg(long, env = "YINGJI_PUBLIC_URL", default_value = "", global = true)]
    pub public_url: String,

    /// The one UDP socket every consultation peer's media uses (ICE-lite); port 0 takes a free
    /// port. Open this port in the firewall for browsers on other machines.
    #[arg(
        long,
        env = "YINGJI_MEDIA_UDP",
        default_value = "127.0.0.1:0",
        global = true
    )]
    pub media_udp: String,

    /// The address browsers reach that socket at (its ICE host candidate); defaults to the
    /// socket's own address, and is required when that is 0.0.0.0.
    #[arg(long, env = "YINGJI_MEDIA_IP", global = true)]
    pub media_ip: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Subcommand)]
pub enum Command {
    /// Run migrations and serve the platform (the default).
    #[default]
    Serve,
    /// Run the database migrations and exit.
    Migrate,
    /// Check the settings, print them (without secrets) and exit.
    CheckConfig,
    /// Work with the audit log.
    #[command(subcommand)]
    Audit(AuditCommand),
    /// Manage accounts from the command line.
    #[command(subcommand)]
    User(UserCommand),
    /// The tier exchange: this node's key and the nodes it trusts.
    #[command(subcommand)]
    Exchange(ExchangeCommand),
    /// The command hall: its devices and its wall.
    #[command(subcommand)]
    Hall(HallCommand),
}

#[derive(Clone, Debug, PartialEq, Eq, Subcommand)]
pub enum HallCommand {
    /// Register (or change) a hall device; the server starts its driver at the next start.
    Device {
        /// `[a-z0-9-]`, e.g. `proj-left`.
        #[arg(long)]
        id: String,
        #[arg(long)]
        name: String,
        /// pjlink | visca | kramer | extron
        #[arg(long)]
        protocol: String,
        /// host:port, or `simulator` for a simulated device.
        #[arg(long)]
        address: String,
        /// PJLink password.
        #[arg(long)]
        password: Option<String>,
        /// Matrix outputs to poll.
        #[arg(long, default_value_t = 0)]
        outputs: u16,
    },
    /// Set the wall: its grid, the matrix feeding it, and the sources wired to the matrix.
    Setup {
        #[arg(long)]
        rows: u8,
        #[arg(long)]
        cols: u8,
        /// The id of the matrix device feeding the wall's tiles (outputs 1, 2, … row by row).
        #[arg(long)]
        matrix: String,
        /// `id=name=input`, once per source, e.g. `map=态势地图=1`.
        #[arg(long = "source")]
        sources: Vec<String>,
    },
}

#[derive(Clone, Debug, PartialEq, Eq, Subcommand)]
pub enum ExchangeCommand {
    /// Create this node's key (YINGJI_NODE_KEY) and print the command that registers this
    /// node at another one.
    Keygen,
    /// Print this node's public key and registration command.
    ShowKey,
    /// Register (or re-key) a node whose messages this node accepts.
    Register {
        #[arg(long)]
        node_id: String,
        #[arg(long)]
        name: String,
        /// national | provincial | city | county | enterprise | base
        #[arg(long)]
        tier: String,
        /// GB/T 2260 code of its region.
        #[arg(long)]
        region: String,
        /// Its public key (64 hex digits), as `yingji exchange show-key` prints it there.
        #[arg(long)]
        key: String,
        /// parent | child | other (a node further away whose messages are relayed to us)
        #[arg(long)]
        relation: String,
    },
}

#[derive(Clone, Debug, PartialEq, Eq, Subcommand)]
pub enum UserCommand {
    /// Create an administrator of this node (needed once before the first start without demo
    /// data). The password comes from YINGJI_ADMIN_PASSWORD or the first line of standard input.
    CreateAdmin {
        #[arg(long)]
        username: String,
        #[arg(long)]
        display_name: String,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Subcommand)]
pub enum AuditCommand {
    /// Verify the hash chain; exit 1 naming the first broken record.
    Verify,
}

/// The checked settings of this process.
#[derive(Clone, Debug)]
pub struct Config {
    pub listen: SocketAddr,
    pub database_url: String,
    pub site_root: PathBuf,
    pub files_dir: PathBuf,
    pub nats_url: Option<String>,
    pub node_key: PathBuf,
    pub demo: bool,
    pub node: NodeIdentity,
    pub tiles: Option<TileLayer>,
    pub public_url: String,
    pub media: crate::video::MediaConfig,
}

/// A setting that is missing or invalid, named by its environment variable and flag.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
#[error("invalid setting {key} ({flag}): {reason}")]
pub struct SettingError {
    pub key: &'static str,
    pub flag: &'static str,
    pub reason: String,
}

fn invalid(key: &'static str, flag: &'static str, reason: impl Into<String>) -> SettingError {
    SettingError {
        key,
        flag,
        reason: reason.into(),
    }
}

/// The identity a demo node takes when none is configured.
const DEMO_NODE: (&str, &str, NodeTier, &str) = (
    "demo-national",
    "国家安全生产应急救援指挥中心（演示）",
    NodeTier::National,
    "100000",
);

impl Cli {
    pub fn validate(&self) -> Result<Config, SettingError> {
        let listen = self.listen.parse().map_err(|e| {
            invalid(
                "YINGJI_LISTEN",
                "--listen",
                format!("`{}`: {e}", self.listen),
            )
        })?;
        let demo = parse_bool(&self.demo).ok_or_else(|| {
            invalid(
                "YINGJI_DEMO",
                "--demo",
                format!("`{}` is not true or false", self.demo),
            )
        })?;
        if self.database_url.trim().is_empty() {
            return Err(invalid("DATABASE_URL", "--database-url", "is empty"));
        }
        Ok(Config {
            listen,
            database_url: self.database_url.clone(),
            site_root: self.site_root.clone(),
            files_dir: self.files_dir.clone(),
            nats_url: self.nats_url.clone().filter(|u| !u.trim().is_empty()),
            node_key: self.node_key.clone(),
            demo,
            node: self.node(demo)?,
            tiles: self.tiles()?,
            public_url: self.public_url()?,
            media: self.media()?,
        })
    }

    fn media(&self) -> Result<crate::video::MediaConfig, SettingError> {
        let (key, flag) = ("YINGJI_MEDIA_UDP", "--media-udp");
        let bind: SocketAddr = self
            .media_udp
            .trim()
            .parse()
            .map_err(|e| invalid(key, flag, format!("`{}`: {e}", self.media_udp)))?;
        let announced = match self.media_ip.as_deref().map(str::trim) {
            Some(ip) if !ip.is_empty() => ip
                .parse()
                .map_err(|e| invalid("YINGJI_MEDIA_IP", "--media-ip", format!("`{ip}`: {e}")))?,
            _ if bind.ip().is_unspecified() => {
                return Err(invalid(
                    "YINGJI_MEDIA_IP",
                    "--media-ip",
                    "is required when the media socket listens on every address",
                ));
            }
            _ => bind.ip(),
        };
        Ok(crate::video::MediaConfig { bind, announced })
    }

    fn public_url(&self) -> Result<String, SettingError> {
        let url = self.public_url.trim().trim_end_matches('/');
        let ok = url.is_empty()
            || ((url.starts_with("http://") || url.starts_with("https://"))
                && !url.contains(char::is_whitespace));
        if ok {
            Ok(url.to_string())
        } else {
            Err(invalid(
                "YINGJI_PUBLIC_URL",
                "--public-url",
                format!("`{url}` must be an http(s) URL"),
            ))
        }
    }

    fn node(&self, demo: bool) -> Result<NodeIdentity, SettingError> {
        let (demo_id, demo_name, demo_tier, demo_region) = DEMO_NODE;
        let required = |value: &Option<String>, fallback: &str, key, flag| match value {
            Some(v) => Ok(v.trim().to_string()),
            None if demo => Ok(fallback.to_string()),
            None => Err(invalid(
                key,
                flag,
                "is required (or run with YINGJI_DEMO=true)",
            )),
        };
        let id = required(&self.node_id, demo_id, "YINGJI_NODE_ID", "--node-id")?;
        check_node_id(&id).map_err(|e| invalid("YINGJI_NODE_ID", "--node-id", e))?;
        let name = required(
            &self.node_name,
            demo_name,
            "YINGJI_NODE_NAME",
            "--node-name",
        )?;
        if name.is_empty() || name.chars().count() > 100 {
            return Err(invalid(
                "YINGJI_NODE_NAME",
                "--node-name",
                "must be 1–100 characters",
            ));
        }
        let tier: NodeTier = required(
            &self.node_tier,
            demo_tier.as_str(),
            "YINGJI_NODE_TIER",
            "--node-tier",
        )?
        .parse()
        .map_err(|e: String| invalid("YINGJI_NODE_TIER", "--node-tier", e))?;
        let region_code = required(
            &self.node_region,
            demo_region,
            "YINGJI_NODE_REGION",
            "--node-region",
        )?;
        check_region(tier, &region_code)
            .map_err(|e| invalid("YINGJI_NODE_REGION", "--node-region", e.to_string()))?;
        Ok(NodeIdentity {
            id,
            name,
            tier,
            region_code,
        })
    }

    fn tiles(&self) -> Result<Option<TileLayer>, SettingError> {
        let Some(url) = self
            .tile_url
            .as_deref()
            .map(str::trim)
            .filter(|u| !u.is_empty())
        else {
            return Ok(None);
        };
        let scheme_ok =
            url.starts_with("http://") || url.starts_with("https://") || url.starts_with('/');
        let placeholders_ok = ["{z}", "{x}", "{y}"].iter().all(|p| url.contains(p));
        if !scheme_ok || !placeholders_ok {
            return Err(invalid(
                "YINGJI_TILE_URL",
                "--tile-url",
                format!("`{url}` must be an http(s) or site path URL with {{z}}, {{x}} and {{y}}"),
            ));
        }
        Ok(Some(TileLayer {
            url: url.to_string(),
            attribution: self.tile_attribution.clone(),
        }))
    }
}

fn parse_bool(s: &str) -> Option<bool> {
    match s.trim().to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "on" => Some(true),
        "0" | "false" | "no" | "off" | "" => Some(false),
        _ => None,
    }
}

impl fmt::Display for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = &self.node;
        writeln!(f, "listen        {}", self.listen)?;
        writeln!(f, "database      {}", app::db::redact(&self.database_url))?;
        writeln!(f, "site root     {}", self.site_root.display())?;
        writeln!(f, "files         {}", self.files_dir.display())?;
        writeln!(
            f,
            "live bus      {}",
            self.nats_url.as_deref().unwrap_or("this process only")
        )?;
        writeln!(
            f,
            "node          {} · {} · {} · {}",
            n.id, n.name, n.tier, n.region_code
        )?;
        writeln!(
            f,
            "demo data     {}",
            if self.demo {
                "on (演示数据)"
            } else {
                "off"
            }
        )?;
        writeln!(
            f,
            "tile layer    {}",
            self.tiles.as_ref().map_or("none", |t| t.url.as_str())
        )?;
        writeln!(
            f,
            "media (UDP)   {} announced as {}",
            self.media.bind, self.media.announced
        )?;
        write!(
            f,
            "public portal {}{}",
            self.public_url,
            app::alerts::PORTAL_PATH
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cli(args: &[&str]) -> Cli {
        let mut argv = vec!["yingji"];
        argv.extend_from_slice(args);
        Cli::try_parse_from(argv).unwrap_or_else(|e| panic!("{e}"))
    }

    const NODE: [&str; 8] = [
        "--node-id",
        "sx",
        "--node-name",
        "山西省安全生产应急救援指挥中心",
        "--node-tier",
        "provincial",
        "--node-region",
        "140000",
    ];

    #[test]
    fn a_configured_node_validates() {
        let config = cli(&NODE).validate().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(config.node.tier, NodeTier::Provincial);
        assert!(!config.demo);
        assert_eq!(config.listen.port(), 3000);
        assert_eq!(config.media.announced.to_string(), "127.0.0.1");
        let lan = cli(&[
            &NODE[..],
            &["--media-udp", "0.0.0.0:3479", "--media-ip", "10.1.2.3"],
        ]
        .concat())
        .validate()
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(lan.media.announced.to_string(), "10.1.2.3");
        assert_eq!(lan.media.bind.port(), 3479);
    }

    #[test]
    fn demo_mode_supplies_the_demo_identity() {
        let config = cli(&["--demo", "true"])
            .validate()
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(config.node.id, "demo-national");
        assert!(config.demo);
    }

    #[test]
    fn without_demo_the_identity_is_required_and_named() {
        let err = cli(&[]).validate().unwrap_err();
        assert_eq!(err.key, "YINGJI_NODE_ID");
    }

    #[test]
    fn each_invalid_setting_is_named_by_its_key() {
        let cases: [(&[&str], &str); 9] = [
            (&["--listen", "nowhere"], "YINGJI_LISTEN"),
            (&["--demo", "maybe"], "YINGJI_DEMO"),
            (&["--node-tier", "province"], "YINGJI_NODE_TIER"),
            (&["--node-region", "140100"], "YINGJI_NODE_REGION"),
            (&["--node-id", "Bad Id"], "YINGJI_NODE_ID"),
            (&["--tile-url", "ftp://x/{z}/{x}/{y}"], "YINGJI_TILE_URL"),
            (&["--media-udp", "3479"], "YINGJI_MEDIA_UDP"),
            (&["--media-udp", "0.0.0.0:3479"], "YINGJI_MEDIA_IP"),
            (&["--media-ip", "lan"], "YINGJI_MEDIA_IP"),
        ];
        for (extra, key) in cases {
            // The valid node settings, with the one under test replaced.
            let mut args: Vec<&str> = NODE
                .chunks(2)
                .filter(|pair| pair[0] != extra[0])
                .flatten()
                .copied()
                .collect();
            args.extend_from_slice(extra);
            let err = cli(&args).validate().unwrap_err();
            assert_eq!(err.key, key, "{err}");
            assert!(err.to_string().contains(key));
        }
    }

    #[test]
    fn printed_settings_hide_the_database_password() {
        let mut args = NODE.to_vec();
        args.extend_from_slice(&["--database-url", "postgres://u:hunter2@db/yingji"]);
        let shown = cli(&args)
            .validate()
            .unwrap_or_else(|e| panic!("{e}"))
            .to_string();
        assert!(
            !shown.contains("hunter2") && shown.contains("u:***@db"),
            "{shown}"
        );
    }
}
