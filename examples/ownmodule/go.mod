module example.com/ownmodule

go 1.26

// Only for this example, which lives in the awsgen repository: it builds the generator from
// this checkout. In your own module, `go get -tool github.com/awsgen/awsgen/cmd/gen@VERSION`
// records the tool and its requirements, and there is no replace.
replace github.com/awsgen/awsgen => ../..

tool github.com/awsgen/awsgen/cmd/gen

require (
	github.com/awsgen/awsgen v0.0.0 // indirect
	github.com/dave/jennifer v1.7.1 // indirect
	github.com/tidwall/gjson v1.20.2 // indirect
	github.com/tidwall/match v1.1.1 // indirect
	github.com/tidwall/pretty v1.3.0 // indirect
)
