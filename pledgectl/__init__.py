"""pledgectl: a registry of ASN neutrality pledges kept as TOML files in git."""

__version__ = "0.1.0"
