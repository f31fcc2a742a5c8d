//! `yingji exchange …`: the node key and the register of trusted nodes, from the command line.

use app::exchange::Relation;
use app::exchange::service::Registration;

use super::keys::NodeKey;
use crate::config::{Config, ExchangeCommand};
use crate::startup::{StartupError, open_database};

/// The command another node runs to trust this one (with the relation filled in there).
fn registration_line(config: &Config, key: &NodeKey) -> String {
    let n = &config.node;
    format!(
        "yingji exchange register --node-id {} --name '{}' --tier {} --region {} --key {} --relation <parent|child|other>",
        n.id,
        n.name.replace('\'', "'\\''"),
        n.tier,
        n.region_code,
        key.public_hex()
    )
}

pub async fn run(config: &Config, command: ExchangeCommand) -> Result<(), StartupError> {
    match command {
        ExchangeCommand::Keygen => {
            let key = NodeKey::generate(&config.node_key).map_err(StartupError::NodeKey)?;
            println!("node key written to {}", config.node_key.display());
            println!("{}", registration_line(config, &key));
        }
        ExchangeCommand::ShowKey => {
            let key = NodeKey::load(&config.node_key).map_err(StartupError::NodeKey)?;
            println!("{}", registration_line(config, &key));
        }
        ExchangeCommand::Register {
            node_id,
            name,
            tier,
            region,
            key,
            relation,
        } => {
            let tier = tier.parse().map_err(StartupError::Registration)?;
            let relation = Relation::parse(&relation).ok_or_else(|| {
                StartupError::Registration(format!(
                    "unknown relation `{relation}`; expected parent, child or other"
                ))
            })?;
            let registration = Registration {
                node_id,
                name,
                tier,
                region_code: region,
                public_key: key,
                relation,
            };
            registration.check().map_err(StartupError::Registration)?;
            let db = open_database(&config.database_url).await?;
            app::exchange::service::register(&db, &registration, app::ui::time::now_unix())
                .await
                .map_err(|e| StartupError::Registration(e.to_string()))?;
            println!(
                "registered {} ({}) as {}",
                registration.node_id,
                registration.name,
                relation.key()
            );
        }
    }
    Ok(())
}
