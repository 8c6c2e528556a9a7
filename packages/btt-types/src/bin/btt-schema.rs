//! `btt-schema OUT_DIR`: writes the JSON schema of every contract to `OUT_DIR/<contract>/`
//! (`<contract>.json` with the whole API, and `raw/` with one file a message), the layout of
//! cosmwasm-schema's `write_api!`. `scripts/schema.sh` runs it into `schema/` and checks drift.

use std::fs::{create_dir_all, write};
use std::path::Path;

use btt_types::contracts::{Code, CODES};
use cosmwasm_schema::{generate_api, Api};

/// Writes `api` as the schema of `code` (generate_api! takes a name literal only, so the name is
/// set here, from the one table).
fn export(out: &Path, code: Code, mut api: Api) -> std::io::Result<()> {
    let name = code.name();
    api.contract_name = name.to_string();
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
    ($out:expr, $code:expr, $module:ident) => {{
        use btt_types::$module::{ExecuteMsg, InstantiateMsg, MigrateMsg, QueryMsg};
        export(
            $out,
            $code,
            generate_api! {
                name: "",
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
    for code in CODES {
        match code {
            Code::Token => export_contract!(out, code, token),
            Code::Vesting => export_contract!(out, code, vesting),
            Code::Staking => export_contract!(out, code, staking),
            Code::Dao => export_contract!(out, code, dao),
            Code::Escrow => export_contract!(out, code, compute),
            Code::Depin => export_contract!(out, code, depin),
            Code::Points => export_contract!(out, code, points),
            Code::Payfi => export_contract!(out, code, payfi),
            Code::Nft => export_contract!(out, code, rwa_nft),
            Code::Vaults => export_contract!(out, code, fractionalizer),
            Code::Shares => {
                use btt_types::fractionalizer::{SharesInstantiateMsg, SharesMigrateMsg};
                export(
                    out,
                    code,
                    generate_api! {
                        name: "",
                        instantiate: SharesInstantiateMsg,
                        execute: cw20::Cw20ExecuteMsg,
                        query: cw20_base::msg::QueryMsg,
                        migrate: SharesMigrateMsg,
                    },
                )?;
            }
        }
    }
    println!("wrote schemas to {}", out.display());
    Ok(())
}
