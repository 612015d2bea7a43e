"""regimes package."""
