package sweep

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/awsgen/awsgen/internal/modelsrc"
	"github.com/awsgen/awsgen/internal/testenv"
)

// sharedSmithy is where the project keeps the real AWS Smithy models, beside the root.
const sharedSmithy = "../../../shared/models/smithy"

// sampleSmithy is the fixed Smithy sample of TestSampleSweep: file names without ".json",
// each chosen for what it exercises.
var sampleSmithy = []struct{ name, why string }{
	{"sagemaker-2017-07-24", "largest Smithy model: 2511 shapes, 11 MB of Go; untranslatable patterns"},
	{"s3-2006-03-01", "restXml; http-date timestamps; streaming blob; event stream union"},
	{"dynamodb-2012-08-10", "recursive AttributeValue union; sets; blobs; @default"},
	{"lambda-2015-03-31", "event stream union; streaming blob; floats"},
	{"kinesis-2013-12-02", "event stream over awsJson1_1"},
	{"bedrock-runtime-2023-09-30", "documents inside unions; two event streams"},
	{"bedrock-agent-runtime-2023-07-26", "documents; 137 sensitive members; sensitive unions"},
	{"cognito-identity-provider-2016-04-18", "the default model; @default members; a document"},
	{"freetier-2023-09-07", "self-recursive Expression structure; awsJson1_0"},
	{"lex-runtime-v2-2020-08-07", "recursion; event streams; streaming blob"},
	{"connectcases-2022-10-03", "sparse collections; recursion; 14 unions"},
	{"identitystore-2020-06-15", "document over awsJson1_1; mostly sensitive"},
	{"inspector-scan-2023-08-08", "tiny model with a document member"},
	{"sagemaker-runtime-2017-05-13", "streaming; a shape renamed for a clash"},
	{"cloudcontrol-2021-09-30", "shape Operation clashes with the package's Operation; member ErrorCode with a method"},
	{"cloudfront-2020-05-31", "restXml; member Format and shape Signer clash with generated names"},
	{"firehose-2015-08-04", "shape RetryOptions clashes with the runtime"},
	{"kendra-ranking-2022-10-19", "shape Document clashes with the runtime's Document"},
	{"license-manager-2018-08-01", "shape Options clashes with the client's Options"},
	{"iam-2010-05-08", "awsQuery; lower-case shape names; member Error clashes with a method"},
	{"customer-profiles-2020-08-15", "enum values VALUE and VALUES; lower-case shape; many sensitive members"},
	{"cloudsearch-domain-2013-01-01", "enum values that are not identifiers; streaming blob; doubles"},
	{"sts-2011-06-15", "awsQuery, small"},
	{"cloudwatch-logs-2014-03-28", "event stream; deprecation notes beside doc links (gofmt)"},
	{"accessanalyzer-2019-11-01", "unions whose docs end in link definitions (gofmt); date-time timestamps"},
	{"keyspaces-2022-02-10", "lower-case shape name rs"},
	{"location-2020-11-19", "sensitive lists of doubles; date-time timestamps"},
	{"sagemaker-geospatial-2020-05-27", "sensitive list elements (printer loop index); mixed timestamp formats"},
	{"qldb-2019-01-02", "sparse map; blobs"},
	{"sqs-2012-11-05", "awsJson1_0 with awsQueryCompatible"},
	{"support-2013-04-15", "sparse list"},
}

// sampleC2J is the fixed c2j sample: models/apis/<service>/<version> folders.
var sampleC2J = []struct{ name, why string }{
	{"ec2/2016-11-15", "largest c2j model: 3198 shapes, ec2Query, 853 enum values that need renaming"},
	{"glue/2017-03-31", "huge; surrogate-pair patterns on map keys and values (validator helpers)"},
	{"s3/2006-03-01", "restXml; http-date timestamps"},
	{"dynamodb/2012-08-10", "recursive AttributeValue structure; blobs"},
	{"lambda/2015-03-31", "streaming blob; floats"},
	{"kinesis/2013-12-02", "c2j eventstream structures"},
	{"bedrock-runtime/2023-09-30", "c2j union shapes"},
	{"cognito-idp/2016-04-18", "the default model"},
	{"freetier/2023-09-07", "self-recursive structure"},
	{"runtime.lex.v2/2020-08-07", "dotted service folder; recursion"},
	{"connectcases/2022-10-03", "unions; recursion"},
	{"identitystore/2020-06-15", "unions; mostly sensitive"},
	{"inspector-scan/2023-08-08", "no operations at all"},
	{"runtime.sagemaker/2017-05-13", "a shape renamed for a clash"},
	{"cloudcontrol/2021-09-30", "shape Operation clashes with the package's Operation"},
	{"cloudfront/2020-05-31", "restXml; member Format and shape Signer clash"},
	{"firehose/2015-08-04", "shape RetryOptions clashes with the runtime"},
	{"kendra-ranking/2022-10-19", "shape Document clashes with the runtime's Document"},
	{"license-manager/2018-08-01", "shape Options clashes"},
	{"iam/2010-05-08", "awsQuery; lower-case shape names"},
	{"customer-profiles/2020-08-15", "enum values VALUE and VALUES"},
	{"cloudsearchdomain/2013-01-01", "enum values that are not identifiers"},
	{"sts/2011-06-15", "awsQuery, small"},
	{"logs/2014-03-28", "docs with link definitions"},
	{"accessanalyzer/2019-11-01", "unions; date-time timestamps"},
	{"location/2020-11-19", "21 float shapes; sensitive lists"},
	{"sagemaker-geospatial/2020-05-27", "sensitive list elements; mixed timestamp formats"},
	{"monitoring/2010-08-01", "awsQuery CloudWatch; doubles"},
	{"supplychain/2024-01-01", "enum values that are not identifiers; small"},
	{"timestream-influxdb/2023-01-27", "enum values that are not identifiers"},
}

// TestSampleSweep generates the fixed sample of both formats into one scratch module,
// builds it (-gcflags=-N -l; packages over 1.5 MB are only vetted) and vets it, which
// type-checks every package with its generated tests: each model must generate, be
// gofmt-formatted, compile and vet clean. The full run over every model is `make sweep`.
func TestSampleSweep(t *testing.T) {
	if _, err := os.Stat(sharedSmithy); err != nil {
		testenv.Missing(t, "%s is absent: %v", sharedSmithy, err)
	}
	modDir, err := modelsrc.ModuleDir(DefaultC2JModule)
	if err != nil {
		testenv.Missing(t, "cannot fetch the c2j models: %v", err)
	}
	smithy, err := SmithyModels(sharedSmithy)
	if err != nil {
		t.Fatal(err)
	}
	c2j, err := C2JModels(modDir)
	if err != nil {
		t.Fatal(err)
	}
	// make sweep runs over these lists: every model of both pins must be on them.
	if len(smithy) != 402 || len(c2j) != 384 {
		t.Fatalf("listed %d Smithy and %d c2j models, want 402 and 384", len(smithy), len(c2j))
	}
	models := pick(t, smithy, sampleSmithy)
	models = append(models, pick(t, c2j, sampleC2J)...)

	rep, err := Run(Config{
		Out:   t.TempDir(),
		Gofmt: true,
		// Packages over 1.5 MB (the huge models) are vetted, not compiled, to keep the test
		// near a minute; `make sweep` compiles them all.
		BuildLimit: 1500 << 10,
		Batch:      100,
		Log:        t.Logf,
	}, models)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	rep.Print(&b)
	if !rep.Clean() {
		t.Errorf("the sample sweep is not clean:\n%s", b.String())
		return
	}
	t.Logf("\n%s", b.String())
}

// pick returns the models named in sample, failing on a name that is not there.
func pick(t *testing.T, all []Model, sample []struct{ name, why string }) []Model {
	t.Helper()
	byName := map[string]Model{}
	for _, m := range all {
		byName[m.Name] = m
	}
	var out []Model
	for _, s := range sample {
		m, ok := byName[s.name]
		if !ok {
			t.Errorf("sample model %s is not among the %s models", s.name, filepath.Base(filepath.Dir(all[0].Path)))
			continue
		}
		out = append(out, m)
	}
	return out
}
