package difftest

import (
	"encoding/json"
	"math"
	"strconv"
	"time"

	"github.com/awsgen/awsgen/generated/cognitoidp"
)

// Plain mirrors of our types, without methods, so that encoding/json does its own
// reflection-driven work: the encoding/json reference in the benchmarks.

type mirrorUserContextData struct {
	IpAddress   *string `json:",omitempty"`
	EncodedData *string `json:",omitempty"`
}

type mirrorAnalyticsMetadata struct {
	AnalyticsEndpointId *string `json:",omitempty"`
}

type mirrorForgotPasswordRequest struct {
	ClientId          *string                  `json:",omitempty"`
	SecretHash        *string                  `json:",omitempty"`
	UserContextData   *mirrorUserContextData   `json:",omitempty"`
	Username          *string                  `json:",omitempty"`
	AnalyticsMetadata *mirrorAnalyticsMetadata `json:",omitempty"`
	ClientMetadata    map[string]string        `json:",omitempty"`
}

func mirrorOfForgotPasswordRequest(v *cognitoidp.ForgotPasswordRequest) *mirrorForgotPasswordRequest {
	m := &mirrorForgotPasswordRequest{
		ClientId: v.ClientId, SecretHash: v.SecretHash, Username: v.Username, ClientMetadata: v.ClientMetadata,
	}
	if u := v.UserContextData; u != nil {
		m.UserContextData = &mirrorUserContextData{IpAddress: u.IpAddress, EncodedData: u.EncodedData}
	}
	if a := v.AnalyticsMetadata; a != nil {
		m.AnalyticsMetadata = &mirrorAnalyticsMetadata{AnalyticsEndpointId: a.AnalyticsEndpointId}
	}
	return m
}

// epochSeconds reads a JSON number of seconds since the epoch, as the wire carries
// timestamps; encoding/json has no such format of its own.
type epochSeconds time.Time

func (e *epochSeconds) UnmarshalJSON(b []byte) error {
	f, err := strconv.ParseFloat(string(b), 64)
	if err != nil {
		return err
	}
	sec, frac := math.Modf(f)
	*e = epochSeconds(time.Unix(int64(sec), int64(math.Round(frac*1e3))*1e6).UTC())
	return nil
}

type mirrorAttribute struct {
	Name  *string `json:",omitempty"`
	Value *string `json:",omitempty"`
}

type mirrorMFAOption struct {
	DeliveryMedium *string `json:",omitempty"`
	AttributeName  *string `json:",omitempty"`
}

type mirrorUser struct {
	Username             *string           `json:",omitempty"`
	Attributes           []mirrorAttribute `json:",omitempty"`
	UserCreateDate       *epochSeconds     `json:",omitempty"`
	UserLastModifiedDate *epochSeconds     `json:",omitempty"`
	Enabled              *bool             `json:",omitempty"`
	UserStatus           *string           `json:",omitempty"`
	MFAOptions           []mirrorMFAOption `json:",omitempty"`
}

type mirrorListUsersResponse struct {
	Users           []mirrorUser `json:",omitempty"`
	PaginationToken *string      `json:",omitempty"`
}

type mirrorCodeDeliveryDetails struct {
	Destination    *string `json:",omitempty"`
	DeliveryMedium *string `json:",omitempty"`
	AttributeName  *string `json:",omitempty"`
}

type mirrorForgotPasswordResponse struct {
	CodeDeliveryDetails *mirrorCodeDeliveryDetails `json:",omitempty"`
}

var _ json.Unmarshaler = (*epochSeconds)(nil)
