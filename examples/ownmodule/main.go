package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"time"

	"example.com/ownmodule/cognitoidp"
)

func main() {
	endpoint := flag.String("endpoint", "", "service URL, e.g. a local emulator's (default: the regional AWS endpoint)")
	region := flag.String("region", "us-east-1", "AWS region")
	clientID := flag.String("client-id", "", "user pool app client ID")
	username := flag.String("username", "", "user name")
	flag.Parse()
	// ForgotPassword needs no AWS credentials, so the client has no signer.
	c := cognitoidp.NewClient(cognitoidp.Options{Endpoint: *endpoint, Region: *region})
	msg, err := forgotPassword(context.Background(), c, *clientID, *username)
	if err != nil {
		fmt.Fprintln(os.Stderr, "ownmodule:", err)
		os.Exit(1)
	}
	fmt.Println(msg)
}

// forgotPassword asks the service to send the user a code to reset their password, and
// says where it went.
func forgotPassword(ctx context.Context, c *cognitoidp.Client, clientID, username string) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	out, err := c.ForgotPassword(ctx, &cognitoidp.ForgotPasswordRequest{ClientId: &clientID, Username: &username})
	var notFound *cognitoidp.UserNotFoundException
	if errors.As(err, &notFound) {
		return "", fmt.Errorf("no such user (%s)", notFound.ErrorMessage())
	}
	if err != nil {
		return "", err
	}
	return fmt.Sprint("code sent: ", out.CodeDeliveryDetails), nil
}
