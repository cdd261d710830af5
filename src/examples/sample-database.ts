// The tables the guide's SQL examples query (customers, orders, accounts, users), created afresh for
// every run in a schema of their own. The search path puts the reader's schema (public) first, so an
// example that creates its own `orders` table uses that one, and the sample tables stay out of its way.

/** The sample tables' names, as the page lists them under an SQL example. */
export const SAMPLE_TABLES = ['customers', 'orders', 'accounts', 'users'] as const;

/** The search path every run starts with: the reader's tables, then the sample ones. */
export const SEARCH_PATH = 'SET search_path = public, sample;';

/** SQL that creates and fills the sample tables; run before each SQL example. */
export const SAMPLE_DATABASE = `
CREATE SCHEMA sample;

CREATE TABLE sample.customers (
	id integer PRIMARY KEY,
	name text NOT NULL
);
INSERT INTO sample.customers (id, name) VALUES
	(1, 'Ada'), (2, 'Grace'), (3, 'Linus'), (42, 'Douglas');

CREATE TABLE sample.orders (
	id integer PRIMARY KEY,
	customer_id integer NOT NULL REFERENCES sample.customers (id),
	total numeric(10, 2) NOT NULL,
	created_at date NOT NULL,
	status text NOT NULL
);
INSERT INTO sample.orders (id, customer_id, total, created_at, status) VALUES
	(101, 1, 650.00, '2025-02-14', 'paid'),
	(102, 1, 480.50, '2025-09-03', 'open'),
	(103, 2, 300.00, '2025-05-20', 'open'),
	(104, 2, 950.00, '2024-11-30', 'paid'),
	(105, 42, 120.00, '2025-01-08', 'paid'),
	(106, 42, 899.99, '2025-06-17', 'paid'),
	(107, 42, 45.00, '2026-01-05', 'open');

CREATE TABLE sample.accounts (
	id integer PRIMARY KEY,
	owner text NOT NULL,
	balance numeric(10, 2) NOT NULL CHECK (balance >= 0)
);
INSERT INTO sample.accounts (id, owner, balance) VALUES (1, 'Ada', 500.00), (2, 'Grace', 200.00);

CREATE TABLE sample.users (
	id integer PRIMARY KEY,
	email text NOT NULL
);
INSERT INTO sample.users (id, email) VALUES (1, 'ada@example.com'), (2, 'grace@example.com');
`;
