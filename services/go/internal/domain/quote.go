package domain

// The downstream APIs' answers and the quote they make, as services/domain's quote package has them.

type Inventory struct {
	Sku       string `json:"sku"`
	Available int    `json:"available"`
}

type Price struct {
	Sku       string `json:"sku"`
	UnitCents int64  `json:"unitCents"`
	Currency  string `json:"currency"`
}

type Shipping struct {
	Sku       string `json:"sku"`
	Qty       int    `json:"qty"`
	CostCents int64  `json:"costCents"`
	Days      int    `json:"days"`
}

// Quote is what /quote returns.
type Quote struct {
	Sku           string `json:"sku"`
	Qty           int    `json:"qty"`
	UnitCents     int64  `json:"unitCents"`
	ItemsCents    int64  `json:"itemsCents"`
	ShippingCents int64  `json:"shippingCents"`
	TotalCents    int64  `json:"totalCents"`
	Currency      string `json:"currency"`
	Available     bool   `json:"available"`
	ShippingDays  int    `json:"shippingDays"`
}

// CombineQuote is Quotes.combine. The caps (qty ≤ 1,000, unit price < 100,000 cents) keep it far from overflow.
func CombineQuote(request QuoteRequest, inventory Inventory, price Price, shipping Shipping) Quote {
	items := price.UnitCents * int64(request.Qty)
	return Quote{
		Sku:           request.Sku,
		Qty:           request.Qty,
		UnitCents:     price.UnitCents,
		ItemsCents:    items,
		ShippingCents: shipping.CostCents,
		TotalCents:    items + shipping.CostCents,
		Currency:      price.Currency,
		Available:     inventory.Available >= request.Qty,
		ShippingDays:  shipping.Days,
	}
}
