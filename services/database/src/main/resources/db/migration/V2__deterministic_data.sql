-- 100,000 customers and 1,000,000 orders, computed from their ids alone: every database built from these files holds
-- the same rows, so every implementation gives the same answer for the same customer (the contract suite pins one).
-- An order's customer comes from a multiplicative hash of its id, so customers have 10 orders on average, some more,
-- a few none.
INSERT INTO customers (id, name, city)
SELECT id,
       'Customer ' || id,
       (ARRAY['Berlin', 'Lisbon', 'Oslo', 'Porto', 'Vienna', 'Zurich', 'Lyon', 'Gdansk'])[1 + id % 8]
FROM generate_series(1, 100000) AS id;

INSERT INTO orders (id, customer_id, placed_at, items, total_cents, status)
SELECT id,
       1 + (id * 2654435761 % 4294967291) % 100000,
       timestamptz '2025-01-01 00:00:00+00' + (id * 40692 % 2147483399) % 31536000 * interval '1 second',
       1 + (id * 48271 % 2147483647) % 9,
       500 + (id * 69621 % 2147483647) % 99500,
       (ARRAY['placed', 'paid', 'shipped', 'delivered'])[1 + (id * 16807 % 2147483647) % 4]
FROM generate_series(1::bigint, 1000000::bigint) AS id;

CREATE INDEX orders_by_customer ON orders (customer_id, placed_at DESC, id DESC);
ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id);
ANALYZE customers;
ANALYZE orders;
