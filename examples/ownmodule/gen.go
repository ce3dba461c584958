// Command ownmodule shows awsgen run from a module of its own: go.mod names the generator as
// a tool, the go:generate line below writes a Cognito client (two operations of the pinned
// model) into ./cognitoidp, and main.go calls it.
//
// In this folder (the replace line of go.mod builds the generator from this checkout):
//
//	go generate ./...
//	go test ./...
//	go run . -client-id ID -username USER
//
// examples/ownmodule_test.go, in the awsgen module, does the same in a copy of this folder.
package main

//go:generate go tool gen -model gomod:github.com/aws/aws-sdk-go@v1.55.8/models/apis/cognito-idp/2016-04-18/api-2.json -operations ForgotPassword,ConfirmForgotPassword -out cognitoidp -pkg cognitoidp
