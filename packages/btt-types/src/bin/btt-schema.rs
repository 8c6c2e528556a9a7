//! `btt-schema OUT_DIR`: writes the JSON schema of every contract to `OUT_DIR/<contract>/`
//! (`<contract>.json` with the whole API, and `raw/` with one file a message), the layout of
//! cosmwasm-schema's `write_api!`. `scripts/schema.sh` runs it into `schema/` and checks drift.

use std::fs::{create_dir_all, write};
use std::path::Path;

use cosmwasm_schema::{generate_api, Api};

fn export(out: &Path, name: &str, api: Api) -> std::io::Result<()> {
    let dir = out.join(name);
    let raw = dir.join("raw");
    create_dir_all(&raw)?;
    let api = api.render();
    let json = api.to_string().map_err(std::io::Error::other)?;
    write(dir.join(format!("{name}.json")), json + "\n")?;
    for (file, json) in api.to_schema_files().map_err(std::io::Error::other)? {
        write(raw.join(file), json + "\n")?;
    }
    Ok(())
}

fn main() -> std::io::Result<()> {
    let out = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "schema".to_string());
    let out = Path::new(&out);
    {
        use btt_types::token::*;
        export(
            out,
            "btt-token",
            generate_api! {
                name: "btt-token",
                instantiate: InstantiateMsg,
                execute: ExecuteMsg,
                query: QueryMsg,
                migrate: MigrateMsg,
            },
        )?;
    }
    {
        use btt_types::vesting::*;
        export(
            out,
            "btt-vesting",
            generate_api! {
                name: "btt-vesting",
                instantiate: InstantiateMsg,
                execute: ExecuteMsg,
                query: QueryMsg,
                migrate: MigrateMsg,
            },
        )?;
    }
    {
        use btt_types::staking::*;
        export(
            out,
            "btt-staking",
            generate_api! {
                name: "btt-staking",
                instantiate: InstantiateMsg,
                execute: ExecuteMsg,
                query: QueryMsg,
                migrate: MigrateMsg,
            },
        )?;
    }
    {
        use btt_types::dao::*;
        export(
            out,
            "btt-dao",
            generate_api! {
                name: "btt-dao",
                instantiate: InstantiateMsg,
                execute: ExecuteMsg,
                query: QueryMsg,
                migrate: MigrateMsg,
            },
        )?;
    }
    {
        use btt_types::compute::*;
        export(
            out,
            "compute-escrow",
            generate_api! {
                name: "compute-escrow",
                instantiate: InstantiateMsg,
                execute: ExecuteMsg,
                query: QueryMsg,
                migrate: MigrateMsg,
            },
        )?;
    }
    {
        use btt_types::depin::*;
        export(
            out,
            "depin-rewards",
            generate_api! {
                name: "depin-rewards",
                instantiate: InstantiateMsg,
                execute: ExecuteMsg,
                query: QueryMsg,
                migrate: MigrateMsg,
            },
        )?;
    }
    {
        use btt_types::points::*;
        export(
            out,
            "incentive-points",
            generate_api! {
                name: "incentive-points",
                instantiate: InstantiateMsg,
                execute: ExecuteMsg,
                query: QueryMsg,
                migrate: MigrateMsg,
            },
        )?;
    }
    {
        use btt_types::payfi::*;
        export(
            out,
            "payfi",
            generate_api! {
                name: "payfi",
                instantiate: InstantiateMsg,
                execute: ExecuteMsg,
                query: QueryMsg,
                migrate: MigrateMsg,
            },
        )?;
    }
    println!("wrote schemas to {}", out.display());
    Ok(())
}
