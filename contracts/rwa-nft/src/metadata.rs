//! Validation of asset metadata. No patient data: only the asset, its paperwork by hash and URI.

use btt_types::rwa_nft::{AssetClass, Document, MintAsset, MAX_DOCUMENTS};
use cosmwasm_std::ensure;

use crate::ContractError;

fn invalid(reason: &str) -> ContractError {
    ContractError::InvalidMetadata {
        reason: reason.into(),
    }
}

fn length(field: &str, value: &str, min: usize, max: usize) -> Result<(), ContractError> {
    let n = value.chars().count();
    if n < min || n > max {
        return Err(invalid(&format!(
            "{field} must be {min} to {max} characters"
        )));
    }
    Ok(())
}

/// Checks a SHA-256 given as 64 lower-case hex characters.
pub fn check_sha256(field: &str, hash: &str) -> Result<(), ContractError> {
    let hex = hash
        .chars()
        .all(|c| c.is_ascii_digit() || ('a'..='f').contains(&c));
    if hash.len() != 64 || !hex {
        return Err(invalid(&format!(
            "{field} must be 64 lower-case hex characters"
        )));
    }
    Ok(())
}

fn check_document(doc: &Document) -> Result<(), ContractError> {
    check_sha256("document sha256", &doc.sha256)?;
    length("document uri", &doc.uri, 1, 256)
}

/// Checks a token id and the asset an issuer wants to mint; returns its class.
pub fn check_mint(token_id: &str, asset: &MintAsset) -> Result<AssetClass, ContractError> {
    length("token id", token_id, 1, 64)?;
    let class =
        AssetClass::from_name(&asset.class).ok_or_else(|| ContractError::UnknownAssetClass {
            class: asset.class.clone(),
        })?;
    ensure!(!asset.value.is_zero(), ContractError::ZeroAppraisal);
    length("description", &asset.description, 1, 256)?;
    length("appraiser", &asset.appraiser, 1, 128)?;
    length("jurisdiction", &asset.jurisdiction, 1, 64)?;
    length("regulatory id", &asset.regulatory_id, 0, 128)?;
    ensure!(
        asset.documents.len() <= MAX_DOCUMENTS,
        invalid("at most 10 documents")
    );
    asset.documents.iter().try_for_each(check_document)?;
    Ok(class)
}
