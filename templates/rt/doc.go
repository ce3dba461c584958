// Package rt is the runtime of the generated packages: the hand-written code that every
// generated package carries with it, so that it depends on nothing but the standard library
// and itself. It holds the value helpers and validation, documents, the JSON codec, the
// service errors and the client.
//
// The generator does not import rt: it copies these sources into each generated package,
// each file renamed runtime_<name>.go (values.go becomes runtime_values.go), its package
// clause rewritten to the generated package's name and a generated-code header added.
// Which files are copied, and when, is listed in internal/gen/files.go (runtimeFiles); a
// file not listed there, such as this one, stays here. The generated code (types,
// operations, encoders and decoders) calls into the copied runtime as into its own code.
//
// Here rt is an ordinary package, compiled, vetted and tested in place (make test, make
// fuzz), so the runtime is checked once rather than in every generated copy.
//
// Its sources must import only the standard library (a generated package builds with no
// dependency of its own) and stay gofmt-clean (they are copied without reformatting).
package rt
