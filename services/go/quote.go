package main

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"time"

	"loopvsloom/internal/domain"
)

// quote fans out with goroutines: the three downstream calls run at once, each on a goroutine of its own, and
// share one context whose deadline is the quote's. At the deadline, or at the first failure, the handler returns
// and cancel() aborts the calls still outstanding (their connections close, so downstream stops too).
func (a *app) quote(w http.ResponseWriter, r *http.Request, q query) error {
	request, err := domain.ParseQuoteRequest(q.get("sku"), q.get("qty"), q.get("deadlineMs"))
	if err != nil {
		return err
	}
	k, err := knobsOf(r.Header)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(r.Context(), time.Duration(request.DeadlineMs)*time.Millisecond)
	defer cancel()
	inventory := async(ctx, func(ctx context.Context) (domain.Inventory, error) {
		return getJSON(ctx, a.downstream, "inventory", "/inventory/"+request.Sku, k, domain.DecodeInventory)
	})
	price := async(ctx, func(ctx context.Context) (domain.Price, error) {
		return getJSON(ctx, a.downstream, "price", "/prices/"+request.Sku, k, domain.DecodePrice)
	})
	shipping := async(ctx, func(ctx context.Context) (domain.Shipping, error) {
		path := "/shipping?sku=" + request.Sku + "&qty=" + strconv.Itoa(request.Qty)
		return getJSON(ctx, a.downstream, "shipping", path, k, domain.DecodeShipping)
	})
	// Awaited in order, as the Java styles do, so the same failure is reported when several calls fail.
	inv, err := await(ctx, inventory)
	var p domain.Price
	if err == nil {
		p, err = await(ctx, price)
	}
	var s domain.Shipping
	if err == nil {
		s, err = await(ctx, shipping)
	}
	if errors.Is(err, context.DeadlineExceeded) && r.Context().Err() == nil {
		return &deadlineError{request.DeadlineMs}
	}
	if err != nil {
		return err
	}
	writeJSON(w, domain.CombineQuote(request, inv, p, s))
	return nil
}

type result[T any] struct {
	value T
	err   error
}

// async starts a call on a goroutine of its own; the channel has room for its one result, so a call that answers
// after nobody waits any more still ends.
func async[T any](ctx context.Context, call func(context.Context) (T, error)) <-chan result[T] {
	out := make(chan result[T], 1)
	go func() {
		value, err := call(ctx)
		out <- result[T]{value, err}
	}()
	return out
}

// await takes the call's result, or gives up when the context ends first (the deadline).
func await[T any](ctx context.Context, call <-chan result[T]) (T, error) {
	select {
	case r := <-call:
		return r.value, r.err
	case <-ctx.Done():
		var zero T
		return zero, ctx.Err()
	}
}
