"""The synthetic world (seeded) and the sample export made from it, and loading the bundled data."""
