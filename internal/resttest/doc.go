// Package resttest holds hand-written tests of the restJson1 bindings generated for
// testdata/models/reststore.smithy.json (generated/reststore): the expected requests,
// responses and errors are written out by hand from the model and the restJson1
// specification, never taken from the generator. FuzzPutItemResponse feeds arbitrary
// statuses, headers and bodies to the client (make fuzz; a few seconds in make test).
package resttest
