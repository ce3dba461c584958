package genbench

import (
	"testing"

	"github.com/awsgen/awsgen/internal/gen"
	"github.com/awsgen/awsgen/internal/load"
)

const path = "/root/go/pkg/mod/github.com/aws/aws-sdk-go@v1.55.8/models/apis/cognito-idp/2016-04-18/api-2.json"

func BenchmarkAll(b *testing.B) {
	for i := 0; i < b.N; i++ {
		m, err := load.File(path)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := gen.Generate(m, gen.Options{Package: "cognitoidp"}); err != nil {
			b.Fatal(err)
		}
	}
}
