# Pinned model sources. AWS's model files are inputs, never committed: they are fetched
# through the Go module proxy by `go mod download`, which verifies them against go.sum's
# checksum database entry (sum.golang.org), so every machine reads the same bytes.

# c2j (botocore) models: aws-sdk-go v1's models/apis/<service>/<version>/api-2.json + docs-2.json.
AWS_SDK_GO_V1 := github.com/aws/aws-sdk-go@v1.55.8

# The default model: Amazon Cognito Identity Provider, in c2j form with docs.
COGNITO_C2J := gomod:$(AWS_SDK_GO_V1)/models/apis/cognito-idp/2016-04-18/api-2.json

# Smithy JSON AST models ship in ../shared/models/smithy (aws/api-models-aws at 56c8953).
SMITHY_MODELS := ../shared/models/smithy
COGNITO_SMITHY := $(SMITHY_MODELS)/cognito-identity-provider-2016-04-18.json
