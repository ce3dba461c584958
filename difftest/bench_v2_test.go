package difftest

import (
	_ "unsafe" // for go:linkname

	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	smithyjson "github.com/aws/smithy-go/encoding/json"
)

// aws-sdk-go-v2's generated document (de)serializers are unexported; the benchmarks reach
// them by name so that /v2 measures serialization alone, not the client's middleware. The
// signatures are copied from serializers.go and deserializers.go of the version in go.mod; a
// mismatch after an upgrade is not caught by the compiler, but TestBenchmarkFixtures runs
// all three and compares their results with ours.
//
// Go's linker refuses pulled linknames only for standard-library symbols, so no flag is
// needed for these; -ldflags=-checklinkname=0 would be the switch if that ever changes.

//go:linkname v2SerializeForgotPasswordInput github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider.awsAwsjson11_serializeOpDocumentForgotPasswordInput
func v2SerializeForgotPasswordInput(v *cip.ForgotPasswordInput, value smithyjson.Value) error

//go:linkname v2DeserializeListUsersOutput github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider.awsAwsjson11_deserializeOpDocumentListUsersOutput
func v2DeserializeListUsersOutput(v **cip.ListUsersOutput, value interface{}) error

//go:linkname v2DeserializeForgotPasswordOutput github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider.awsAwsjson11_deserializeOpDocumentForgotPasswordOutput
func v2DeserializeForgotPasswordOutput(v **cip.ForgotPasswordOutput, value interface{}) error
