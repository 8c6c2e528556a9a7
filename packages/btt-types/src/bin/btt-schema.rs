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

/// Exports the schema of the contract whose messages live in `btt_types::$module`.
macro_rules! export_contract {
    ($out:expr, $name:literal, $module:ident) => {{
        use btt_types::$module::{ExecuteMsg, InstantiateMsg, MigrateMsg, QueryMsg};
        export(
            $out,
            $name,
            generate_api! {
                name: $name,
                instantiate: InstantiateMsg,
                execute: ExecuteMsg,
                query: QueryMsg,
                migrate: MigrateMsg,
            },
        )?;
    }};
}

fn main() -> std::io::Result<()> {
    let out = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "schema".to_string());
    let out = Path::new(&out);
    export_contract!(out, "btt-token", token);
    export_contract!(out, "btt-vesting", vesting);
    export_contract!(out, "btt-staking", staking);
    export_contract!(out, "btt-dao", dao);
    export_contract!(out, "compute-escrow", compute);
    export_contract!(out, "depin-rewards", depin);
    export_contract!(out, "incentive-points", points);
    export_contract!(out, "payfi", payfi);
    export_contract!(out, "rwa-nft", rwa_nft);
    export_contract!(out, "rwa-fractionalizer", fractionalizer);
    {
        use btt_types::fractionalizer::{SharesInstantiateMsg, SharesMigrateMsg};
        export(
            out,
            "rwa-shares",
            generate_api! {
                name: "rwa-shares",
                instantiate: SharesInstantiateMsg,
                execute: cw20::Cw20ExecuteMsg,
                query: cw20_base::msg::QueryMsg,
                migrate: SharesMigrateMsg,
            },
        )?;
    }
    println!("wrote schemas to {}", out.display());
    Ok(())
}
