"""Registries of each community: social organisations, social workers, facilities."""
