package difftest

import (
	"unsafe"

	"github.com/awsgen/awsgen/generated/lambda"
)

// Our restJson1 serialization steps are unexported (the client runs them); the benchmarks
// reach them by name so that /awsgen measures what v2's Protocol.SerializeRequest does and
// nothing else: the input's HTTP bindings, the URI and the JSON body. A *restRequest is only
// passed along, as an unsafe.Pointer, never looked into. The signatures are copied from
// generated/lambda (rest.go, runtime_rest.go); a change there is not caught by the compiler,
// but TestRESTBenchmarkFixtures runs them and checks their results.

//go:linkname ourNewRESTRequest github.com/awsgen/awsgen/generated/lambda.newRESTRequest
func ourNewRESTRequest() unsafe.Pointer

//go:linkname ourWriteRESTUpdateFunctionConfiguration github.com/awsgen/awsgen/generated/lambda.(*UpdateFunctionConfigurationRequest).writeREST
func ourWriteRESTUpdateFunctionConfiguration(v *lambda.UpdateFunctionConfigurationRequest, r unsafe.Pointer) error

// ourReleaseRESTRequest gives the request's pooled body back, as the client does once the
// request is sent.
//
//go:linkname ourReleaseRESTRequest github.com/awsgen/awsgen/generated/lambda.(*restRequest).release
func ourReleaseRESTRequest(r unsafe.Pointer)

//go:linkname ourExpandURI github.com/awsgen/awsgen/generated/lambda.expandURI
func ourExpandURI(pattern, fixedQuery string, r unsafe.Pointer) (string, error)

// ourAppendUpdateFunctionConfigurationBody is the JSON body writeREST makes: the method of
// the body view type, whose receiver has the request's layout.
//
//go:linkname ourAppendUpdateFunctionConfigurationBody github.com/awsgen/awsgen/generated/lambda.(*restRequestBodyUpdateFunctionConfigurationRequest).AppendJSON
func ourAppendUpdateFunctionConfigurationBody(v *lambda.UpdateFunctionConfigurationRequest, b []byte) ([]byte, error)
