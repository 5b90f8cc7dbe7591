"""Allow ``python -m pledgectl``."""

from pledgectl.cli.entry import main

main()
