//! `yingji hall …`: registering the hall's devices and setting its wall from the command line.

use app::hall::service::{self, Registered};
use app::hall::{HallSetup, Protocol, Source, Wall};

use crate::config::{Config, HallCommand};
use crate::startup::{StartupError, open_database};

fn invalid(message: String) -> StartupError {
    StartupError::Registration(message)
}

/// `id=name=input`
fn source(text: &str) -> Result<Source, StartupError> {
    let parts: Vec<&str> = text.splitn(3, '=').collect();
    let [id, name, input] = parts.as_slice() else {
        return Err(invalid(format!("source `{text}`: expected id=name=input")));
    };
    let input = input
        .parse()
        .map_err(|_| invalid(format!("source `{text}`: the input is a number")))?;
    Ok(Source {
        id: id.to_string(),
        name: name.to_string(),
        input,
    })
}

pub async fn run(config: &Config, command: HallCommand) -> Result<(), StartupError> {
    match command {
        HallCommand::Device {
            id,
            name,
            protocol,
            address,
            password,
            outputs,
        } => {
            let protocol = Protocol::parse(&protocol).ok_or_else(|| {
                invalid(format!(
                    "unknown protocol `{protocol}`; expected pjlink, visca, kramer or extron"
                ))
            })?;
            let device = Registered {
                id,
                name,
                protocol,
                address,
                password,
                outputs,
            };
            device.check().map_err(invalid)?;
            let db = open_database(&config.database_url).await?;
            let position = service::registered(&db)
                .await
                .map_err(StartupError::Query)?
                .iter()
                .position(|(d, _)| d.id == device.id)
                .unwrap_or(usize::MAX);
            let position = i32::try_from(position).unwrap_or(i32::MAX);
            service::register(&db, &device, position, false)
                .await
                .map_err(StartupError::Query)?;
            println!(
                "registered hall device {} ({})",
                device.id,
                device.protocol.key()
            );
        }
        HallCommand::Setup {
            rows,
            cols,
            matrix,
            sources,
        } => {
            let setup = HallSetup {
                wall: Wall::numbered(rows, cols),
                matrix,
                sources: sources
                    .iter()
                    .map(|s| source(s))
                    .collect::<Result<_, _>>()?,
            };
            setup.check().map_err(invalid)?;
            let db = open_database(&config.database_url).await?;
            service::save_setup(&db, &setup)
                .await
                .map_err(StartupError::Query)?;
            println!(
                "hall wall set: {rows} × {cols} tiles fed by {}, {} sources",
                setup.matrix,
                setup.sources.len()
            );
        }
    }
    Ok(())
}
