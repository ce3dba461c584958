package codectest

import "context"

func nilCtx() context.Context { return context.Background() }
