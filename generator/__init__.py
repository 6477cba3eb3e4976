"""Paper Digest: Korean/English AI-paper digests parsed from newsletters and published as a static site."""

__version__ = "0.2.0"
"""The package version (``digest --version``, the feeds' ``<generator>``)."""
