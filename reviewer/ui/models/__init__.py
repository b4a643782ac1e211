"""Qt item models: adapters over the frozen domain objects of the core."""
