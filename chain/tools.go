//go:build tools

// Package chain pins the wasmd node the local chain runs: `go build` of its command in this
// module uses the versions and replacements of go.mod.
package chain

import _ "github.com/CosmWasm/wasmd/cmd/wasmd"
