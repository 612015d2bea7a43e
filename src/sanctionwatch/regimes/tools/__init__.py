"""Maintenance scripts for the knowledge base's data files."""
