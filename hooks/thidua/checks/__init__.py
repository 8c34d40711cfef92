"""Editorial checks on an exemplar beyond its schema: tone placement, personal data, photos, duplicates.

Each module has one concern and returns `Problem`s; `loader.py` calls them.
"""
