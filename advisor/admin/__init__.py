"""The staff admin: what staff edit (`figures`) and what buyers made, read-only (`records`)."""

from . import figures, records

__all__ = ["figures", "records"]
