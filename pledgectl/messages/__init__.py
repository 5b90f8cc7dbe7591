"""Message catalogs, one module per area: ``MESSAGES = {key: (english, indonesian)}``."""
