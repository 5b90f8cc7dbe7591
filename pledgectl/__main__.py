"""Allow ``python -m pledgectl``."""

from pledgectl.cli.app import main

main()
