-- The tables the styles query. Orders are read newest first per customer, through orders_by_customer (V2 builds it
-- after the data is in: one sorted pass instead of a million index insertions).
CREATE TABLE customers (
    id   integer PRIMARY KEY,
    name text    NOT NULL,
    city text    NOT NULL
);

CREATE TABLE orders (
    id          bigint      PRIMARY KEY,
    customer_id integer     NOT NULL,
    placed_at   timestamptz NOT NULL,
    items       integer     NOT NULL,
    total_cents integer     NOT NULL,
    status      text        NOT NULL
);
