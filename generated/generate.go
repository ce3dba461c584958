// Package generated holds the committed output of the generator. `go generate ./generated`
// (or `make generate`) regenerates it from the pinned default model; the staleness test
// fails when it differs from a fresh generation.
package generated

//go:generate go run ../cmd/gen -model gomod:github.com/aws/aws-sdk-go@v1.55.8/models/apis/cognito-idp/2016-04-18/api-2.json -out cognitoidp -pkg cognitoidp
//go:generate go run ../cmd/gen -model ../testdata/models/kitchensink.smithy.json -out kitchensink -pkg kitchensink
//go:generate go run ../cmd/gen -model gomod:github.com/aws/aws-sdk-go@v1.55.8/models/apis/lambda/2015-03-31/api-2.json -out lambda -pkg lambda
//go:generate go run ../cmd/gen -model gomod:github.com/aws/aws-sdk-go@v1.55.8/models/apis/apigateway/2015-07-09/api-2.json -out apigateway -pkg apigateway
//go:generate go run ../cmd/gen -model ../testdata/models/reststore.smithy.json -out reststore -pkg reststore
