package codectest

import (
	"testing"

	idp "github.com/awsgen/awsgen/generated/cognitoidp"
)

func benchRequest() *idp.ForgotPasswordRequest {
	return &idp.ForgotPasswordRequest{
		ClientId:          ptr("6f8s0hk7ld3ao5rg7jcn9g2kfa"),
		SecretHash:        ptr("dGhpcyBpcyBhIHNlY3JldCBoYXNoIHZhbHVlPT0="),
		UserContextData:   &idp.UserContextDataType{IpAddress: ptr("192.0.2.44"), EncodedData: ptr("eyJjb250ZXh0RGF0YSI6eyJVc2VyQWdlbnQiOiJNb3ppbGxhLzUuMCJ9fQ==")},
		Username:          ptr("jane.doe@example.com"),
		AnalyticsMetadata: &idp.AnalyticsMetadataType{AnalyticsEndpointId: ptr("d1d2c5f0-4b5e-4a44-9d2b-7f1c1f0a5b77")},
		ClientMetadata:    map[string]string{"source": "web", "locale": "en-US", "campaign": "spring-\"sale\""},
	}
}

// BenchmarkMarshalSmallHeap measures MarshalJSON in a process with a small live heap; the
// side-by-side comparison with aws-sdk-go-v2 is in difftest.
func BenchmarkMarshalSmallHeap(b *testing.B) {
	v := benchRequest()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := v.MarshalJSON(); err != nil {
			b.Fatal(err)
		}
	}
}
