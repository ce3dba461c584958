// Package kitchentest holds hand-written tests of generated/kitchensink, the package
// generated from our kitchen-sink model (testdata/models/kitchensink.smithy.json).
//
// Every expectation here is written by hand from the model, the AWS JSON protocol and the
// documented rules of the runtime, never captured from the generator's output: a broken
// emitter or runtime must make these tests fail, not update them.
package kitchentest
