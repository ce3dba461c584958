// Package templates holds what the generator emits as text: the runtime helpers in rt/
// (a real package, compiled and tested in place, copied into every generated package with
// its package clause rewritten), the package documentation and the generated tests.
package templates

import "embed"

// FS holds the runtime sources and the text templates.
//
//go:embed rt/*.go *.tmpl
var FS embed.FS
