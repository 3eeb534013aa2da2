"""Code shared by two or more Raqib services: contracts, Kafka loop, db, settings, logging, metrics."""
