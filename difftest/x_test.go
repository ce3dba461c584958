package difftest

import (
	"testing"

	"github.com/awsgen/awsgen/internal/modelsrc"
	"github.com/awsgen/awsgen/generated/cognitoidp"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
)

func TestX(t *testing.T) {
	p, err := modelsrc.Resolve("gomod:github.com/aws/aws-sdk-go@v1.55.8/models/apis/cognito-idp/2016-04-18/api-2.json")
	t.Log(p, err)
	_ = cognitoidp.ForgotPasswordRequest{}
	_ = cip.ForgotPasswordInput{}
}
